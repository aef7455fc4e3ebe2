import type { Message } from './message.js';
import { formatMessage } from './message.js';

// Text a report holds ends up in SQL rows, XML (XLSX, DOCX), PDF and HTML. Some characters cannot
// be carried by those formats or only hide things: C0 controls other than tab and line breaks, DEL,
// the C1 controls (U+0080–U+009F, NEL among them), and lone UTF-16 surrogates. The admin API
// refuses them at the door and ReportSchema refuses them in any report: one rule, here.

/**
 * The characters no stored text may hold, as the body of a regular-expression character class
 * (written with backslash-u escapes). The one definition: the zod refinement, the admin API and the
 * published JSON Schema's `pattern` are all built from it.
 */
export const UNSAFE_CHARACTER_CLASS = '\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f';

const CONTROL = new RegExp(`[${UNSAFE_CHARACTER_CLASS}]`, 'u');

// In a /u pattern a proper pair is one code point, so only a lone half matches.
const LONE_SURROGATE = /[\ud800-\udfff]/u;

/** What makes a string unfit to store: a control character (by code point) or a lone surrogate. */
export type UnsafeCharacter = { kind: 'control'; codePoint: number } | { kind: 'lone-surrogate' };

/** The first reason `text` may not be stored, or null when it may. */
export function findUnsafeCharacter(text: string): UnsafeCharacter | null {
  if (LONE_SURROGATE.test(text)) return { kind: 'lone-surrogate' };
  const control = CONTROL.exec(text);
  if (control === null) return null;
  return { kind: 'control', codePoint: control[0].codePointAt(0) ?? 0 };
}

/** Whether `text` may be stored: no control character but tab and line breaks, no lone surrogate. */
export function isSafeText(text: string): boolean {
  return findUnsafeCharacter(text) === null;
}

/** Why `text` may not be stored, in both languages, or null when it may. */
export function unsafeTextReason(text: string): Message | null {
  const found = findUnsafeCharacter(text);
  if (found === null) return null;
  if (found.kind === 'lone-surrogate') {
    return {
      zh: '含有无效的 Unicode 字符（不成对的代理项），请删除后重试',
      en: 'contains a lone UTF-16 surrogate, which is not text: remove it',
    };
  }
  const code = `U+${found.codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  return {
    zh: `含有不可见的控制字符（${code}），请删除后重试`,
    en: `contains the invisible control character ${code}: remove it`,
  };
}

/** For a zod refinement: the reason as one "中文 (English)" line. */
export function unsafeTextError(text: string): string {
  const reason = unsafeTextReason(text);
  return reason === null ? '' : formatMessage(reason);
}
