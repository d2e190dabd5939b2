// E-tickets and the door in Debian's headless Chromium against the running platform: a buyer's paid order shows one
// QR code per seat; door staff of the cinema admit a ticket once, are told it was used when it comes back, and see a
// forged code refused. The showtime starts within the hour (an admin creates it in a hall of its own), so the codes
// admit now.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { api, expectAccessible, findShowtimeWithFreeSeats, launch, logIn, newContext, screenshot, signIn, stopPreview, storefrontUrl } from './harness.mjs';

const SANDBOX = process.env.TICKET_SANDBOX_URL ?? 'http://127.0.0.1:8090';
let browser;
let base;

before(async () => {
  base = await storefrontUrl();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  stopPreview();
});

/** Request options carrying an access token. */
function as(accessToken, init = {}) {
  return { ...init, headers: { Authorization: `Bearer ${accessToken}`, ...(init.headers ?? {}) } };
}

/** A showtime 45 minutes from now in a new hall of a demo cinema, on sale: its id and cinema. */
async function showtimeStartingSoon(admin) {
  const demo = await findShowtimeWithFreeSeats(1);
  const cinemaId = (await api(`/api/showtimes/${demo.showtime.showtimeId}/seats`)).body.cinemaId;
  const hall = await api(`/api/admin/cinemas/${cinemaId}/halls`, as(admin, {
    method: 'POST', body: JSON.stringify({ name: `Door test ${Date.now()}`, rows: 4, cols: 6 }),
  }));
  assert.equal(hall.status, 201, JSON.stringify(hall.body));
  const showtime = await api('/api/admin/showtimes', as(admin, {
    method: 'POST',
    body: JSON.stringify({
      programId: demo.program.programId, hallId: hall.body.hallId, currency: 'CNY',
      startsAt: new Date(Date.now() + 45 * 60_000).toISOString(), prices: { A: '88.00', B: '68.00', C: '48.00' },
    }),
  }));
  assert.equal(showtime.status, 201, JSON.stringify(showtime.body));
  const onSale = await api(`/api/admin/showtimes/${showtime.body.showtimeId}/on-sale`, as(admin, { method: 'POST' }));
  assert.ok(onSale.status < 300, JSON.stringify(onSale.body));
  return { showtimeId: showtime.body.showtimeId, cinemaId };
}

/** A new customer buys two seats and pays at the provider sandbox: the order number once it is PAID. */
async function paidOrder(showtimeId, loginName, password) {
  const registered = await api('/api/users/register', {
    method: 'POST', body: JSON.stringify({ loginName, password, displayName: 'Door Test Buyer' }),
  });
  assert.equal(registered.status, 201, JSON.stringify(registered.body));
  const buyer = await signIn(loginName, password);
  const seats = (await api(`/api/showtimes/${showtimeId}/seats`)).body.rows[0].seats.slice(0, 2).map((s) => s.seatId);
  const placed = await api('/api/orders', as(buyer, {
    method: 'POST', headers: { 'Idempotency-Key': crypto.randomUUID() }, body: JSON.stringify({ showtimeId, seatIds: seats }),
  }));
  assert.ok(placed.status === 201 || placed.status === 202, JSON.stringify(placed.body));
  const orderNo = placed.body.orderNo;
  const payment = await api(`/api/orders/${orderNo}/payment`, as(buyer, { method: 'POST' }));
  assert.equal(payment.status, 200, JSON.stringify(payment.body));
  const completed = await fetch(`${SANDBOX}/sandbox/pay/${payment.body.paymentId}/complete`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ outcome: 'SUCCESS' }),
  });
  assert.ok(completed.status >= 200 && completed.status < 300);
  for (let i = 0; i < 60; i++) {
    if ((await api(`/api/orders/${orderNo}`, as(buyer))).body.status === 'PAID') return { orderNo, buyer };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`order ${orderNo} was not paid`);
}

describe('e-tickets and the door', () => {
  it('a buyer sees one QR code per seat; door staff admit a ticket once, then see it used, and refuse a forged code; the used order is not refundable', async () => {
    const admin = await signIn('admin@ticket.local', 'Admin#2026');
    const { showtimeId, cinemaId } = await showtimeStartingSoon(admin);
    const stamp = Date.now();
    const buyerLogin = `buyer-${stamp}@ticket.local`;
    const { orderNo, buyer } = await paidOrder(showtimeId, buyerLogin, 'Ticket#2026a');

    // the buyer's order page shows the e-tickets
    const buyerContext = await newContext(browser);
    const buyerPage = await buyerContext.newPage();
    await logIn(buyerPage, base, buyerLogin, 'Ticket#2026a');
    await buyerPage.goto(`${base}/orders/${orderNo}`);
    await buyerPage.getByRole('heading', { name: 'Your e-tickets' }).waitFor();
    const codes = buyerPage.getByTestId('eticket').locator('img');
    await buyerPage.waitForFunction(() => document.querySelectorAll('[data-testid="eticket"] img').length === 2);
    assert.match(await codes.first().getAttribute('alt'), /^E-ticket QR code, seat /);
    await buyerPage.waitForFunction(() => [...document.querySelectorAll('[data-testid="eticket"] img')]
      .every((img) => img.complete && img.naturalWidth > 100), null, { timeout: 10_000 });
    await expectAccessible(buyerPage, 'etickets');
    await screenshot(buyerPage, 'etickets');
    await buyerContext.close();

    const tickets = await api(`/api/orders/${orderNo}/tickets`, as(buyer));
    assert.equal(tickets.status, 200);
    const code = tickets.body[0].code;

    // door staff of that cinema, keyboard only after logging in
    const doorLogin = `door-${stamp}@ticket.local`;
    const staff = await api('/api/admin/users/door-staff', as(admin, {
      method: 'POST', body: JSON.stringify({ loginName: doorLogin, password: 'Door#2026ab', displayName: 'Main door', cinemaId }),
    }));
    assert.equal(staff.status, 201, JSON.stringify(staff.body));
    const doorContext = await newContext(browser);
    const door = await doorContext.newPage();
    await logIn(door, base, doorLogin, 'Door#2026ab');
    await door.getByRole('link', { name: 'Door' }).click();
    await door.getByRole('heading', { name: 'Door check-in' }).waitFor();
    await door.getByLabel('Gate').fill('Hall door');
    await door.getByLabel('Ticket code').fill(code);
    await door.getByLabel('Ticket code').press('Enter');
    const verdict = door.getByTestId('scan-verdict');
    await door.locator('[data-testid="scan-verdict"][data-outcome="ADMITTED"]').waitFor();
    assert.match(await verdict.innerText(), /Let in/);
    await expectAccessible(door, 'door admitted');
    await screenshot(door, 'door-admitted');

    await door.getByLabel('Ticket code').fill(code);
    await door.getByRole('button', { name: 'Check ticket' }).click();
    await door.locator('[data-testid="scan-verdict"][data-outcome="ALREADY_USED"]').waitFor();
    assert.match(await verdict.innerText(), /already been used/);
    assert.match(await verdict.innerText(), /Hall door/);
    await screenshot(door, 'door-already-used');

    await door.getByLabel('Ticket code').fill(code.slice(0, -4) + 'AAAA');
    await door.getByLabel('Ticket code').press('Enter');
    await door.locator('[data-testid="scan-verdict"][data-outcome="INVALID"]').waitFor();
    assert.match(await verdict.innerText(), /Do not let in/);
    await screenshot(door, 'door-invalid');
    await doorContext.close();

    // the buyer cannot take the money back once a ticket was used, and is told why
    const againContext = await newContext(browser);
    const buyerAgain = await againContext.newPage();
    await logIn(buyerAgain, base, buyerLogin, 'Ticket#2026a');
    await buyerAgain.goto(`${base}/orders/${orderNo}`);
    buyerAgain.once('dialog', (dialog) => dialog.accept());
    await buyerAgain.getByRole('button', { name: 'Request a refund' }).click();
    await buyerAgain.locator('#app').getByText(/cannot be refunded: a ticket of this order has been used at the door/).waitFor();
    await expectAccessible(buyerAgain, 'refund refused');
    await screenshot(buyerAgain, 'refund-refused-used');
    await againContext.close();
  });
});
