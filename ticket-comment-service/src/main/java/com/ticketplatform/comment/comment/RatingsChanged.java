package com.ticketplatform.comment.comment;

/**
 * The visible ratings of a program changed: one was posted, edited, hidden or restored. Published in the writer's
 * transaction (synchronously, while it is still open), so what is derived from the ratings, such as the rating
 * summary, can drop its copy once that transaction commits.
 */
public record RatingsChanged(long programId) {}
