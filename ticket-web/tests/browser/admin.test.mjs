// The admin console in Debian's headless Chromium against the running platform: an admin draws a hall, creates a
// program and a showtime in it, puts it on sale, and a customer buys a seat there; the console refuses a customer on
// every admin route; axe-core finds no serious or critical violation on any console page; the gateway's
// Content-Security-Policy is in force (added here when `vite preview` serves the build).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  api, cspViolations, expectAccessible, GATEWAY, launch, logIn, newContext, screenshot, signIn, stopPreview, storefrontUrl,
} from './harness.mjs';

let browser;
let base;
let csp;
const stamp = Date.now();
/** The program and buyer of the purchase test, for the moderation test after it. */
const bought = {};

before(async () => {
  base = await storefrontUrl();
  browser = await launch();
  csp = (await fetch(`${GATEWAY}/`, { headers: { Accept: 'text/html' } })).headers.get('content-security-policy');
  assert.ok(csp, 'the gateway sends a Content-Security-Policy with the app');
});

after(async () => {
  await browser?.close();
  stopPreview();
});

/** A browser context whose pages carry the gateway's policy even when vite preview serves them. */
async function console(options) {
  const context = await newContext(browser, options);
  if (base !== GATEWAY) {
    await context.route((url) => url.origin === base, async (route) => {
      if (route.request().resourceType() !== 'document') return route.continue();
      const response = await route.fetch();
      return route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': csp } });
    });
  }
  return context;
}

/** Waits until nothing is loading on the page. */
async function settled(page) {
  await page.waitForLoadState('networkidle');
  await page.locator('.loading').waitFor({ state: 'detached' }).catch(() => {});
}

/** "2026-12-07T19:30": a time in the cinema's zone (Asia/Shanghai) some hours from now, on the hour. */
function shanghaiLocal(hoursFromNow) {
  const at = new Date(Math.ceil((Date.now() + hoursFromNow * 3600_000) / 3600_000) * 3600_000 + 8 * 3600_000);
  return at.toISOString().slice(0, 16);
}

const ADMIN_PATHS = ['/admin', '/admin/cinemas', '/admin/cinemas/1', '/admin/cinemas/1/halls/new', '/admin/halls/1', '/admin/programs',
  '/admin/programs/new', '/admin/programs/1', '/admin/reports', '/admin/adverts', '/admin/moderation', '/admin/payments',
  '/admin/notifications/dead-letters'];

describe('the admin console', () => {
  it('refuses a customer on every admin route, and the platform refuses the API too', async () => {
    const context = await console();
    const page = await context.newPage();
    const adminCalls = [];
    page.on('request', (request) => { if (new URL(request.url()).pathname.startsWith('/api/admin')) adminCalls.push(request.url()); });
    await logIn(page, base, 'demo@ticket.local', 'Demo#2026');
    assert.equal(await page.getByRole('link', { name: 'Admin', exact: true }).count(), 0, 'no Admin link for a customer');
    for (const path of ADMIN_PATHS) {
      await page.goto(`${base}${path}`);
      await page.getByTestId('admin-refusal').waitFor();
      assert.equal(await page.locator('main h1').innerText(), 'This part is for cinema admins', path);
      assert.equal(await page.getByRole('navigation', { name: 'Admin console' }).count(), 0, path);
    }
    assert.deepEqual(adminCalls, [], 'the refused pages call no admin API');
    await expectAccessible(page, 'admin-refused');
    await screenshot(page, 'admin-refused');
    const customer = await signIn('demo@ticket.local', 'Demo#2026');
    for (const path of ['/api/admin/cinemas', '/api/admin/reports/sales?from=2026-01-01&to=2026-01-02&groupBy=FILM']) {
      const refused = await api(path, { headers: { Authorization: `Bearer ${customer}` } });
      assert.equal(refused.status, 403, `${path}: ${JSON.stringify(refused.body)}`);
    }
    await context.close();
  });

  it('an admin draws a hall, creates a program and a showtime, puts it on sale, and a customer buys a seat in it', async () => {
    const context = await console();
    const page = await context.newPage();
    await logIn(page, base, 'admin@ticket.local', 'Admin#2026');
    await page.getByRole('link', { name: 'Admin', exact: true }).click();
    await page.getByRole('navigation', { name: 'Admin console' }).waitFor();
    await expectAccessible(page, 'admin-home');
    await screenshot(page, 'admin-home');

    // a cinema, then a new hall in it
    await page.getByRole('navigation', { name: 'Admin console' }).getByRole('link', { name: 'Cinemas & halls' }).click();
    await settled(page);
    await expectAccessible(page, 'admin-cinemas');
    await page.locator('.cinemas a').first().click();
    await page.waitForURL(/\/admin\/cinemas\/\d+$/);
    await page.getByRole('heading', { name: 'Halls' }).waitFor();
    const cinemaName = await page.locator('main h1').innerText();
    await expectAccessible(page, 'admin-cinema');
    await screenshot(page, 'admin-cinema');
    await page.getByRole('link', { name: 'New hall' }).click();
    await settled(page);

    // the API has the last word, in its own words: a hall without a seat is refused
    const hallName = `Test hall ${stamp}`;
    await page.getByLabel('Hall name').fill(hallName);
    await page.getByLabel('Rows', { exact: true }).fill('1');
    await page.getByLabel('Columns', { exact: true }).fill('1');
    await page.getByRole('radio', { name: 'Gap (no seat)', exact: true }).check();
    await page.getByRole('button', { name: 'A1: tier B, standard' }).click();
    await page.getByRole('button', { name: 'Create hall' }).click();
    const refusal = page.getByTestId('refusal-detail');
    await refusal.waitFor();
    assert.match(await refusal.innerText(), /the seat map has no seats \(INVALID_SEAT_MAP\)/);

    // now a real one: 5 rows × 8, an aisle at column 4, a front row in tier C, a back row in tier A, a wheelchair
    // space, a gap; the first position (still a gap) painted by keyboard
    await page.getByLabel('Rows', { exact: true }).fill('5');
    await page.getByLabel('Columns', { exact: true }).fill('8');
    await page.getByRole('button', { name: 'Column 4 is an aisle' }).click();
    assert.equal(await page.getByRole('button', { name: 'Column 4 is an aisle' }).getAttribute('aria-pressed'), 'true');
    await page.getByRole('radio', { name: 'Seat', exact: true }).check();
    await page.getByRole('radio', { name: 'Tier C', exact: true }).check();
    await page.getByRole('button', { name: 'A1: gap' }).focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'A1: tier C, standard' }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'B1: tier C, standard' }).waitFor();
    await page.getByRole('button', { name: /^Paint row A with tier C/ }).click();
    await page.getByRole('radio', { name: 'Tier A', exact: true }).check();
    await page.getByRole('button', { name: /^Paint row E with tier A/ }).click();
    await page.getByRole('radio', { name: 'Wheelchair space', exact: true }).check();
    await page.getByRole('radio', { name: 'Tier C', exact: true }).check();
    await page.getByRole('button', { name: 'B1: tier C, standard' }).click();
    await page.getByRole('radio', { name: 'Gap (no seat)', exact: true }).check();
    await page.getByRole('button', { name: 'B8: tier B, standard' }).click();
    assert.equal(await page.getByTestId('hall-count').innerText(), '34 seats: tier A 7, tier B 19, tier C 8, and 1 × wheelchair space');
    await expectAccessible(page, 'admin-hall-draw');
    await screenshot(page, 'admin-hall-draw');

    await page.getByRole('button', { name: 'Preview as customers see it' }).click();
    const preview = page.getByRole('group', { name: /Seat map/ });
    await preview.waitFor();
    assert.equal(await preview.locator('button[data-seat-id]').count(), 34);
    assert.equal(await preview.getByRole('button', { name: 'Row B seat 1, tier C, available, wheelchair space' }).count(), 1);
    await expectAccessible(page, 'admin-hall-preview');
    await screenshot(page, 'admin-hall-preview');

    // leaving with the drawing unsaved asks first; staying keeps it
    const asked = new Promise((resolve) => page.once('dialog', (dialog) => { resolve(dialog.message()); void dialog.dismiss(); }));
    await page.getByRole('navigation', { name: 'Admin console' }).getByRole('link', { name: 'Programs & showtimes' }).click();
    assert.equal(await asked, 'This hall has changes that are not saved. Leave without saving them?');
    assert.match(page.url(), /\/halls\/new$/);

    await page.getByRole('button', { name: 'Create hall' }).click();
    await page.waitForURL(/\/admin\/halls\/\d+\?saved=1/);
    await settled(page);
    await page.locator('#app').getByText('Saved: 34 seats.').waitFor();
    assert.equal(await page.locator('main h1').innerText(), hallName);
    await screenshot(page, 'admin-hall-saved');

    // a program
    await page.getByRole('navigation', { name: 'Admin console' }).getByRole('link', { name: 'Programs & showtimes' }).click();
    await settled(page);
    await expectAccessible(page, 'admin-programs');
    await page.getByRole('link', { name: 'New program' }).click();
    await page.getByRole('heading', { name: 'New program' }).waitFor();
    const title = `Admin test ${stamp}`;
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Category').selectOption('DRAMA');
    await page.getByLabel('Length (minutes)').fill('100');
    await page.getByLabel('Rating').fill('PG');
    await page.getByLabel('Description').fill('A test of the admin console.');
    await page.getByLabel('Cast').fill('First Actor\nSecond Actor');
    await expectAccessible(page, 'admin-program-new');
    await page.getByRole('button', { name: 'Create program' }).click();
    await page.waitForURL(/\/admin\/programs\/\d+\?saved=1/);
    await settled(page);
    assert.equal(await page.locator('main h1').innerText(), title);
    const programId = page.url().match(/programs\/(\d+)/)[1];

    // a showtime in the new hall, with a price per tier
    const startsAt = shanghaiLocal(30);
    await page.getByRole('button', { name: 'New showtime' }).click();
    await page.getByLabel('Cinema').selectOption({ label: (await page.locator('#showtime-cinema option').filter({ hasText: cinemaName }).first().innerText()).trim() });
    await page.locator(`#showtime-hall option`, { hasText: hallName }).waitFor({ state: 'attached' });
    await page.getByLabel('Hall').selectOption({ label: `${hallName} · 34 seats` });
    await page.getByLabel('Starts at').fill(startsAt);
    await page.getByRole('spinbutton', { name: 'Tier A' }).fill('120');
    await page.getByRole('spinbutton', { name: 'Tier B' }).fill('80.50');
    await page.getByRole('spinbutton', { name: 'Tier C' }).fill('60');
    await expectAccessible(page, 'admin-showtime-new');
    await screenshot(page, 'admin-showtime-new');
    await page.getByRole('button', { name: 'Create showtime' }).click();
    await page.locator('#app').getByText('Showtime created.').waitFor();
    const row = page.locator('tr[data-showtime-id]', { hasText: hallName });
    const showtimeId = await row.getAttribute('data-showtime-id');
    assert.deepEqual(await row.getByRole('listitem').allInnerTexts(), ['A ¥120.00', 'B ¥80.50', 'C ¥60.00']);
    assert.match(await row.innerText(), /Scheduled/);

    // the same hall at the same time: warned before, refused by the platform in its own words
    await page.getByRole('button', { name: 'New showtime' }).click();
    await page.getByLabel('Cinema').selectOption({ label: (await page.locator('#showtime-cinema option').filter({ hasText: cinemaName }).first().innerText()).trim() });
    await page.locator(`#showtime-hall option`, { hasText: hallName }).waitFor({ state: 'attached' });
    await page.getByLabel('Hall').selectOption({ label: `${hallName} · 34 seats` });
    await page.getByLabel('Starts at').fill(startsAt);
    await page.locator('#app').getByText('The hall is busy then').waitFor();
    for (const tier of ['A', 'B', 'C']) await page.getByRole('spinbutton', { name: `Tier ${tier}` }).fill('50');
    await page.getByRole('button', { name: 'Create showtime' }).click();
    await page.getByTestId('refusal-detail').waitFor();
    // said in the cinema's time: from the very start typed above (the other showtime's), not in the service's UTC
    const overlap = await page.getByTestId('refusal-detail').innerText();
    assert.match(overlap, /^The hall is busy from .* cinema time.*\(SHOWTIME_OVERLAP\)$/);
    assert.ok(overlap.includes(startsAt.slice(11, 16)), `${overlap} names ${startsAt.slice(11, 16)}`);
    assert.doesNotMatch(overlap, /\d{4}-\d{2}-\d{2}T/);
    await screenshot(page, 'admin-showtime-overlap');
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();

    // on sale
    await row.getByRole('button', { name: /^Put on sale: the showtime of / }).click();
    await row.getByText('On sale').waitFor();
    await expectAccessible(page, 'admin-program');
    await screenshot(page, 'admin-program');

    // a customer buys a seat in it
    const buyerLogin = `admin-e2e-${stamp}@example.test`;
    const registered = await api('/api/users/register', {
      method: 'POST', headers: { 'Idempotency-Key': buyerLogin }, body: JSON.stringify({ loginName: buyerLogin, password: 'Ticket#2026admin', displayName: 'Console Buyer' }),
    });
    assert.equal(registered.status, 201, JSON.stringify(registered.body));
    const customerContext = await console();
    const customer = await customerContext.newPage();
    await logIn(customer, base, buyerLogin, 'Ticket#2026admin');
    await customer.goto(`${base}/programs/${programId}`);
    await settled(customer);
    await customer.locator(`a[href="/showtimes/${showtimeId}/seats"]`).click();
    const seat = customer.getByRole('button', { name: 'Row C seat 2, tier B, ¥80.50, available' });
    await seat.click();
    await customer.getByRole('button', { name: 'Continue to checkout' }).click();
    await customer.waitForURL(/\/orders\/\d+/);
    const orderNo = customer.url().match(/\/orders\/(\d+)/)[1];
    await customer.getByRole('button', { name: /^Pay / }).click();
    await customer.waitForURL(/\/sandbox\/pay\//);
    await customer.getByRole('button', { name: 'Pay', exact: true }).click();
    await customer.waitForURL(new RegExp(`/orders/${orderNo}`), { timeout: 5_000 }).catch(() => customer.goto(`${base}/orders/${orderNo}?payment=returned`));
    await customer.waitForFunction(() => document.querySelector('[data-testid="order-status"]')?.getAttribute('data-status') === 'PAID', null, { timeout: 30_000 });
    await customerContext.close();
    Object.assign(bought, { programId, showtimeId, buyerLogin, password: 'Ticket#2026admin' });

    // the admin sees the sale as the impact of cancelling, and keeps the showtime
    await page.reload();
    await settled(page);
    await row.getByRole('button', { name: /^Cancel the showtime of/ }).click();
    const impact = page.getByTestId('cancel-impact');
    await impact.waitFor();
    // the order service's impact: the paid order, its one buyer and the amount a cancel refunds
    assert.match(await impact.innerText(), /1 paid order of 1 buyer \(¥80\.50\) is refunded in full/);
    await expectAccessible(page, 'admin-cancel-impact');
    await screenshot(page, 'admin-cancel-impact');
    await page.getByRole('button', { name: 'Keep it' }).click();

    // the cinema moves the showtime a day later: the buyer keeps the seat, is told, and may refund for free
    await row.getByRole('button', { name: /^Move the showtime of/ }).click();
    const moveImpact = page.getByTestId('move-impact');
    await moveImpact.waitFor();
    assert.match(await moveImpact.innerText(), /^1 seat is sold: the buyers keep their seats/);
    const newStart = page.getByLabel(/^New start/);
    const [day, time] = (await newStart.inputValue()).split('T');
    const nextDay = new Date(`${day}T00:00:00Z`);
    nextDay.setUTCDate(nextDay.getUTCDate() + 1);
    await newStart.fill(`${nextDay.toISOString().slice(0, 10)}T${time}`);
    await expectAccessible(page, 'admin-move-showtime');
    await screenshot(page, 'admin-move-showtime');
    await page.getByRole('button', { name: 'Move showtime' }).click();
    await page.getByRole('status').filter({ hasText: 'The showtime now starts' }).waitFor();
    const buyerContext = await console();
    const buyer = await buyerContext.newPage();
    await logIn(buyer, base, buyerLogin, 'Ticket#2026admin');
    const movedBanner = buyer.getByTestId('showtime-moved');
    await buyer.goto(`${base}/orders/${orderNo}`);
    await movedBanner.waitFor({ timeout: 30_000 }).catch(async () => {
      // the order service follows the move from its event: give it a moment, then look again
      await buyer.reload();
      await movedBanner.waitFor({ timeout: 30_000 });
    });
    assert.match(await movedBanner.innerText(), /now starts[\s\S]*full refund until/);
    await expectAccessible(buyer, 'order-moved');
    await screenshot(buyer, 'order-moved');
    await buyerContext.close();

    // the sale in the reports: sales per film over the last 30 days, as a chart, a table and CSV; the occupancy
    await page.getByRole('navigation', { name: 'Admin console' }).getByRole('link', { name: 'Reports' }).click();
    const sale = page.getByTestId('sales-table').getByRole('row', { name: new RegExp(title) });
    await sale.waitFor();
    assert.deepEqual(await sale.locator('td').allInnerTexts(), ['1', '1', '¥80.50', '¥0.00', '¥80.50']);
    assert.ok(await page.locator('[role="img"][aria-label^="Net sales and refunds per Film"] svg').count() > 0, 'the sales chart is drawn (SVG)');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    assert.match(download.suggestedFilename(), /^sales-film-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
    assert.match(csv, new RegExp(`\r\nfilm,${programId},${title},CNY,1,1,80\\.50,0\\.00,80\\.50,`));
    // the program just created is offered at once (the list is the program service's own, not the search index)
    await page.getByLabel('Program').selectOption({ label: title });
    await page.getByTestId('occupancy-table').getByRole('row', { name: new RegExp(hallName) }).first().waitFor();
    await settled(page);
    await expectAccessible(page, 'admin-reports');
    await screenshot(page, 'admin-reports');
    await page.getByRole('button', { name: 'Cinema', exact: true }).click();
    await page.getByTestId('sales-table').getByRole('row', { name: new RegExp(cinemaName) }).waitFor();
    await page.getByRole('button', { name: 'Day', exact: true }).click();
    await page.getByTestId('sales-table').getByRole('row', { name: new RegExp(new Date().toISOString().slice(0, 10)) }).waitFor();

    // the program list is the program service's own: the new program, found by its title among those on sale
    await page.getByRole('navigation', { name: 'Admin console' }).getByRole('link', { name: 'Programs & showtimes' }).click();
    await page.getByLabel('Title contains').fill(title);
    await page.getByLabel('Schedule').selectOption('ON_SALE');
    const listed = page.getByTestId('programs').getByRole('row', { name: new RegExp(title) });
    await listed.waitFor();
    assert.deepEqual((await listed.locator('td').allInnerTexts()).slice(2, 4), ['On sale', '1 / 1']);
    await page.getByLabel('Schedule').selectOption('NOT_SCHEDULED');
    await page.getByTestId('programs').or(page.getByTestId('programs-empty')).waitFor();
    await settled(page);
    assert.equal(await page.getByTestId('programs').getByRole('row', { name: new RegExp(title) }).count(), 0);
    await screenshot(page, 'admin-programs');

    // payments & events: a reconciliation run now is recorded and listed with the earlier ones
    await page.getByRole('navigation', { name: 'Admin console' }).getByRole('link', { name: 'Payments & events' }).click();
    const history = page.getByTestId('reconcile-history');
    await history.locator('table, p.muted').first().waitFor();
    await page.getByRole('button', { name: 'Reconcile now' }).click();
    await page.locator('#app').getByText(/^Checked from /).waitFor();
    const manual = history.locator('tbody tr', { hasText: 'An admin' }).first();
    await manual.waitFor();
    assert.match(await manual.innerText(), /Completed/);
    for (const section of ['pending-refunds', 'parked-payments', 'parked-orders', 'parked-programs']) {
      await page.getByTestId(section).locator('table, [data-testid$="-empty"]').first().waitFor();
    }
    await settled(page);
    await expectAccessible(page, 'admin-payments');
    await screenshot(page, 'admin-payments');
    assert.deepEqual(cspViolations, [], 'no Content-Security-Policy violation');
    await context.close();
  });
  it('moderation hides a reported comment from the storefront, and can restore it', async () => {
    assert.ok(bought.programId, 'runs after the purchase test');
    const buyer = await signIn(bought.buyerLogin, bought.password);
    const text = `A comment to moderate ${stamp}`;
    const posted = await api(`/api/programs/${bought.programId}/comments`, {
      method: 'POST', headers: { Authorization: `Bearer ${buyer}` }, body: JSON.stringify({ rating: 2, text }),
    });
    assert.equal(posted.status, 201, JSON.stringify(posted.body));
    const reporter = await signIn('demo@ticket.local', 'Demo#2026');
    const reported = await api(`/api/programs/${bought.programId}/comments/${posted.body.id}/reports`, {
      method: 'POST', headers: { Authorization: `Bearer ${reporter}` }, body: JSON.stringify({ reason: 'rude' }),
    });
    assert.equal(reported.status, 202, JSON.stringify(reported.body));

    const visitor = await (await console()).newPage();
    await visitor.goto(`${base}/programs/${bought.programId}`);
    await visitor.locator('#app').getByText(text).waitFor();

    const context = await console();
    const page = await context.newPage();
    await logIn(page, base, 'admin@ticket.local', 'Admin#2026');
    await page.goto(`${base}/admin/moderation`);
    const item = page.locator(`li[data-comment-id="${posted.body.id}"]`);
    await item.waitFor();
    // how many reported it, and why
    assert.match(await item.getByTestId('report-reasons').innerText(), /Reported by 1 customer\b[\s\S]*rude/);
    // the banned words, kept by the comment service: saving the same list again changes nothing
    const words = page.getByLabel('Banned words, one per line');
    assert.ok((await words.inputValue()).trim().length > 0, 'the seeded banned words are shown');
    await page.getByRole('button', { name: 'Save banned words' }).click();
    await page.locator('#app').getByText(/^Saved: \d+ banned words?\.$/).waitFor();
    await expectAccessible(page, 'admin-moderation');
    await screenshot(page, 'admin-moderation');
    await item.getByRole('button', { name: /^Hide / }).click();
    await item.waitFor({ state: 'detached' });

    await visitor.reload();
    await visitor.getByRole('heading', { level: 1 }).waitFor();
    await settled(visitor);
    assert.equal(await visitor.locator('#app').getByText(text).count(), 0, 'the hidden comment is gone from the storefront');

    await page.getByRole('button', { name: 'Hidden', exact: true }).click();
    await page.locator(`li[data-comment-id="${posted.body.id}"]`).getByRole('button', { name: /^Restore / }).click();
    await page.locator(`li[data-comment-id="${posted.body.id}"]`).waitFor({ state: 'detached' });
    await visitor.reload();
    await visitor.locator('#app').getByText(text).waitFor();

    // adverts and announcements: the page, its form and preview, accessible
    await page.getByRole('navigation', { name: 'Admin console' }).getByRole('link', { name: 'Adverts & announcements' }).click();
    await page.getByRole('heading', { name: 'Announcements' }).waitFor();
    await settled(page);
    await page.getByRole('button', { name: 'New advert' }).click();
    await page.getByLabel('Title', { exact: true }).first().fill(`Console advert ${stamp}`);
    await page.getByRole('checkbox', { name: 'Drama' }).check();
    await page.getByRole('region', { name: 'As customers see it' }).getByText(`Console advert ${stamp}`).waitFor();
    await expectAccessible(page, 'admin-adverts');
    await screenshot(page, 'admin-adverts');
    await page.getByLabel('Image URL').fill('https://example.test/advert.png');
    // a relative link is refused by the advert service, in its words per field
    await page.getByLabel('Links to').fill('/programs');
    await page.getByLabel('Links to').evaluate((input) => { input.type = 'text'; });
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.locator('#app').getByText('linkUrl: must be an absolute http(s) URL').waitFor();
    await page.getByLabel('Links to').fill(`${base}/programs/${bought.programId}`);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const advertRow = page.getByRole('row', { name: new RegExp(`Console advert ${stamp}`) });
    await advertRow.waitFor();
    assert.match(await advertRow.innerText(), /Home page banner/);
    await advertRow.getByRole('button', { name: `Remove Console advert ${stamp}` }).click();
    await advertRow.waitFor({ state: 'detached' });

    // an announcement to the buyers of the showtime bought in the purchase test: it reaches that one buyer
    await page.getByRole('radio', { name: 'The buyers of one showtime' }).check();
    await page.getByLabel('Showtime number').fill(bought.showtimeId);
    await page.locator('#announcement-title').fill(`Console notice ${stamp}`);
    await page.getByLabel('Message').fill('The showtime starts ten minutes later than planned.');
    await page.getByRole('button', { name: 'Publish announcement' }).click();
    await page.locator('#app').getByText(`“Console notice ${stamp}” reached 1 buyer.`).waitFor();
    assert.deepEqual(cspViolations, [], 'no Content-Security-Policy violation');
    await context.close();
    await visitor.context().close();
  });
  it('every console page on a phone in Chinese: no serious or critical axe violation', async () => {
    const context = await console({ locale: 'zh-CN', phone: true });
    const page = await context.newPage();
    await page.goto(`${base}/login`);
    await page.locator('#login-name').fill('admin@ticket.local');
    await page.locator('input[type="password"]').fill('Admin#2026');
    await page.locator('form button[type="submit"]').click();
    await page.waitForURL(`${base}/`);
    const cinemaId = (await api('/api/cinemas')).body[0].cinemaId;
    const pages = [['home', '/admin'], ['cinemas', '/admin/cinemas'], ['cinema', `/admin/cinemas/${cinemaId}`],
      ['hall-new', `/admin/cinemas/${cinemaId}/halls/new`], ['programs', '/admin/programs'], ['program-new', '/admin/programs/new'],
      ['reports', '/admin/reports'], ['adverts', '/admin/adverts'], ['moderation', '/admin/moderation'],
      ['payments', '/admin/payments'], ['dead-letters', '/admin/notifications/dead-letters']];
    if (bought.programId) pages.push(['program', `/admin/programs/${bought.programId}`]);
    for (const [name, path] of pages) {
      await page.goto(`${base}${path}`);
      await page.getByRole('navigation', { name: '管理后台' }).waitFor();
      await settled(page);
      await expectAccessible(page, `admin-${name}-zh`);
      await screenshot(page, `admin-${name}-phone-zh`);
    }
    await context.close();
  });
});
