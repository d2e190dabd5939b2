// The storefront's first-load weight: every script and stylesheet index.html loads before the first page shows
// (the entry, its modulepreloads, its CSS), gzipped. Fails the build over the budget.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const BUDGET_JS = 200 * 1024;
const dist = new URL('../dist/', import.meta.url).pathname;
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const refs = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
let js = 0;
let css = 0;
for (const ref of new Set(refs)) {
  const size = gzipSync(readFileSync(join(dist, ref)), { level: 9 }).length;
  if (ref.endsWith('.js')) js += size;
  else css += size;
}
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
console.log(`initial load, gzipped: JS ${kb(js)} (budget ${kb(BUDGET_JS)}), CSS ${kb(css)}`);
if (js > BUDGET_JS) {
  console.error('the initial JavaScript is over budget');
  process.exit(1);
}
