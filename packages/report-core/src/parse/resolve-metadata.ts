import { sha256Utf8 } from '../hash/sha256.js';
import type { ValidationIssue } from '../model/validate.js';
import type { Diagnostic } from './diagnostic.js';
import { diagnostic, quote } from './diagnostic.js';
import type { FrontMatter } from './parse-front-matter.js';
import type { ParseOptions } from './parse-options.js';
import { OPTION_KEYS } from './parse-options.js';
import type { TextMetadata } from './read-metadata.js';

export interface ResolvedMetadata {
  id: string;
  title: string;
  scope: string;
  issuer: string;
  period: { start: number; end: number };
  diagnostics: Diagnostic[];
  /** Report paths these diagnostics explain, so the schema's own complaint is not repeated. */
  coveredPaths: string[];
}

/** One option the parser refused or did not know, as a diagnostic of its own. */
export function optionDiagnostic(issue: ValidationIssue): Diagnostic {
  const key = String(issue.pathSegments[0] ?? '');
  const known = (OPTION_KEYS as readonly string[]).includes(key);
  if (!known && key !== '') return diagnostic('unknown-option', 'warning', issue.message, []);
  return diagnostic(
    'invalid-option',
    'error',
    {
      zh: `解析选项 ${issue.path === '' ? '' : `${issue.path} `}无效，未采用：${issue.message.zh}。其余选项照常采用。`,
      en: `parse option ${issue.path === '' ? '' : `${issue.path} `}is invalid and was not used: ${issue.message.en}. The other options were used.`,
    },
    [],
  );
}

const FIELD = {
  issuer: { zh: '发布机关', en: 'issuer', option: 'issuer' },
  period: { zh: '起止年份', en: 'period', option: 'period' },
} as const;

function missing(field: keyof typeof FIELD): Diagnostic {
  const f = FIELD[field];
  return diagnostic(
    'missing-metadata',
    'error',
    {
      zh: `原文没有写明${f.zh}，选项也未给出：请在导入时填写（选项 ${f.option}）。`,
      en: `neither the text nor the options give the ${f.en}: supply it (option ${f.option}).`,
    },
    [],
  );
}

function fromText(field: keyof typeof FIELD, value: string, line: number): Diagnostic {
  const f = FIELD[field];
  return diagnostic(
    'metadata-from-text',
    'info',
    {
      zh: `${f.zh}“${quote(value)}”读自第${line}行：请核对。`,
      en: `the ${f.en} "${quote(value)}" was read from line ${line}: check it.`,
    },
    [line],
  );
}

/**
 * A report id from its issuer and period (report-<8 hex of the issuer>-<start>-<end>): the same
 * report of the same government gets the same id on every import, another government another.
 */
export function deriveReportId(
  issuer: string | undefined,
  period: { start: number; end: number } | undefined,
): string {
  const parts = ['report'];
  if (issuer !== undefined) parts.push(sha256Utf8(issuer).slice(0, 8));
  if (period !== undefined) parts.push(String(period.start), String(period.end));
  return parts.join('-');
}

/** Issuer, period, title, scope and id: each from the options, else the text, else a diagnostic. */
export function resolveMetadata(
  opts: ParseOptions,
  front: FrontMatter,
  text: TextMetadata,
): ResolvedMetadata {
  const diagnostics: Diagnostic[] = [];
  const coveredPaths: string[] = [];

  let issuer = opts.issuer;
  if (issuer === undefined && text.issuer !== undefined) {
    issuer = text.issuer.value;
    diagnostics.push(fromText('issuer', issuer, text.issuer.line));
  }
  if (issuer === undefined) {
    diagnostics.push(missing('issuer'));
    coveredPaths.push('meta.issuer');
  }

  let period = opts.period;
  if (period === undefined && text.period !== undefined) {
    period = text.period.value;
    diagnostics.push(fromText('period', `${period.start}–${period.end}`, text.period.line));
  }
  if (period === undefined) {
    diagnostics.push(missing('period'));
    coveredPaths.push('meta.period.start', 'meta.period.end');
  }

  // A missing title or scope is reported by the block check (meta.title, meta.scope).
  return {
    id: opts.id ?? deriveReportId(issuer, period),
    title: opts.title ?? front.title?.spaced ?? '',
    scope: opts.scope ?? front.scope?.text ?? '',
    issuer: issuer ?? '',
    period: period ?? { start: 0, end: 0 },
    diagnostics,
    coveredPaths,
  };
}
