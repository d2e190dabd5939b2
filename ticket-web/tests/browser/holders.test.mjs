// Real-name tickets in Debian's headless Chromium against the running platform: an admin puts a showtime with one
// ticket per ID number on sale; a customer saves two ticket holders on their page, picks two seats, names one holder
// on each, pays at the provider and sees the PAID order with both names; a second account that saves the same ID
// number is told that this person already has their ticket for the show.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { api, expectAccessible, findShowtimeWithFreeSeats, launch, logIn, newContext, screenshot, signIn, stopPreview, storefrontUrl } from './harness.mjs';

let browser;
let base;
const SAME_ID_CARD = '11010519491231002X';

before(async () => {
  base = await storefrontUrl();
  browser = await launch();
});

after(async () => {
  if (shared) {
    const admin = await signIn('admin@ticket.local', 'Admin#2026');
    await api(`/api/admin/showtimes/${shared.showtimeId}/cancel`, as(admin, { method: 'POST' }));
  }
  await browser?.close();
  stopPreview();
});

function as(accessToken, init = {}) {
  return { ...init, headers: { Authorization: `Bearer ${accessToken}`, ...(init.headers ?? {}) } };
}

let shared;
/** One real-name showtime for the tests of this file, cancelled when they are done. */
async function sharedShowtime(admin) {
  shared ??= await realNameShowtime(admin);
  return shared;
}

/** A real-name showtime (cap 1) tomorrow in a new hall of a demo cinema, on sale: its id and seat map. */
async function realNameShowtime(admin) {
  const demo = await findShowtimeWithFreeSeats(1);
  const cinemaId = (await api(`/api/showtimes/${demo.showtime.showtimeId}/seats`)).body.cinemaId;
  const hall = await api(`/api/admin/cinemas/${cinemaId}/halls`, as(admin, {
    method: 'POST', body: JSON.stringify({ name: `Real-name test ${Date.now()}`, rows: 4, cols: 6 }),
  }));
  assert.equal(hall.status, 201, JSON.stringify(hall.body));
  const showtime = await api('/api/admin/showtimes', as(admin, {
    method: 'POST',
    body: JSON.stringify({
      programId: demo.program.programId, hallId: hall.body.hallId, currency: 'CNY', realNameCap: 1,
      startsAt: new Date(Date.now() + 26 * 3_600_000).toISOString(), prices: { A: '88.00', B: '68.00', C: '48.00' },
    }),
  }));
  assert.equal(showtime.status, 201, JSON.stringify(showtime.body));
  const onSale = await api(`/api/admin/showtimes/${showtime.body.showtimeId}/on-sale`, as(admin, { method: 'POST' }));
  assert.ok(onSale.status < 300, JSON.stringify(onSale.body));
  const map = await api(`/api/showtimes/${showtime.body.showtimeId}/seats`);
  assert.equal(map.body.realNameCap, 1, 'the seat map carries the cap');
  return { showtimeId: showtime.body.showtimeId, map: map.body };
}

/** "Row A seat 3", as the picker names a seat of the map. */
function seatName(row, seat) {
  const number = seat.label.startsWith(row.label) ? seat.label.slice(row.label.length) : String(seat.col);
  return `Row ${row.label} seat ${number}`;
}

async function settled(page) {
  await page.locator('main h1').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('main .loading'));
}

async function register(page, name, email) {
  await page.goto(`${base}/register`);
  await settled(page);
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('Ticket#2026holder');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL(`${base}/`);
}

async function addHolder(scope, name, idType, idNumber) {
  await scope.getByLabel('Full name (as on the ID)').fill(name);
  await scope.getByLabel('ID type').selectOption({ label: idType });
  await scope.getByLabel('ID number').fill(idNumber);
  await scope.getByRole('button', { name: 'Save holder' }).click();
}

describe('real-name tickets', () => {
  it('a customer names a saved holder on each seat and pays; another account naming the same ID number is told it already has its ticket', async () => {
    const admin = await signIn('admin@ticket.local', 'Admin#2026');
    const { showtimeId, map } = await sharedShowtime(admin);
    const row = map.rows[0];
    const [first, second, third] = row.seats;
    const stamp = Date.now();

    // the first customer saves two holders on their page, one after a mistake the form catches
    const context = await newContext(browser);
    const page = await context.newPage();
    await register(page, 'Holder Buyer', `holders-${stamp}@example.test`);
    await page.getByRole('link', { name: 'Ticket holders', exact: true }).click();
    await page.waitForURL(`${base}/account/holders`);
    await settled(page);
    assert.equal(await page.locator('#app').getByText('You have no saved ticket holders yet.').count(), 1);
    await addHolder(page, 'Zhang San', 'Resident ID card', '110105194912310021');
    const idError = page.locator('#new-holder-idNumber-error');
    await idError.waitFor();
    assert.match(await idError.innerText(), /Not a valid resident ID card number/);
    assert.equal(await page.getByLabel('ID number').getAttribute('aria-invalid'), 'true');
    await page.getByLabel('ID number').fill(SAME_ID_CARD);
    await page.getByRole('button', { name: 'Save holder' }).click();
    await page.getByTestId('holder').filter({ hasText: 'Zhang San' }).waitFor();
    await addHolder(page, 'Li Si', 'Passport', `E${String(stamp).slice(-8)}`);
    await page.getByTestId('holder').filter({ hasText: 'Li Si' }).waitFor();
    assert.equal(await page.getByTestId('holder').count(), 2);
    // only the masked number is ever shown
    const zhang = await page.getByTestId('holder').filter({ hasText: 'Zhang San' }).innerText();
    assert.match(zhang, /1101\*{10}002X/);
    assert.ok(!zhang.includes(SAME_ID_CARD));
    assert.ok(await page.getByRole('button', { name: 'Delete Zhang San' }).isVisible());
    await expectAccessible(page, 'holders');
    await screenshot(page, 'holders');
    // the same page in Chinese
    await page.getByLabel('Language').selectOption('zh-CN');
    await page.getByRole('heading', { name: '我的购票人' }).waitFor();
    assert.match(await page.getByTestId('holder').first().innerText(), /居民身份证/);
    await expectAccessible(page, 'holders-zh');
    await screenshot(page, 'holders-zh');
    await page.getByLabel('语言').selectOption('en');

    // deleting asks first: declined, the holder stays; accepted, it goes
    await addHolder(page, 'Wang Wu', 'Taiwan travel permit', '12345678');
    await page.getByTestId('holder').filter({ hasText: 'Wang Wu' }).waitFor();
    let asked = '';
    page.once('dialog', (dialog) => { asked = dialog.message(); return dialog.dismiss(); });
    await page.getByRole('button', { name: 'Delete Wang Wu' }).click();
    assert.match(asked, /Delete Wang Wu from your ticket holders\?/);
    assert.equal(await page.getByTestId('holder').count(), 3);
    page.once('dialog', (dialog) => dialog.accept());
    await page.getByRole('button', { name: 'Delete Wang Wu' }).click();
    await page.getByTestId('holders-message').filter({ hasText: 'Wang Wu was deleted.' }).waitFor();
    assert.equal(await page.getByTestId('holder').count(), 2);

    // the seat picker says what a real-name show asks before anything is picked
    await page.goto(`${base}/showtimes/${showtimeId}/seats`);
    await page.locator(`[data-seat-id="${first.seatId}"]`).waitFor();
    assert.match(await page.getByTestId('real-name-notice').innerText(), /names one person.*At most 1 ticket per ID number for this show/s);
    await page.locator(`[data-seat-id="${first.seatId}"]`).click();
    await page.locator(`[data-seat-id="${second.seatId}"]`).click();
    const checkout = page.getByRole('button', { name: 'Continue to checkout' });
    await page.getByTestId('holder-picker').waitFor();
    assert.equal(await checkout.isDisabled(), true, 'no ordering before every seat has a holder');
    assert.match(await page.getByTestId('holders-status').innerText(), /2 seats still need a holder/);
    await screenshot(page, 'holder-picker-empty');
    const firstSelect = page.getByLabel(`Holder for ${seatName(row, first)}`);
    const secondSelect = page.getByLabel(`Holder for ${seatName(row, second)}`);
    await firstSelect.selectOption({ label: 'Zhang San · 1101…002X' });
    // a holder on one seat is not offered for the other
    assert.deepEqual((await secondSelect.locator('option').allInnerTexts()).filter((o) => o.includes('Zhang San')), []);
    assert.equal(await checkout.isDisabled(), true);
    await secondSelect.selectOption({ index: 1 });
    assert.match(await secondSelect.locator('option:checked').innerText(), /^Li Si · /);
    assert.equal(await checkout.isDisabled(), false);
    await expectAccessible(page, 'holder-picker');
    await screenshot(page, 'holder-picker');
    await page.getByLabel('Language').selectOption('zh-CN');
    await page.locator('#app').getByText('实名制购票').waitFor();
    assert.equal(await page.getByLabel(`${seatName(row, first).replace(/^Row (\w+) seat (\d+)$/, '第 $1 排 $2 号')}的购票人`).count(), 1);
    await screenshot(page, 'holder-picker-zh');
    await page.getByLabel('语言').selectOption('en');

    // the order names each seat's own holder
    await checkout.click();
    await page.waitForURL(/\/orders\/\d+/);
    await settled(page);
    const orderNo = page.url().match(/\/orders\/(\d+)/)[1];
    await page.getByRole('button', { name: /^Pay / }).click();
    await page.waitForURL(/\/sandbox\/pay\//);
    await page.getByRole('button', { name: 'Pay', exact: true }).click();
    await page.waitForURL(new RegExp(`/orders/${orderNo}`), { timeout: 5_000 }).catch(async () => {
      await page.goto(`${base}/orders/${orderNo}?payment=returned`);
    });
    await page.waitForFunction(() => document.querySelector('[data-testid="order-status"]')?.getAttribute('data-status') === 'PAID', null, { timeout: 30_000 });
    assert.equal(await page.getByTestId('seat-holder').count(), 2);
    const seatLine = (seat) => page.locator('.seats li').filter({ hasText: seat.label });
    assert.match(await seatLine(first).innerText(), /Holder: Zhang San 1101\*{10}002X/);
    assert.match(await seatLine(second).innerText(), /Holder: Li Si /);
    await page.getByTestId('eticket').nth(1).waitFor();
    assert.match(await page.getByTestId('eticket').first().innerText(), /Zhang San/);
    await expectAccessible(page, 'holders-paid');
    await screenshot(page, 'holders-paid');
    await page.getByRole('link', { name: 'My orders', exact: true }).first().click();
    await settled(page);
    const card = page.getByTestId('order-holders').first();
    await card.waitFor();
    assert.match(await card.innerText(), /Zhang San 1101\*{10}002X[\s\S]*Li Si/);
    await screenshot(page, 'holders-orders');
    await context.close();

    // a second account names the same person, adding them without leaving the picker, and is refused for that ID
    const otherContext = await newContext(browser);
    const other = await otherContext.newPage();
    await register(other, 'Second Buyer', `holders-other-${stamp}@example.test`);
    await other.goto(`${base}/showtimes/${showtimeId}/seats`);
    await other.locator(`[data-seat-id="${third.seatId}"]`).click();
    await other.getByTestId('holder-picker').waitFor();
    assert.match(await other.getByTestId('holder-picker').innerText(), /You have no saved ticket holders yet/);
    await other.getByRole('button', { name: 'Add a holder' }).click();
    const inline = other.getByTestId('holder-picker');
    // the form opens in place, its first field focused
    assert.equal(await other.evaluate(() => document.activeElement?.id), 'inline-holder-name');
    await expectAccessible(other, 'holder-picker-inline-form');
    await screenshot(other, 'holder-picker-inline-form');
    await addHolder(inline, 'Zhang San', 'Resident ID card', SAME_ID_CARD);
    const otherSelect = other.getByLabel(`Holder for ${seatName(row, third)}`);
    // the new holder goes on the seat, which stayed picked
    await other.waitForFunction((id) => document.getElementById(`holder-for-${id}`)?.value !== '', third.seatId);
    assert.equal(await other.locator(`[data-seat-id="${third.seatId}"]`).getAttribute('aria-pressed'), 'true');
    assert.match(await otherSelect.locator('option:checked').innerText(), /^Zhang San · 1101/);
    await other.getByRole('button', { name: 'Continue to checkout' }).click();
    const conflict = other.getByTestId('conflict');
    await conflict.waitFor();
    assert.match(await conflict.innerText(),
      new RegExp(`Zhang San · 1101\\*{10}002X: this ID number already has the 1 ticket one ID may have for this show, so ${seatName(row, third)} cannot be booked in this name`));
    assert.equal(await otherSelect.getAttribute('aria-invalid'), 'true');
    assert.equal(await other.locator('#app').getByText('Choose someone else for this seat.').count(), 1);
    assert.equal(new URL(other.url()).pathname, `/showtimes/${showtimeId}/seats`);
    await expectAccessible(other, 'holder-cap-reached');
    await screenshot(other, 'holder-cap-reached');
    await other.setViewportSize({ width: 390, height: 844 });
    await expectAccessible(other, 'holder-cap-reached-phone');
    await screenshot(other, 'holder-cap-reached-phone');
    await otherContext.close();
  });

  it('asks again when a chosen holder was deleted meanwhile (422 UNKNOWN_HOLDERS), and asks for holders when the page thought the show unnamed (422 HOLDERS_REQUIRED)', async () => {
    const admin = await signIn('admin@ticket.local', 'Admin#2026');
    const { showtimeId, map } = await sharedShowtime(admin);
    const row = map.rows[map.rows.length - 1];
    const [seat, otherSeat] = row.seats;
    const email = `holders-gone-${Date.now()}@example.test`;
    const password = 'Ticket#2026holder';
    const registered = await api('/api/users/register', {
      method: 'POST', headers: { 'Idempotency-Key': email }, body: JSON.stringify({ loginName: email, password, displayName: 'Gone Holder' }),
    });
    assert.equal(registered.status, 201, JSON.stringify(registered.body));
    const token = await signIn(email, password);
    const saved = await api('/api/users/me/holders', as(token, {
      method: 'POST', headers: { 'Idempotency-Key': `holder-${email}` }, body: JSON.stringify({ name: 'Zhao Liu', idType: 'PASSPORT', idNumber: `G${Date.now()}`.slice(0, 12) }),
    }));
    assert.equal(saved.status, 201, JSON.stringify(saved.body));

    const context = await newContext(browser);
    const page = await context.newPage();
    await logIn(page, base, email, password);
    await page.goto(`${base}/showtimes/${showtimeId}/seats`);
    await page.locator(`[data-seat-id="${seat.seatId}"]`).click();
    await page.getByLabel(`Holder for ${seatName(row, seat)}`).selectOption({ index: 1 });
    // deleted elsewhere (another tab) before ordering
    assert.equal((await api(`/api/users/me/holders/${saved.body.id}`, as(token, { method: 'DELETE' }))).status, 204);
    await page.getByRole('button', { name: 'Continue to checkout' }).click();
    await page.getByTestId('conflict').filter({ hasText: 'no longer saved in your account' }).waitFor();
    assert.equal(await page.getByLabel(`Holder for ${seatName(row, seat)}`).inputValue(), '');
    assert.equal(await page.getByRole('button', { name: 'Continue to checkout' }).isDisabled(), true);
    assert.equal(await page.locator(`[data-seat-id="${seat.seatId}"]`).getAttribute('aria-pressed'), 'true', 'the seat stays picked');
    await screenshot(page, 'holders-unknown');

    // a page that read the show as unnamed (an older map) orders without holders and is told to name them
    const fresh = await newContext(browser);
    const stale = await fresh.newPage();
    await logIn(stale, base, email, password);
    let unnamed = true;
    await stale.route(`**/api/showtimes/${showtimeId}/seats`, async (route) => {
      if (!unnamed) return route.continue();
      const answer = await route.fetch();
      return route.fulfill({ response: answer, json: { ...(await answer.json()), realNameCap: 0 } });
    });
    await stale.goto(`${base}/showtimes/${showtimeId}/seats`);
    await stale.locator(`[data-seat-id="${otherSeat.seatId}"]`).click();
    assert.equal(await stale.getByTestId('real-name-notice').count(), 0);
    unnamed = false;
    await stale.getByRole('button', { name: 'Continue to checkout' }).click();
    await stale.getByTestId('conflict').filter({ hasText: 'Every ticket for this show needs a named holder' }).waitFor();
    await stale.getByTestId('real-name-notice').waitFor();
    await stale.getByTestId('holder-picker').waitFor();
    assert.equal(await stale.getByRole('button', { name: 'Continue to checkout' }).isDisabled(), true);
    assert.match(await stale.getByTestId('holders-status').innerText(), /1 seat still needs a holder/);
    await expectAccessible(stale, 'holders-required');
    await screenshot(stale, 'holders-required');
    await context.close();
    await fresh.close();
  });
});
