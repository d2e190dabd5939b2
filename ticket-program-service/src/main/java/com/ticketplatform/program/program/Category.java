package com.ticketplatform.program.program;

public enum Category {
  ACTION, COMEDY, DRAMA, ANIMATION, SCIFI, HORROR, ROMANCE, DOCUMENTARY, CONCERT, THEATRE
}
