export interface Segment {
  text: string;
  match: boolean;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** Splits a highlight fragment at its <em>…</em> marks into plain text segments; any other markup stays text. */
export function highlightSegments(fragment: string): Segment[] {
  const segments: Segment[] = [];
  const pattern = /<em>(.*?)<\/em>/gs;
  let last = 0;
  for (const found of fragment.matchAll(pattern)) {
    if (found.index > last) segments.push({ text: decode(fragment.slice(last, found.index)), match: false });
    segments.push({ text: decode(found[1] ?? ''), match: true });
    last = found.index + found[0].length;
  }
  if (last < fragment.length) segments.push({ text: decode(fragment.slice(last)), match: false });
  return segments;
}

function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity);
}
