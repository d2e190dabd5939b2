import { describe, expect, it } from 'vitest';
import type { Order } from '../../src/api/client';
import { refundState, wasMoved } from '../../src/lib/orders';

const paid = (over: Partial<Order> = {}): Order => ({ orderNo: '1', status: 'PAID', refundableUntil: '2026-12-24T19:00:00Z', ...over }) as Order;
const before = Date.parse('2026-12-24T18:59:59Z');
const after = Date.parse('2026-12-24T19:00:00Z');

describe('the refund window of an order', () => {
  it('is open until the moment the API names, then closed', () => {
    expect(refundState(paid(), before)).toEqual({ kind: 'open', until: '2026-12-24T19:00:00Z' });
    expect(refundState(paid(), after)).toEqual({ kind: 'closed', until: '2026-12-24T19:00:00Z' });
  });

  it('does not exist for an order that is not paid', () => {
    expect(refundState(paid({ status: 'REFUNDING' }), before)).toEqual({ kind: 'none' });
    expect(refundState(paid({ status: 'PENDING_PAYMENT', refundableUntil: null }), before)).toEqual({ kind: 'none' });
  });

  it('tells a buyer of a moved showtime, while the order stands', () => {
    expect(wasMoved(paid({ showtimeMovedAt: '2026-12-20T10:00:00Z' }))).toBe(true);
    expect(wasMoved(paid())).toBe(false);
    expect(wasMoved(paid({ status: 'REFUNDED', showtimeMovedAt: '2026-12-20T10:00:00Z' }))).toBe(false);
  });
});
