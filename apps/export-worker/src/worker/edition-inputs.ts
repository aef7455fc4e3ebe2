import type { Edition, Store } from '@leshan/report-store';
import type { ExportInput } from '../schemas.js';

/** A published edition as the renderers take it. */
export function exportInputOf(edition: Edition): ExportInput {
  return {
    report: edition.report,
    edition: {
      id: edition.id,
      number: edition.number,
      hash: edition.contentHash,
      publishedAt: edition.publishedAt,
    },
  };
}

/**
 * Loads editions for jobs, keeping the last few: the jobs of one edition come one after another,
 * and an edition never changes, so a kept copy is never stale.
 */
export function editionInputs(
  store: Pick<Store, 'getEdition'>,
  keep = 4,
): (editionId: string) => Promise<ExportInput | null> {
  const kept = new Map<string, ExportInput>();
  return async (editionId) => {
    const known = kept.get(editionId);
    if (known !== undefined) return known;
    const edition = await store.getEdition(editionId);
    if (edition === null) return null;
    const input = exportInputOf(edition);
    kept.set(editionId, input);
    for (const oldest of kept.keys()) {
      if (kept.size <= keep) break;
      kept.delete(oldest);
    }
    return input;
  };
}
