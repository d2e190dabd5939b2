// The inbox, reviews and undelivered mail in Debian's headless Chromium against the running platform: a new customer
// buys a seat, finds the order confirmation in the inbox (the badge counts it and drops when it is read) and turns
// reminders off for good; that buyer reviews the film while a visitor is sent to sign in and, signed in without a
// ticket, is told only buyers rate; an admin sees the undelivered mail and a customer is refused it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { api, expectAccessible, findShowtimeWithFreeSeats, launch, logIn, newContext, screenshot, signIn, stopPreview, storefrontUrl } from './harness.mjs';

let browser;
let base;
const stamp = Date.now();
/** Shared by the tests below: the buyer of the first and the program they bought. */
const bought = {};

before(async () => {
  base = await storefrontUrl();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  stopPreview();
});

async function settled(page) {
  await page.locator('main h1').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('main .loading'));
}

/** The header's inbox link and the number it reads out (0 when it says no count). */
async function unreadInBadge(page) {
  const name = await page.getByRole('link', { name: /^Inbox(, \d+\+? unread)?$/ }).evaluate((a) => a.querySelector('.visually-hidden').textContent);
  const match = name.match(/^Inbox, (\d+) unread$/);
  assert.ok(match || name === 'Inbox', `the inbox link is named "${name}"`);
  return match ? Number(match[1]) : 0;
}

describe('inbox, reviews and undelivered mail', () => {
  it('a buyer finds the order confirmation in the inbox, reads it (the badge drops) and turns reminders off for good', async () => {
    const { program, showtime, seats } = await findShowtimeWithFreeSeats(1);
    const context = await newContext(browser);
    const page = await context.newPage();
    const email = `inbox-${stamp}@example.test`;
    const password = 'Ticket#2026inbox';
    await page.goto(`${base}/register`);
    await settled(page);
    await page.getByLabel('Your name').fill('Inbox Buyer');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(`${base}/`);
    // a new account: an inbox link without a count
    await page.getByTestId('inbox-link').waitFor();
    assert.equal(await unreadInBadge(page), 0);

    // one seat, paid at the provider's page
    await page.goto(`${base}/showtimes/${showtime.showtimeId}/seats`);
    await page.locator(`[data-seat-id="${seats[0].seatId}"]`).click();
    await page.getByRole('button', { name: 'Continue to checkout' }).click();
    await page.waitForURL(/\/orders\/\d+/);
    const orderNo = page.url().match(/\/orders\/(\d+)/)[1];
    await page.getByRole('button', { name: /^Pay / }).click();
    await page.waitForURL(/\/sandbox\/pay\//);
    await page.getByRole('button', { name: 'Pay', exact: true }).click();
    await page.waitForURL(new RegExp(`/orders/${orderNo}`), { timeout: 5_000 }).catch(() => page.goto(`${base}/orders/${orderNo}?payment=returned`));
    await page.waitForFunction(() => document.querySelector('[data-testid="order-status"]')?.getAttribute('data-status') === 'PAID', null, { timeout: 30_000 });
    Object.assign(bought, { program, email, password, orderNo });

    // the notify service tells of it within seconds: the inbox is opened from the header until it is there
    await page.getByTestId('inbox-link').click();
    await page.waitForURL(`${base}/inbox`);
    const confirmation = page.locator('[data-kind="ORDER_CONFIRMED"]').filter({ has: page.locator(`a[href="/orders/${orderNo}"]`) });
    for (let i = 0; i < 30 && (await confirmation.count()) === 0; i++) {
      await page.waitForTimeout(1_000);
      await page.reload();
      await settled(page);
    }
    assert.equal(await confirmation.count(), 1, 'the order confirmation is in the inbox');
    assert.equal(await confirmation.getAttribute('data-unread'), 'true');
    assert.match(await confirmation.locator('h3').textContent(), /^\s*Unread: /);
    await page.getByRole('link', { name: /^Inbox, \d+ unread$/ }).waitFor();
    const unreadBefore = await unreadInBadge(page);
    assert.ok(unreadBefore >= 1, `the badge counts the confirmation (${unreadBefore})`);
    await expectAccessible(page, 'inbox');
    await screenshot(page, 'inbox');

    // read: the mark goes, the badge drops by one, and it stays read after a reload
    const title = (await confirmation.locator('h3 button').textContent()).replace(/^\s*Unread:\s*/, '').trim();
    assert.ok(title.length > 0, 'the confirmation has a title');
    await confirmation.getByRole('button', { name: `Mark as read: ${title}`, exact: true }).click();
    await page.waitForFunction(() => document.querySelector('[data-kind="ORDER_CONFIRMED"]')?.getAttribute('data-unread') === 'false');
    await page.getByRole('status').filter({ hasText: 'marked as read' }).waitFor({ state: 'attached' });
    // the badge drops (by one, unless an announcement to everyone arrived meanwhile: not exact on a shared platform)
    const deadline = Date.now() + 10_000;
    while ((await unreadInBadge(page)) >= unreadBefore && Date.now() < deadline) await page.waitForTimeout(200);
    assert.ok((await unreadInBadge(page)) < unreadBefore, 'the badge counts one unread less');
    await page.reload();
    await settled(page);
    assert.equal(await page.locator(`[data-kind="ORDER_CONFIRMED"]:has(a[href="/orders/${orderNo}"])`).getAttribute('data-unread'), 'false');

    // reminders off, mails in Chinese: kept after a reload
    const reminders = page.getByLabel('Send me reminders before the show and before a seat hold runs out');
    await page.waitForFunction(() => !document.querySelector('#settings-reminders')?.disabled);
    assert.equal(await reminders.isChecked(), true, 'reminders are on for a new account');
    await page.locator('#app').getByText('Order confirmations, payment and refund receipts and changes to your shows are always sent').waitFor();
    await reminders.uncheck();
    await page.getByLabel('Language of emails').selectOption('zh-CN');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.locator('#app').getByText('Your notification settings were saved.').waitFor();
    await screenshot(page, 'inbox-settings-saved');
    await page.reload();
    await settled(page);
    await page.waitForFunction(() => !document.querySelector('#settings-reminders')?.disabled);
    assert.equal(await reminders.isChecked(), false, 'reminders stay off after a reload');
    assert.equal(await page.getByLabel('Language of emails').inputValue(), 'zh-CN');

    // the same inbox on a phone, in Chinese
    const tokens = await page.evaluate(() => localStorage.getItem('ticket.tokens'));
    const phone = await newContext(browser, { locale: 'zh-CN', phone: true });
    const small = await phone.newPage();
    await small.goto(`${base}/`);
    await small.evaluate((value) => localStorage.setItem('ticket.tokens', value), tokens);
    await small.goto(`${base}/inbox`);
    await settled(small);
    await small.locator('[data-kind="ORDER_CONFIRMED"]').first().waitFor();
    await small.getByRole('link', { name: /^消息(，\d+ 条未读)?$/ }).waitFor();
    await expectAccessible(small, 'inbox-phone-zh');
    await screenshot(small, 'inbox-phone-zh');
    await phone.close();
    await context.close();
  });

  it('the buyer reviews the film and sees it listed; a visitor is sent to sign in and back, and without a ticket is told only buyers rate', async () => {
    assert.ok(bought.program, 'the purchase of the test before');
    const programPath = `/programs/${bought.program.programId}`;
    const review = `Great sound and a sharp picture — inbox test ${stamp}`;

    const context = await newContext(browser);
    const page = await context.newPage();
    await logIn(page, base, bought.email, bought.password);
    await page.goto(`${base}${programPath}`);
    await settled(page);
    const form = page.getByRole('region', { name: 'Rate and review' });
    await form.getByRole('button', { name: 'Post review' }).click();
    await form.getByText('Choose 1 to 5 stars.').waitFor();
    await form.getByRole('group', { name: 'Your rating' }).getByRole('radio', { name: '4 stars' }).check();
    await form.getByLabel('Your review').fill(review);
    assert.equal(await form.getByTestId('comment-count').innerText(), `${2000 - review.length} of 2000 characters left`);
    await form.getByRole('button', { name: 'Post review' }).click();
    await form.getByText('Thanks — your review is posted.').waitFor();
    const listed = page.getByTestId('comments').locator('article').filter({ hasText: review });
    await listed.waitFor();
    assert.equal(await listed.getByRole('img', { name: '4 stars' }).count(), 1);
    await expectAccessible(page, 'program-review-posted');
    await screenshot(page, 'program-review-posted');

    // the form on a phone, in Chinese
    const tokens = await page.evaluate(() => localStorage.getItem('ticket.tokens'));
    const phone = await newContext(browser, { locale: 'zh-CN', phone: true });
    const small = await phone.newPage();
    await small.goto(`${base}/`);
    await small.evaluate((value) => localStorage.setItem('ticket.tokens', value), tokens);
    await small.goto(`${base}${programPath}`);
    await settled(small);
    const zhForm = small.getByRole('region', { name: '评分与评论' });
    await zhForm.getByRole('group', { name: '您的评分' }).getByRole('radio', { name: '3 星' }).waitFor({ state: 'attached' });
    assert.equal(await zhForm.getByTestId('comment-count').innerText(), '还可输入 2000 字（共 2000 字）');
    await expectAccessible(small, 'program-review-form-phone-zh');
    await screenshot(small, 'program-review-form-phone-zh');
    await phone.close();
    await context.close();

    // a visitor: asked to sign in, and brought back to the film
    const loginName = `inbox-visitor-${stamp}@example.test`;
    const registered = await api('/api/users/register', {
      method: 'POST', headers: { 'Idempotency-Key': loginName },
      body: JSON.stringify({ loginName, password: 'Ticket#2026visit', displayName: 'Visitor' }),
    });
    assert.equal(registered.status, 201, JSON.stringify(registered.body));
    const visitorContext = await newContext(browser);
    const visitor = await visitorContext.newPage();
    await visitor.goto(`${base}${programPath}`);
    await settled(visitor);
    assert.equal(await visitor.getByRole('region', { name: 'Rate and review' }).count(), 0);
    const signInLink = visitor.getByRole('link', { name: 'Sign in to comment' });
    assert.equal(await signInLink.getAttribute("href"), `/login?redirect=${programPath}`);
    assert.equal(await visitor.getByRole('button', { name: /^Like/ }).count(), 0, 'no like button for a visitor');
    await expectAccessible(visitor, 'program-signed-out');
    await screenshot(visitor, 'program-signed-out');
    await signInLink.click();
    await visitor.getByLabel('Email').fill(loginName);
    await visitor.getByLabel('Password').fill('Ticket#2026visit');
    await visitor.getByRole('button', { name: 'Log in' }).last().click();
    await visitor.waitForURL(`${base}${programPath}`);
    await settled(visitor);

    // without a ticket: the designed refusal
    const visitorForm = visitor.getByRole('region', { name: 'Rate and review' });
    await visitorForm.getByRole('group', { name: 'Your rating' }).getByRole('radio', { name: '2 stars' }).check();
    await visitorForm.getByLabel('Your review').fill('I have not seen it but I have opinions');
    await visitorForm.getByRole('button', { name: 'Post review' }).click();
    const refusal = visitor.getByTestId('comment-refusal');
    await refusal.waitFor();
    assert.equal(await refusal.innerText(), 'Only buyers of this film can rate it.');

    // they may like the buyer's review, and take the like back
    const theirs = visitor.getByTestId('comments').locator('article').filter({ hasText: review });
    const like = theirs.getByRole('button', { name: /^Like \(\d+\)$/ });
    assert.equal(await like.getAttribute('aria-pressed'), 'false');
    await like.click();
    await visitor.waitForFunction((text) => [...document.querySelectorAll('[data-testid="comments"] article')]
      .find((a) => a.textContent.includes(text))?.querySelector('button[aria-pressed]')?.getAttribute('aria-pressed') === 'true', review);
    assert.match(await like.textContent(), /^\s*♥\s*Like \(1\)\s*$/);
    await expectAccessible(visitor, 'program-not-a-buyer');
    await screenshot(visitor, 'program-not-a-buyer');
    await like.click();
    await visitor.waitForFunction((text) => [...document.querySelectorAll('[data-testid="comments"] article')]
      .find((a) => a.textContent.includes(text))?.querySelector('button[aria-pressed]')?.getAttribute('aria-pressed') === 'false', review);
    assert.match(await like.textContent(), /^\s*♡\s*Like \(0\)\s*$/);
    await visitorContext.close();
  });

  it('an admin sees the undelivered mail (or that there is none); a customer is refused it', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await logIn(page, base, 'admin@ticket.local', 'Admin#2026');
    await page.goto(`${base}/admin`);
    await settled(page);
    await page.getByRole('navigation', { name: 'Admin console' }).getByRole('link', { name: 'Undelivered mail' }).click();
    await page.waitForURL(`${base}/admin/notifications/dead-letters`);
    await settled(page);
    await page.locator('[data-testid="dead-letters"], [data-testid="dead-letters-empty"]').first().waitFor();
    const admin = await signIn('admin@ticket.local', 'Admin#2026');
    const letters = await api('/api/admin/notifications/dead-letters?size=20', { headers: { Authorization: `Bearer ${admin}` } });
    assert.equal(letters.status, 200);
    if ((letters.body.items ?? []).length === 0) {
      assert.equal(await page.getByTestId('dead-letters-empty').innerText(), 'No undelivered mail: every email was sent.');
    } else {
      const rows = page.getByTestId('dead-letters').locator('tbody tr');
      assert.ok((await rows.count()) >= 1);
      assert.deepEqual(await page.getByTestId('dead-letters').locator('thead th').allInnerTexts().then((h) => h.map((x) => x.toLowerCase())),
        ['kind', 'address', 'attempts', 'last error', 'created', 'action']);
      assert.match(await rows.first().getByRole('button').getAttribute('aria-label'), /^Send again: /);
    }
    await expectAccessible(page, 'admin-dead-letters');
    await screenshot(page, 'admin-dead-letters');
    await context.close();

    // on a phone, in Chinese
    const phone = await newContext(browser, { locale: 'zh-CN', phone: true });
    const small = await phone.newPage();
    await small.goto(`${base}/`);
    await small.evaluate((value) => localStorage.setItem('ticket.tokens', value), JSON.stringify((await api('/api/users/login', {
      method: 'POST', body: JSON.stringify({ loginName: 'admin@ticket.local', password: 'Admin#2026' }),
    })).body));
    await small.goto(`${base}/admin/notifications/dead-letters`);
    await settled(small);
    assert.equal(await small.locator('main h1').innerText(), '未送达邮件');
    await small.locator('[data-testid="dead-letters"], [data-testid="dead-letters-empty"]').first().waitFor();
    await expectAccessible(small, 'admin-dead-letters-phone-zh');
    await screenshot(small, 'admin-dead-letters-phone-zh');
    await phone.close();

    const customerContext = await newContext(browser);
    const customer = await customerContext.newPage();
    await logIn(customer, base, 'demo@ticket.local', 'Demo#2026');
    await customer.goto(`${base}/admin/notifications/dead-letters`);
    await customer.getByTestId('admin-refusal').waitFor();
    assert.equal(await customer.getByTestId('dead-letters').count(), 0);
    const refused = await api('/api/admin/notifications/dead-letters', { headers: { Authorization: `Bearer ${await signIn('demo@ticket.local', 'Demo#2026')}` } });
    assert.equal(refused.status, 403);
    await customerContext.close();
  });
});
