package com.ticketplatform.user.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** An account for a cinema's door staff: it may admit ticket holders at that cinema only (role DOOR:<cinemaId>). */
public record DoorStaffRequest(
    @NotBlank @ValidLoginName String loginName,
    @NotBlank @ValidPassword String password,
    @NotBlank @Size(max = 64) String displayName,
    @NotNull @Positive Long cinemaId) {}
