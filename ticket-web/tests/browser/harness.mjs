// Shared by the browser tests: Debian's Chromium driven by playwright-core (no browser download), the storefront's
// address, an axe-core check and screenshots under test-results/screenshots/.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const webRoot = join(here, '..', '..');
export const SCREENSHOTS = join(webRoot, 'test-results', 'screenshots');
export const GATEWAY = process.env.TICKET_GATEWAY_URL ?? 'http://127.0.0.1:8080';
const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A fresh browser profile, the page's Content-Security-Policy in force (axe is evaluated by the driver, not loaded). */
export const cspViolations = [];

export async function newContext(browser, { locale = 'en-US', phone = false } = {}) {
  const context = await browser.newContext({
    locale,
    viewport: phone ? { width: 390, height: 844 } : { width: 1280, height: 860 },
    deviceScaleFactor: 1,
    isMobile: phone,
    hasTouch: phone,
  });
  context.on('page', (page) => page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(`${page.url()}: ${message.text()}`);
  }));
  return context;
}

let preview;

/**
 * Where the storefront is: the gateway when it serves it (./ticket up with the web root), otherwise this build
 * served by `vite preview` with /api proxied to the gateway (same origin either way).
 */
export async function storefrontUrl() {
  if (process.env.TICKET_WEB_URL) return process.env.TICKET_WEB_URL;
  try {
    const answer = await fetch(`${GATEWAY}/`, { headers: { Accept: 'text/html' } });
    const html = await answer.text();
    if (answer.ok && html.includes('<div id="app">')) {
      console.log(`storefront: served by the gateway at ${GATEWAY}`);
      return GATEWAY;
    }
  } catch {
    // the gateway is not up: the tests below will say so
  }
  if (!existsSync(join(webRoot, 'dist', 'index.html'))) throw new Error('no build to serve: run `npm run build` first');
  console.log(`storefront: the gateway at ${GATEWAY} does not serve it; serving dist/ with vite preview`);
  const port = 4173;
  preview = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
    cwd: webRoot, stdio: 'ignore', detached: true,
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 50; i++) {
    try {
      if ((await fetch(url)).ok) return url;
    } catch {
      // not yet listening
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('vite preview did not start');
}

export function stopPreview() {
  if (preview?.pid) {
    try {
      process.kill(-preview.pid);
    } catch {
      // already gone
    }
  }
}

/** axe-core on the page as it is; returns the serious and critical violations (the ones that fail the test). */
export async function axe(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** The API, for test set-up (finding a showtime with free seats) and checks. */
export async function api(path, init = {}) {
  const answer = await fetch(`${GATEWAY}${path}`, {
    ...init,
    headers: { 'Content-Type': 'application/json', ...(init.headers ?? {}) },
  });
  const text = await answer.text();
  return { status: answer.status, body: text ? JSON.parse(text) : undefined };
}

/** A showtime on sale with at least `count` free seats side by side in one row, with its program. */
export async function findShowtimeWithFreeSeats(count = 2, skip = new Set()) {
  const programs = await api('/api/programs?size=50');
  for (const hit of programs.body.items ?? []) {
    const program = await api(`/api/programs/${hit.programId}`);
    for (const showtime of program.body.showtimes ?? []) {
      if (showtime.status !== 'ON_SALE' || skip.has(showtime.showtimeId)) continue;
      const map = await api(`/api/showtimes/${showtime.showtimeId}/seats`);
      // a real-name showtime (another test's, left on sale by an interrupted run) needs holders to order
      if ((map.body.realNameCap ?? 0) > 0) continue;
      for (const row of map.body.rows ?? []) {
        const seats = row.seats ?? [];
        for (let i = 0; i + count <= seats.length; i++) {
          const run = seats.slice(i, i + count);
          const adjacent = run.every((s, k) => s.status === 'AVAILABLE' && (k === 0 || s.col === run[k - 1].col + 1));
          if (adjacent) return { program: program.body, showtime, seats: run };
        }
      }
    }
  }
  throw new Error(`no showtime on sale has ${count} free seats side by side`);
}

/** An access token for an account, through the API. */
export async function signIn(loginName, password) {
  const answer = await api('/api/users/login', { method: 'POST', body: JSON.stringify({ loginName, password }) });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  return answer.body.accessToken;
}

/** Fails with the list when axe-core finds serious or critical violations on the page. */
export async function expectAccessible(page, name) {
  const violations = await axe(page);
  assert.deepEqual(violations, [], `${name}: serious or critical accessibility violations:\n${JSON.stringify(violations, null, 2)}`);
}

/** Logs in through the storefront's login page and waits for the home page. */
export async function logIn(page, base, loginName, password) {
  await page.goto(`${base}/login`);
  await page.getByLabel('Email').fill(loginName);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).last().click();
  await page.waitForURL(`${base}/`);
}
