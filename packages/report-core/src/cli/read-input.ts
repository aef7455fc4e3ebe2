import type { Message } from '../model/index.js';
import { UNSAFE_CHARACTER_CLASS } from '../model/index.js';
import type { CliIo, ReadResult } from './io.js';
import { STDIN } from './io.js';

/** The largest input the CLI reads: ten times the Leshan source, far below what stalls a parse. */
export const MAX_INPUT_BYTES = 4 * 1024 * 1024;

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function decode(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

// A text read as GB18030 is taken as Chinese when most of its letters are CJK ideographs and
// punctuation: random bytes that happen to decode are not.
const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/gu;
const LETTER = /[\p{L}\p{N}\p{P}]/gu;

function looksChinese(text: string): boolean {
  const letters = text.match(LETTER)?.length ?? 0;
  return letters > 0 && (text.match(CJK)?.length ?? 0) / letters > 0.3;
}

/** The name of an input in messages: the path, or 标准输入 for `-`. */
export function inputName(path: string): string {
  return path === STDIN ? '标准输入 (stdin)' : path;
}

/**
 * Decodes an input's bytes: UTF-8 (a byte-order mark is dropped), or GB18030/GBK when that is
 * what it is (with a note on stderr); anything else is refused naming what it looks like.
 */
export function decodeInput(
  bytes: Uint8Array,
  name: string,
): { ok: true; text: string; note?: Message } | { ok: false; message: Message } {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return {
      ok: false,
      message: {
        zh: '是 UTF-16 编码的文本，请另存为 UTF-8 后重试',
        en: 'is UTF-16 text: save it as UTF-8 and try again',
      },
    };
  }
  const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(UTF8_BOM.length) : bytes;
  const utf8 = decode('utf-8', body);
  if (utf8 !== null) return { ok: true, text: utf8 };
  const gb = decode('gb18030', body);
  if (gb !== null && looksChinese(gb)) {
    return {
      ok: true,
      text: gb,
      note: {
        zh: `${name} 不是 UTF-8，已按 GB18030（GBK）解码`,
        en: `${name} is not UTF-8; decoded as GB18030 (GBK)`,
      },
    };
  }
  return {
    ok: false,
    message: {
      zh: '不是 UTF-8 文本（也不是 GB18030/GBK 中文文本），请另存为 UTF-8 后重试',
      en: 'is not UTF-8 text (nor GB18030/GBK Chinese text): save it as UTF-8 and try again',
    },
  };
}

/** Reads `path` (`-`: stdin) as text within MAX_INPUT_BYTES; notes a GB18030 decode on stderr. */
export function readInput(io: CliIo, path: string): ReadResult {
  const read = io.readBytes(path, MAX_INPUT_BYTES);
  if (!read.ok) return read;
  const decoded = decodeInput(read.bytes, inputName(path));
  if (!decoded.ok) return decoded;
  if (decoded.note !== undefined) io.err(`${decoded.note.zh} (${decoded.note.en})\n`);
  return { ok: true, text: decoded.text };
}

/** The message for an input over `maxBytes`: its size and the limit, and what to do. */
export function tooLargeMessage(size: number, maxBytes: number): Message {
  const mb = (n: number): string => (n / 1024 / 1024).toFixed(1);
  return {
    zh: `文件有 ${mb(size)} MB，超过 ${mb(maxBytes)} MB 的上限；请检查是否选错了文件`,
    en: `is ${mb(size)} MB, over the ${mb(maxBytes)} MB limit: check that it is the right file`,
  };
}

const SHOWN_ESCAPED = new RegExp(`[${UNSAFE_CHARACTER_CLASS}]`, 'gu');

/**
 * Text for a terminal: every character of the text rule (controls, direction-changing and
 * invisible characters, lone surrogates) written as a `\uXXXX` escape, so echoing a bad input
 * can neither move the cursor nor hide or reorder what it shows. Inside a JSON string the escape
 * means the same character, so JSON output stays valid and equal.
 */
export function escapeForTerminal(text: string): string {
  return text.replace(
    SHOWN_ESCAPED,
    (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
  );
}
