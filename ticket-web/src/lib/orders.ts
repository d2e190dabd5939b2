import type { Order } from '../api/client';
import type { MessageKey } from './i18n';

/** What a customer calls the order's state: an unpaid order closed by the clock is "expired", not "cancelled". */
export function displayStatus(order: Order): string {
  if (order.status === 'CANCELLED' && order.closeReason === 'EXPIRED') return 'EXPIRED';
  return order.status ?? 'UNKNOWN';
}

const KNOWN = new Set(['PENDING_PAYMENT', 'PAID', 'CANCELLED', 'REFUNDING', 'REFUNDED', 'EXPIRED']);

export function statusKey(order: Order): MessageKey {
  const status = displayStatus(order);
  return (KNOWN.has(status) ? `status_${status}` : 'status_UNKNOWN') as MessageKey;
}

/** An order whose state will not change without the customer (or a refund) doing something. */
export function isSettled(order: Order): boolean {
  return order.status === 'PAID' || order.status === 'CANCELLED' || order.status === 'REFUNDED';
}

export function isAwaitingPayment(order: Order): boolean {
  return order.status === 'PENDING_PAYMENT';
}
