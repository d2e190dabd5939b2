import { describe, expect, it, vi } from 'vitest';
import { ProblemError, createTicketApi, readEvents, type Order } from '../../src/api/client';
import { OrderingBusyError, awaitOutcome, placeWithRetry, rejectionError } from '../../src/lib/ordering';
import { serverNow, session, sessionFetch } from '../../src/lib/session';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers } });

const order = { orderNo: '122552585885319168', status: 'PENDING_PAYMENT', amount: 136, currency: 'CNY' };

/** A body that arrives in these pieces, as a network would cut it. */
const chunked = (...pieces: string[]) => new ReadableStream<Uint8Array>({
  start(controller) {
    for (const piece of pieces) controller.enqueue(new TextEncoder().encode(piece));
    controller.close();
  },
});

describe('accepted orders', () => {
  it('asks to be answered at once (Prefer: respond-async)', async () => {
    let prefer: string | null = null;
    const api = createTicketApi({
      baseUrl: 'http://gw',
      fetch: async (input: RequestInfo | URL) => {
        prefer = (input as Request).headers.get('Prefer');
        return json(202, { orderNo: '1', status: 'PENDING' });
      },
    });
    expect((await api.placeOrder({ showtimeId: '1', seatIds: ['2'] }, 'k')).outcome).toBe('accepted');
    expect(prefer).toBe('respond-async');
  });

  it('reads server-sent events cut anywhere: comments skipped, CRLF and multi-line data joined', async () => {
    const events: [string, string][] = [];
    await readEvents(chunked(': waiting\n\nevent: or', 'der\r\ndata: {"a":\r\ndata: 1}\r\n', '\r\ndata: plain\n\n'),
      (event, data) => events.push([event, data]));
    expect(events).toEqual([['order', '{"a":\n1}'], ['message', 'plain']]);
  });

  it('follows the order on its event stream with the bearer token until it is settled', async () => {
    let auth: string | null = null;
    const api = createTicketApi({
      baseUrl: 'http://gw',
      tokens: { accessToken: 'tok', refreshToken: 'r', tokenType: 'Bearer', expiresIn: 300 },
      fetch: async (input: RequestInfo | URL) => {
        auth = (input as Request).headers.get('Authorization');
        return new Response(chunked('event: order\ndata: {"orderNo":"1","status":"PENDING"}\n\n',
          ': waiting\n\n', 'event: order\ndata: {"orderNo":"1","status":"REJECTED","rejection":{"status":409,"code":"SEATS_TAKEN",'
          + '"detail":"taken","properties":{"seatIds":["7"]}}}\n\n'), { headers: { 'Content-Type': 'text/event-stream' } });
      },
    });
    const seen: (string | undefined)[] = [];
    await api.followOrder('1', (o) => seen.push(o.status));
    expect(seen).toEqual(['PENDING', 'REJECTED']);
    expect(auth).toBe('Bearer tok');

    const outcome = await awaitOutcome(api, '1', 1000);
    expect(outcome?.status).toBe('REJECTED');
    const problem = rejectionError(outcome!);
    expect(problem.code).toBe('SEATS_TAKEN');
    expect(problem.status).toBe(409);
    expect(problem.problem?.seatIds).toEqual(['7']);
  });

  it('reads the order when its stream cannot be opened, and gives up waiting at the deadline', async () => {
    const reads: Order[] = [{ status: 'PENDING' }, { status: 'PENDING_PAYMENT', orderNo: '1' }];
    const api = {
      followOrder: async () => { throw new ProblemError(502, 'HTTP_502', 'bad gateway', undefined); },
      getOrder: vi.fn(async () => reads.shift() ?? { status: 'PENDING' }),
    };
    expect((await awaitOutcome(api, '1', 5000, async () => {}))?.status).toBe('PENDING_PAYMENT');
    expect(api.getOrder).toHaveBeenCalledTimes(2);

    const never = { followOrder: async () => {}, getOrder: async (): Promise<Order> => ({ status: 'PENDING' }) };
    expect(await awaitOutcome(never, '1', 30, (ms) => new Promise((r) => setTimeout(r, ms)))).toBeUndefined();
  });
});

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
