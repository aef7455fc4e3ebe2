import type { SourceLine } from './source-line.js';

// Issuer and period as a report's own head lines state them, in simplified or traditional
// characters: 2024年成都市政府工作报告, ——2024年1月20日在成都市第十八届人民代表大会…, 成都市市长 王凤朝.

/** A value read from the text, with the line it was read from. */
export interface ReadValue<T> {
  value: T;
  line: number;
}

export interface TextMetadata {
  issuer: ReadValue<string> | undefined;
  period: ReadValue<{ start: number; end: number }> | undefined;
}

const REGION = '[\\p{Script=Han}]{1,12}?(?:自治区|自治區|特别行政区|省|市|县|縣|区|區|州|盟|旗)';
const ISSUER_PATTERNS: readonly RegExp[] = [
  // 成都市人民政府工作报告, 2024年成都市政府工作報告
  new RegExp(`(?:^|\\d{4}年)(${REGION})(?:人民)?政府工作(?:报告|報告)`, 'u'),
  // 在成都市第十八届人民代表大会第四次会议上
  new RegExp(`在(${REGION})第[\\p{Script=Han}\\d]{1,6}[届屆]人民代表大[会會]`, 'u'),
  // 成都市市长 王凤朝, 四川省省長 黃強, 代理市长
  new RegExp(`^(${REGION})(?:代理)?(?:省|市|县|縣|区|區|州)?[长長]\\s*\\S{0,4}$`, 'u'),
];
const NATIONAL = /国务院总理|國務院總理|全国人民代表大会|全國人民代表大會/u;
const RANGE = /((?:19|20)\d{2})\s*(?:年)?\s*[—–\-~～至到]+\s*((?:19|20)\d{2})\s*年?/u;
const YEAR = /((?:19|20)\d{2})年/u;
const FIVE_YEARS = /今后五年|今後五年|未来五年|未來五年/u;

function issuerAt(text: string): string | undefined {
  for (const pattern of ISSUER_PATTERNS) {
    const region = pattern.exec(text)?.[1];
    if (region !== undefined) return `${region}人民政府`;
  }
  if (NATIONAL.test(text)) return /國務院|全國/u.test(text) ? '國務院' : '国务院';
  return undefined;
}

/** A line naming who delivers the report (成都市市长 王凤朝): metadata, not text to place. */
export function isSpeakerLine(text: string): boolean {
  return (
    (ISSUER_PATTERNS[2]?.test(text) ?? false) || /^(?:国务院总理|國務院總理)\s*\S{0,4}$/u.test(text)
  );
}

/** The issuer and period the head lines state, each from the first line that states it. */
export function readTextMetadata(lines: readonly SourceLine[]): TextMetadata {
  let issuer: TextMetadata['issuer'];
  let range: TextMetadata['period'];
  let year: ReadValue<number> | undefined;
  let fiveYears = false;
  for (const line of lines) {
    const text = line.text.slice(0, 200);
    if (issuer === undefined) {
      const found = issuerAt(text);
      if (found !== undefined) issuer = { value: found, line: line.line };
    }
    const r = RANGE.exec(text);
    if (range === undefined && r !== null) {
      const start = Number(r[1]);
      const end = Number(r[2]);
      if (start <= end) range = { value: { start, end }, line: line.line };
    }
    const y = YEAR.exec(text);
    if (year === undefined && y !== null) year = { value: Number(y[1]), line: line.line };
    if (FIVE_YEARS.test(text)) fiveYears = true;
  }
  const period =
    range ??
    (year === undefined
      ? undefined
      : {
          value: { start: year.value, end: fiveYears ? year.value + 4 : year.value },
          line: year.line,
        });
  return { issuer, period };
}
