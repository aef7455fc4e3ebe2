import type { Request } from 'express';
import { IndicatorQuerySchema } from '@leshan/report-views';
import { SearchFiltersSchema } from '../api/search-schemas.js';
import { canonicalPath, pathOf } from './canonical-path.js';
import type { PageOutcome } from './page-handler.js';

/**
 * The query parameters a page reads (targets filters, search, the diff form). Only these travel
 * on the language switch, so a parameter no page uses never ends up in a rendered link.
 */
export const PAGE_QUERY_KEYS: ReadonlySet<string> = new Set([
  ...Object.keys(IndicatorQuerySchema.shape),
  ...Object.keys(SearchFiltersSchema.shape),
  'from',
  'to',
]);

/** The page's own query string, rebuilt from the parsed parameters (`?…` or ''). */
export function keptQuery(req: Request): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(req.query as Record<string, unknown>)) {
    if (PAGE_QUERY_KEYS.has(key) && typeof value === 'string') params.set(key, value);
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** The absolute address of a page: the configured public origin (never the Host header) and its path. */
export function canonicalUrl(siteUrl: string, req: Request): string {
  return `${siteUrl.replace(/\/+$/, '')}${canonicalPath(pathOf(req.originalUrl))}`;
}

/** Adds what every answered page carries: its canonical address (200s only) and its kept query. */
export function withPageMeta(outcome: PageOutcome, req: Request, siteUrl: string): PageOutcome {
  if (outcome.kind !== 'page') return outcome;
  const ok = (outcome.status ?? 200) === 200;
  return {
    ...outcome,
    content: {
      ...outcome.content,
      query: keptQuery(req),
      ...(ok && outcome.content.canonical === undefined
        ? { canonical: canonicalUrl(siteUrl, req) }
        : {}),
    },
  };
}
