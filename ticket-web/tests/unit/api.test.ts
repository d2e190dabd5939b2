import { describe, expect, it, vi } from 'vitest';
import { ProblemError, createTicketApi } from '../../src/api/client';
import { OrderingBusyError, placeWithRetry } from '../../src/lib/ordering';
import { serverNow, session, sessionFetch } from '../../src/lib/session';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers } });

const order = { orderNo: '122552585885319168', status: 'PENDING_PAYMENT', amount: 136, currency: 'CNY' };

describe('placing an order', () => {
  it('tells 201 Created from 202 Accepted', async () => {
    const answers = [json(201, order), json(202, { ...order, status: 'PLACING' })];
    const api = createTicketApi({ baseUrl: 'http://gw', fetch: async () => answers.shift()! });
    expect(await api.placeOrder({ showtimeId: '1', seatIds: ['2'] }, 'k')).toEqual({ order, outcome: 'created' });
    expect((await api.placeOrder({ showtimeId: '1', seatIds: ['2'] }, 'k')).outcome).toBe('accepted');
  });

  it('reads SEATS_TAKEN with the seats, and the wait of a busy answer', async () => {
    const answers = [
      json(409, { status: 409, code: 'SEATS_TAKEN', detail: 'taken', seatIds: ['7263104932859904001'] }),
      json(503, { status: 503, code: 'ORDERING_BUSY', detail: 'busy' }, { 'Retry-After': '3' }),
    ];
    const api = createTicketApi({ baseUrl: 'http://gw', fetch: async () => answers.shift()! });
    const taken = await api.placeOrder({ showtimeId: '1', seatIds: ['2'] }, 'k').catch((e: unknown) => e);
    expect(taken).toBeInstanceOf(ProblemError);
    expect((taken as ProblemError).problem?.seatIds).toEqual(['7263104932859904001']);
    const busy = await api.placeOrder({ showtimeId: '1', seatIds: ['2'] }, 'k').catch((e: unknown) => e);
    expect((busy as ProblemError).retryAfterSeconds).toBe(3);
  });

  it('retries a busy answer after its wait with the same attempt, showing the countdown', async () => {
    const busy = new ProblemError(503, 'ORDERING_BUSY', 'busy', undefined, 2);
    const place = vi.fn().mockRejectedValueOnce(busy).mockResolvedValueOnce({ order, outcome: 'created' });
    const waits: number[] = [];
    const placed = await placeWithRetry(place, { onWait: (s) => waits.push(s), sleep: async () => {} });
    expect(placed.outcome).toBe('created');
    expect(place).toHaveBeenCalledTimes(2);
    expect(waits).toEqual([2, 1, 0]);
  });

  it('gives up after a few busy answers, and never retries a refusal', async () => {
    const busy = new ProblemError(503, 'ORDERING_BUSY', 'busy', undefined, 1);
    await expect(placeWithRetry(() => Promise.reject(busy), { attempts: 3, sleep: async () => {} })).rejects.toBeInstanceOf(OrderingBusyError);
    const taken = new ProblemError(409, 'SEATS_TAKEN', 'taken', undefined);
    const place = vi.fn().mockRejectedValue(taken);
    await expect(placeWithRetry(place, { sleep: async () => {} })).rejects.toBe(taken);
    expect(place).toHaveBeenCalledTimes(1);
  });
});

describe('the session', () => {
  it('refreshes an expired access token and sends the call again, the page none the wiser', async () => {
    const seen: string[] = [];
    const base = async (request: RequestInfo | URL) => {
      const auth = (request as Request).headers.get('Authorization') ?? '';
      seen.push(auth);
      return auth === 'Bearer fresh' ? json(200, { ok: true }) : json(401, { status: 401, code: 'UNAUTHENTICATED' });
    };
    const fetch = sessionFetch(base as typeof globalThis.fetch, async () => 'fresh');
    const answer = await fetch(new Request('http://gw/api/orders', { headers: { Authorization: 'Bearer stale' } }));
    expect(answer.status).toBe(200);
    expect(seen).toEqual(['Bearer stale', 'Bearer fresh']);
  });

  it('passes a 401 through when no refresh is possible, and notices an unreachable platform', async () => {
    const fetch = sessionFetch((async () => json(401, { status: 401, code: 'UNAUTHENTICATED' })) as typeof globalThis.fetch, async () => undefined);
    expect((await fetch(new Request('http://gw/api/orders', { headers: { Authorization: 'Bearer x' } }))).status).toBe(401);
    const down = sessionFetch((async () => { throw new TypeError('Failed to fetch'); }) as typeof globalThis.fetch, async () => undefined);
    await expect(down(new Request('http://gw/api/programs'))).rejects.toBeInstanceOf(TypeError);
    expect(session.unreachable).toBe(true);
  });
});

describe('the platform\'s clock', () => {
  it('counts holds by the server\'s time when the device\'s clock is off', async () => {
    const ahead = new Date(Date.now() + 10 * 60_000).toUTCString();
    const fetch = sessionFetch((async () => new Response('{}', { status: 200, headers: { Date: ahead } })) as typeof globalThis.fetch, async () => undefined);
    await fetch(new Request('http://gw/api/orders/1'));
    expect(Math.abs(serverNow() - (Date.now() + 10 * 60_000))).toBeLessThan(2000);
    const inStep = sessionFetch((async () => new Response('{}', { status: 200, headers: { Date: new Date().toUTCString() } })) as typeof globalThis.fetch, async () => undefined);
    await inStep(new Request('http://gw/api/orders/1'));
    expect(serverNow() - Date.now()).toBe(0);
  });
});
