// Turns one raw line of a copied document into the text the report stores. Copies of the same
// document differ in width, spacing and invisible characters; these must not change the parse.

// eslint-disable-next-line no-control-regex -- matching control characters is the point: they are stripped
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200d\u2060\ufeff]/gu;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu;
const SPACE = /[\s\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+/gu;
const FULL_WIDTH_ALNUM = /[０-９Ａ-Ｚａ-ｚ％＋]/gu;
const HALF_TO_FULL: Record<string, string> = {
  ',': '，',
  '(': '（',
  ')': '）',
  ':': '：',
  ';': '；',
  '!': '！',
  '?': '？',
};

/** Han characters and the punctuation that sits among them (，。“”、《》— … and full-width forms). */
export function isCjk(char: string | undefined): boolean {
  if (char === undefined) return false;
  const code = char.codePointAt(0) ?? 0;
  return (
    (code >= 0x3000 && code <= 0x303f) ||
    (code >= 0xff00 && code <= 0xffef) ||
    (code >= 0x2018 && code <= 0x201f) ||
    code === 0x2014 ||
    code === 0x2026 ||
    code === 0x00b7 ||
    // Han: CJK unified ideographs, extension A, compatibility ideographs, the supplementary planes.
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0x20000 && code <= 0x3ffff)
  );
}

/** The line without BOM, controls, zero-width characters or lone surrogates; every run of spaces one space. */
export function cleanLine(raw: string): string {
  return raw.replace(LONE_SURROGATE, '\ufffd').replace(CONTROL, '').replace(SPACE, ' ').trim();
}

/**
 * The text as the report stores it: full-width digits and letters as ASCII; `,():;!?` next to
 * Chinese text as full-width ，（）：；！？ and a final `.` after Chinese as 。; spaces between
 * Chinese characters dropped (they are copy artefacts) unless `keepSpaces` (the title has one).
 */
export function normalizeLine(raw: string, options: { keepSpaces?: boolean } = {}): string {
  const forms = normalizeForms(raw);
  return options.keepSpaces === true ? forms.spaced : forms.text;
}

/** Both forms of a line at once: with single spaces kept (`spaced`) and without stray ones (`text`). */
export function normalizeForms(raw: string): { spaced: string; text: string } {
  const cleaned = cleanLine(raw).replace(FULL_WIDTH_ALNUM, (c) =>
    String.fromCharCode((c.codePointAt(0) ?? 0) - 0xfee0),
  );
  // Most lines have nothing to widen and no space: skip the per-character passes.
  if (!/[,():;!?. ]/u.test(cleaned)) return { spaced: cleaned, text: cleaned };
  const widened = mapWithSolidNeighbours(Array.from(cleaned), (c, before, after) => {
    const full = HALF_TO_FULL[c];
    if (full !== undefined && (isCjk(before) || isCjk(after))) return full;
    if (c === '.' && isCjk(before) && (after === undefined || isCjk(after))) return '。';
    return c;
  });
  const spaced = widened.join('');
  if (!spaced.includes(' ')) return { spaced, text: spaced };
  const text = mapWithSolidNeighbours(widened, (c, before, after) =>
    c === ' ' && isCjk(before) && isCjk(after) ? '' : c,
  ).join('');
  return { spaced, text };
}

/** Maps each character seeing its nearest non-space neighbours, so `建设 , 推动` reads like `建设,推动`. */
function mapWithSolidNeighbours(
  chars: readonly string[],
  map: (c: string, before: string | undefined, after: string | undefined) => string,
): string[] {
  const after: (string | undefined)[] = new Array<string | undefined>(chars.length);
  let last: string | undefined;
  for (let i = chars.length - 1; i >= 0; i -= 1) {
    after[i] = last;
    const c = chars[i];
    if (c !== undefined && c !== ' ') last = c;
  }
  last = undefined;
  return chars.map((c, i) => {
    const out = map(c, last, after[i]);
    if (c !== ' ') last = c;
    return out;
  });
}

/** Lines as provenance counts them: BOM dropped, CRLF, lone CR and LF all end a line, no phantom last line. */
export function splitSourceLines(text: string): string[] {
  const body = text.startsWith('\ufeff') ? text.slice(1) : text;
  const lines = body.split(/\r\n|\r|\n/u);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}
