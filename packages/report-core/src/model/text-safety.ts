import { z } from 'zod';
import type { Message } from './message.js';
import { formatMessage } from './message.js';

// Text a report holds ends up in SQL rows, XML (XLSX, DOCX), PDF and HTML, and is read by people
// who must see what is stored. Refused: C0 controls other than tab and line breaks, DEL, the C1
// controls (U+0080–U+009F, NEL among them); characters that change the direction of the text
// around them (so "0102" can display as "2010"); invisible characters (zero-width spaces and
// joiners, word joiner, byte-order mark, soft hyphen); and lone UTF-16 surrogates. The admin API
// refuses them at the door, ReportSchema in any report and the JSON Schema by its `pattern`: one
// rule, here.

const CONTROL_CLASS = '\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f';
// LRM, RLM, ALM; embeddings and overrides LRE…RLO; isolates LRI…PDI.
const DIRECTION_CLASS = '\\u200e\\u200f\\u061c\\u202a-\\u202e\\u2066-\\u2069';
// Soft hyphen; zero-width space, non-joiner, joiner; word joiner and invisible operators; BOM.
const INVISIBLE_CLASS = '\\u00ad\\u200b-\\u200d\\u2060-\\u2064\\ufeff';
// In a /u pattern a proper surrogate pair is one code point, so only a lone half matches.
const SURROGATE_CLASS = '\\ud800-\\udfff';

/**
 * The characters no stored text may hold, as the body of a regular-expression character class
 * (backslash-u escapes, for a pattern with the `u` flag). The one definition: the zod check, the
 * admin API and the published JSON Schema's `pattern` are all built from it.
 */
export const UNSAFE_CHARACTER_CLASS = `${CONTROL_CLASS}${DIRECTION_CLASS}${INVISIBLE_CLASS}${SURROGATE_CLASS}`;

/** A whole string holding none of the refused characters (the JSON Schema `pattern`). */
export const SAFE_TEXT_PATTERN = new RegExp(`^[^${UNSAFE_CHARACTER_CLASS}]*$`, 'u');

const UNSAFE = new RegExp(`[${UNSAFE_CHARACTER_CLASS}]`, 'u');
const IS_CONTROL = new RegExp(`^[${CONTROL_CLASS}]$`, 'u');
const IS_DIRECTION = new RegExp(`^[${DIRECTION_CLASS}]$`, 'u');
const IS_INVISIBLE = new RegExp(`^[${INVISIBLE_CLASS}]$`, 'u');

/** Why a character is refused. */
export type UnsafeCharacterKind = 'control' | 'direction' | 'invisible' | 'lone-surrogate';

/** The first refused character of a text: what it is and where (1-based, in code points). */
export interface UnsafeCharacter {
  kind: UnsafeCharacterKind;
  codePoint: number;
  position: number;
}

/** The first character `text` may not store, or null when it may store all of it. */
export function findUnsafeCharacter(text: string): UnsafeCharacter | null {
  const found = UNSAFE.exec(text);
  if (found === null) return null;
  const char = found[0];
  const codePoint = char.codePointAt(0) ?? 0;
  // Code points before the match (a pair counts once), so the position is what a reader counts.
  const position = Array.from(text.slice(0, found.index)).length + 1;
  const kind: UnsafeCharacterKind = IS_CONTROL.test(char)
    ? 'control'
    : IS_DIRECTION.test(char)
      ? 'direction'
      : IS_INVISIBLE.test(char)
        ? 'invisible'
        : 'lone-surrogate';
  return { kind, codePoint, position };
}

/** Whether `text` may be stored: none of the characters of UNSAFE_CHARACTER_CLASS. */
export function isSafeText(text: string): boolean {
  return !UNSAFE.test(text);
}

// The refused characters that have a name a reader may recognise.
const NAMES: Readonly<Record<number, Message>> = {
  0x00ad: { zh: '软连字符', en: 'soft hyphen' },
  0x061c: { zh: '阿拉伯字母标记', en: 'Arabic letter mark' },
  0x200b: { zh: '零宽空格', en: 'zero-width space' },
  0x200c: { zh: '零宽不连字', en: 'zero-width non-joiner' },
  0x200d: { zh: '零宽连字', en: 'zero-width joiner' },
  0x200e: { zh: '从左至右标记', en: 'left-to-right mark' },
  0x200f: { zh: '从右至左标记', en: 'right-to-left mark' },
  0x202a: { zh: '从左至右嵌入', en: 'left-to-right embedding' },
  0x202b: { zh: '从右至左嵌入', en: 'right-to-left embedding' },
  0x202c: { zh: '方向格式结束', en: 'pop directional formatting' },
  0x202d: { zh: '从左至右覆盖', en: 'left-to-right override' },
  0x202e: { zh: '从右至左覆盖', en: 'right-to-left override' },
  0x2060: { zh: '字连接符', en: 'word joiner' },
  0x2066: { zh: '从左至右隔离', en: 'left-to-right isolate' },
  0x2067: { zh: '从右至左隔离', en: 'right-to-left isolate' },
  0x2068: { zh: '首强字符隔离', en: 'first strong isolate' },
  0x2069: { zh: '方向隔离结束', en: 'pop directional isolate' },
  0xfeff: { zh: '字节顺序标记', en: 'byte-order mark' },
};

const KIND_WORDS: Readonly<Record<UnsafeCharacterKind, Message>> = {
  control: { zh: '不可见的控制字符', en: 'the invisible control character' },
  direction: { zh: '改变文字方向的字符', en: 'the direction-changing character' },
  invisible: { zh: '不可见字符', en: 'the invisible character' },
  'lone-surrogate': {
    zh: '无效的 Unicode 字符（不成对的代理项）',
    en: 'a lone UTF-16 surrogate, which is not text,',
  },
};

/** Why `text` may not be stored, in both languages, naming the character and its position. */
export function unsafeTextReason(text: string): Message | null {
  const found = findUnsafeCharacter(text);
  if (found === null) return null;
  const code = `U+${found.codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = NAMES[found.codePoint];
  const words = KIND_WORDS[found.kind];
  if (found.kind === 'lone-surrogate') {
    return {
      zh: `第${found.position}个字符是${words.zh}，请删除后重试`,
      en: `contains ${words.en} at character ${found.position}: remove it`,
    };
  }
  return {
    zh: `含有${words.zh}（${code}${name === undefined ? '' : ` ${name.zh}`}，第${found.position}个字符），请删除后重试`,
    en: `contains ${words.en} ${code}${name === undefined ? '' : ` (${name.en})`} at character ${found.position}: remove it`,
  };
}

/** For a zod check: the reason as one "中文 (English)" line. */
export function unsafeTextError(text: string): string {
  const reason = unsafeTextReason(text);
  return reason === null ? '' : formatMessage(reason);
}

/**
 * A string schema refusing the characters of UNSAFE_CHARACTER_CLASS with the reason in both
 * languages; its JSON Schema carries the same rule as `pattern`. Every free text of a report uses it.
 */
export function safeString(): z.ZodString {
  return z
    .string()
    .regex(SAFE_TEXT_PATTERN, { error: (issue) => unsafeTextError(String(issue.input)) });
}
