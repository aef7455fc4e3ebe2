import type { Report } from '@leshan/report-core';
import { canonicalReport, editableCopy } from '@leshan/report-core';
import { contentHash } from '@leshan/report-core/hash';
import type { ExportInput } from './schemas.js';

/** The shipped report is no published edition; it renders at a fixed date so its files never change. */
export const CANONICAL_PUBLISHED_AT = '2022-01-01T00:00:00.000Z';

/** Any report as an edition not from the store, with the content hash the store would give it. */
export function editionFromReport(report: Report, id: string, publishedAt: string): ExportInput {
  return {
    report,
    edition: { id, number: 0, hash: contentHash(report), publishedAt },
  };
}

/** The canonical Leshan report as edition `canonical`, number 0: what the CLI renders. */
export function canonicalEdition(): ExportInput {
  // A copy: an export input is a plain (mutable) Report, and canonicalReport is frozen.
  return editionFromReport(editableCopy(canonicalReport), 'canonical', CANONICAL_PUBLISHED_AT);
}
