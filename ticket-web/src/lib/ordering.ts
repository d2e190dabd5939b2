// Placing an order through a busy moment: ORDERING_BUSY (503) says when to try again; the same attempt (same
// idempotency key) is sent again after that wait, and the customer sees the wait count down.
import { ProblemError, type Order, type PlacedOrder, type TicketApi } from '../api/client';

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

/**
 * An accepted order (202) is decided in a moment: the seat picker waits that long for its outcome, on the order's
 * event stream, so a refusal only the order service can make (a real-name share used, the sale just closed) is shown
 * where the customer picked, as a direct order's refusal would be. Past this, the order's page follows it instead.
 */
export const OUTCOME_WAIT_MS = 8000;

/** Polls when the event stream cannot be opened or breaks. */
const POLL_MS = 1000;

/**
 * The accepted order once it is placed or refused (`status` other than `PENDING`), or undefined when `withinMs` passed
 * first. Follows the event stream, and reads the order every second if the stream fails.
 */
export async function awaitOutcome(
  api: Pick<TicketApi, 'followOrder' | 'getOrder'>, orderNo: string, withinMs = OUTCOME_WAIT_MS,
  sleep: (ms: number) => Promise<void> = defaultSleep,
): Promise<Order | undefined> {
  const stream = new AbortController();
  const deadline = Date.now() + withinMs;
  let outcome: Order | undefined;
  const timer = setTimeout(() => stream.abort(), withinMs);
  try {
    await api.followOrder(orderNo, (order) => {
      if (order.status !== 'PENDING') {
        outcome = order;
        stream.abort();
      }
    }, stream.signal);
  } catch {
    // aborted (outcome or time), or the stream failed: polled below while time is left
  } finally {
    clearTimeout(timer);
  }
  while (outcome === undefined && Date.now() < deadline) {
    try {
      const order = await api.getOrder(orderNo);
      if (order.status !== 'PENDING') return order;
    } catch {
      // tried again while time is left
    }
    await sleep(Math.min(POLL_MS, Math.max(0, deadline - Date.now())));
  }
  return outcome;
}

/** A refused accepted order's problem, as the ProblemError the same refusal of a direct order would have been. */
export function rejectionError(order: Order): ProblemError {
  const rejection = order.rejection ?? undefined;
  const status = rejection?.status ?? 503;
  const code = rejection?.code ?? 'ORDER_NOT_TAKEN';
  const detail = rejection?.detail ?? 'the order could not be placed';
  return new ProblemError(status, code, detail, { ...(rejection?.properties ?? {}), status, code, detail });
}
