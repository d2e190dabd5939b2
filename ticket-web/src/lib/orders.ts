import type { Order } from '../api/client';
import type { MessageKey } from './i18n';

/** What a customer calls the order's state: an unpaid order closed by the clock is "expired", not "cancelled". */
export function displayStatus(order: Order): string {
  if (order.status === 'CANCELLED' && order.closeReason === 'EXPIRED') return 'EXPIRED';
  return order.status ?? 'UNKNOWN';
}

const KNOWN = new Set(['PENDING', 'REJECTED', 'PENDING_PAYMENT', 'PAID', 'CANCELLED', 'REFUNDING', 'REFUNDED', 'EXPIRED']);

export function statusKey(order: Order): MessageKey {
  const status = displayStatus(order);
  return (KNOWN.has(status) ? `status_${status}` : 'status_UNKNOWN') as MessageKey;
}

/** An order whose state will not change without the customer (or a refund) doing something. */
export function isSettled(order: Order): boolean {
  return order.status === 'PAID' || order.status === 'CANCELLED' || order.status === 'REFUNDED'
    || order.status === 'REJECTED';
}

/** An accepted order still being placed: its seats are decided, the order not written yet. */
export function isBeingPlaced(order: Order): boolean {
  return order.status === 'PENDING';
}

export function isAwaitingPayment(order: Order): boolean {
  return order.status === 'PENDING_PAYMENT';
}

/** Whether a paid order can still be refunded at {@code now} (ms), and until when, as the API says. */
export type RefundState = { kind: 'open'; until: string } | { kind: 'closed'; until: string } | { kind: 'none' };

export function refundState(order: Order, now: number): RefundState {
  if (order.status !== 'PAID' || !order.refundableUntil) return { kind: 'none' };
  return Date.parse(order.refundableUntil) > now
    ? { kind: 'open', until: order.refundableUntil }
    : { kind: 'closed', until: order.refundableUntil };
}

/** A paid order of a showtime the cinema moved: the buyer is told, with the new start. */
export function wasMoved(order: Order): boolean {
  return !!order.showtimeMovedAt && (order.status === 'PAID' || order.status === 'REFUNDING');
}
