import type { Place } from '../model/place.js';
import type { DeepReadonly } from '../model/readonly.js';

// When a measure names a place (issue 17): a name or alias of the gazetteer written as a place —
// 五通桥基地, 峨眉山市 — and not as part of a brand or an event named after it: 峨眉山茶,
// “井研柑橘”, 峨眉山康养论坛. The tail after the name, up to the next punctuation, decides.

/** Products a brand is named for: a name followed by one of them is the brand, not the place. */
export const BRAND_PRODUCTS: readonly string[] = ['茶', '柑橘', '酒', '竹笋', '豆腐', '钵钵鸡'];
/** Events named after a place: a tail ending in one is the event, not the place. */
export const EVENT_WORDS: readonly string[] = [
  '论坛',
  '博会',
  '峰会',
  '大会',
  '节',
  '马拉松',
  '赛',
];

const TAIL_END = /[，。、；：！？,.;:!?”’」』》）)\s和及与]/u;
const MAX_TAIL = 8;

function tailAfter(text: string, end: number): string {
  let i = end;
  while (i < text.length && i - end < MAX_TAIL && !TAIL_END.test(text[i] ?? '')) i += 1;
  return text.slice(end, i);
}

/** Whether the name ending at `end` is part of a brand or an event rather than the place. */
export function isInsideBrandOrEvent(text: string, end: number): boolean {
  const tail = tailAfter(text, end);
  return (
    BRAND_PRODUCTS.some((p) => tail.startsWith(p)) || EVENT_WORDS.some((w) => tail.endsWith(w))
  );
}

/** The ids of the places a text names as places, in order of first mention, each once. */
export function findPlaces(text: string, places: readonly DeepReadonly<Place>[]): string[] {
  if (typeof text !== 'string' || places.length === 0) return [];
  const names = places
    .flatMap((p) => [p.name, ...p.aliases].map((name) => ({ name, id: p.id })))
    .filter((n) => n.name.length > 0)
    .sort((a, b) => b.name.length - a.name.length);
  const found: string[] = [];
  let i = 0;
  while (i < text.length) {
    const hit = names.find((n) => text.startsWith(n.name, i));
    if (hit === undefined) {
      i += 1;
      continue;
    }
    const end = i + hit.name.length;
    if (!isInsideBrandOrEvent(text, end) && !found.includes(hit.id)) found.push(hit.id);
    i = end;
  }
  return found;
}
