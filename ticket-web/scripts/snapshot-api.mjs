// Writes the gateway's live public OpenAPI document to openapi/public.json: `npm run snapshot:api` after a deliberate
// contract change (the platform must be up; TICKET_GATEWAY_URL overrides http://127.0.0.1:8080).
//
// The file is a pure function of the server's answer, so it can be compared with the live document at any time:
// the server's text re-indented exactly like JSON.stringify(document, null, 2) plus one trailing "\n", but keeping the
// server's key order, numbers and escapes verbatim (JSON.parse would move integer-like keys such as "404" first).
import { writeFile } from 'node:fs/promises';

const gateway = (process.env.TICKET_GATEWAY_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '');
const url = `${gateway}/v3/api-docs/public`;
const target = new URL('../openapi/public.json', import.meta.url);

/** Re-indents JSON text with 2 spaces, one member per line, "{}" and "[]" when empty; changes nothing else. */
function prettyPrint(text) {
  let out = '';
  let depth = 0;
  const newline = () => '\n' + '  '.repeat(depth);
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      let end = i + 1;
      while (text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      out += text.slice(i, end + 1);
      i = end;
    } else if (ch === '{' || ch === '[') {
      let next = i + 1;
      while (/\s/.test(text[next])) next++;
      if (text[next] === (ch === '{' ? '}' : ']')) {
        out += ch + text[next];
        i = next;
      } else {
        depth++;
        out += ch + newline();
      }
    } else if (ch === '}' || ch === ']') {
      depth--;
      out += newline() + ch;
    } else if (ch === ',') {
      out += ',' + newline();
    } else if (ch === ':') {
      out += ': ';
    } else if (!/\s/.test(ch)) {
      out += ch;
    }
  }
  return out + '\n';
}

let response;
try {
  response = await fetch(url, { headers: { accept: 'application/json' } });
} catch (e) {
  console.error(`cannot reach ${url}: ${e.cause?.message ?? e.message} (is the platform up? ./ticket up)`);
  process.exit(1);
}
const body = await response.text();
if (!response.ok) {
  console.error(`${url} answered ${response.status}: ${body.slice(0, 500)}`);
  process.exit(1);
}
const document = JSON.parse(body); // rejects anything that is not JSON before the snapshot is touched
if (typeof document.openapi !== 'string' || typeof document.paths !== 'object') {
  console.error(`${url} did not answer an OpenAPI document`);
  process.exit(1);
}
await writeFile(target, prettyPrint(body));
console.log(`wrote openapi/public.json from ${url} (${Object.keys(document.paths).length} paths)`);
