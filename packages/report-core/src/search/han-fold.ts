import { HAN_FOLD_PAIRS } from './han-fold-table.js';

// The table covers U+3400–U+9FFF (Extension A, then unified ideographs); 0 means "unchanged".
const BASE = 0x3400;
const LAST = 0x9fff;
let table: Uint16Array | undefined;

function foldTable(): Uint16Array {
  if (table !== undefined) return table;
  const built = new Uint16Array(LAST - BASE + 1);
  for (let i = 0; i + 1 < HAN_FOLD_PAIRS.length; i += 2)
    built[HAN_FOLD_PAIRS.charCodeAt(i) - BASE] = HAN_FOLD_PAIRS.charCodeAt(i + 1);
  table = built;
  return built;
}

/** The simplified form of one UTF-16 code unit (機 → 机), or the unit itself; one unit in, one out. */
export function foldHanCode(code: number): number {
  if (code < BASE || code > LAST) return code;
  const to = foldTable()[code - BASE] ?? 0;
  return to === 0 ? code : to;
}

/**
 * Traditional characters folded to simplified, one for one (機場 → 机场), so texts and queries
 * in either script meet; the length and every position are kept. The pairs come from opencc-js
 * (see scripts/han-fold-pairs.ts). Returns the input itself when nothing changes.
 */
export function foldHan(text: string): string {
  let out: string[] | undefined;
  let from = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < BASE) continue;
    const folded = foldHanCode(code);
    if (folded === code) continue;
    out ??= [];
    out.push(text.slice(from, i), String.fromCharCode(folded));
    from = i + 1;
  }
  if (out === undefined) return text;
  out.push(text.slice(from));
  return out.join('');
}
