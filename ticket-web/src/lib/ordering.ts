// Placing an order through a busy moment: ORDERING_BUSY (503) says when to try again; the same attempt (same
// idempotency key) is sent again after that wait, and the customer sees the wait count down.
import { ProblemError, type PlacedOrder } from '../api/client';

export class OrderingBusyError extends Error {
  constructor() {
    super('ordering stayed busy');
    this.name = 'OrderingBusyError';
  }
}

export interface RetryOptions {
  /** Attempts in all, the first included. */
  attempts?: number;
  /** Called each second of a wait with the seconds left (0 when the retry is sent). */
  onWait?: (secondsLeft: number) => void;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function isBusy(error: unknown): error is ProblemError {
  return error instanceof ProblemError && error.status === 503
    && (error.code === 'ORDERING_BUSY' || error.retryAfterSeconds !== undefined);
}

/** The wait a busy answer asks for, bounded to what a customer will sit through: 1 to 30 seconds. */
export function waitSeconds(error: ProblemError): number {
  return Math.min(30, Math.max(1, error.retryAfterSeconds ?? 2));
}

export async function placeWithRetry(place: () => Promise<PlacedOrder>, options: RetryOptions = {}): Promise<PlacedOrder> {
  const attempts = options.attempts ?? 5;
  const sleep = options.sleep ?? defaultSleep;
  for (let attempt = 1; ; attempt++) {
    try {
      return await place();
    } catch (error) {
      if (!isBusy(error)) throw error;
      if (attempt >= attempts) throw new OrderingBusyError();
      for (let left = waitSeconds(error); left > 0; left--) {
        options.onWait?.(left);
        await sleep(1000);
      }
      options.onWait?.(0);
    }
  }
}
