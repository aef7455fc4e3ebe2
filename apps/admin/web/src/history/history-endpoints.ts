import type { z } from 'zod';
import {
  CompareSchema,
  RestoreNodeResultSchema,
  RevisionListSchema,
} from '../../../src/api/revisions.schemas.js';
import type { ApiClient } from '../api/client.js';
import { query } from '../api/client.js';

export type HistoryPage = z.infer<typeof RevisionListSchema>;
export type HistoryEntry = HistoryPage['revisions'][number];
export type Comparison = z.infer<typeof CompareSchema>;
export type RestoreNodeResult = z.infer<typeof RestoreNodeResultSchema>;

/** What the history shows: by one person, of one node, between two days (Asia/Shanghai). */
export interface HistoryFilter {
  author?: string;
  node?: string;
  from?: string;
  to?: string;
}

/** The history screen's calls: filtered pages of entries, any two compared, one node restored. */
export function historyEndpoints(api: ApiClient) {
  return {
    history: (filter: HistoryFilter, limit: number, before?: number) =>
      api.get(`/api/revisions${query({ ...filter, limit, before })}`, RevisionListSchema),
    compare: (from: number, to: number) =>
      api.get(`/api/revisions/compare${query({ from, to })}`, CompareSchema),
    restoreNode: (revision: number, nodeId: string, dryRun: boolean, baseRevision?: number) =>
      api.post(`/api/revisions/${revision}/restore-node`, RestoreNodeResultSchema, {
        nodeId,
        dryRun,
        ...(baseRevision === undefined ? {} : { baseRevision }),
      }),
  };
}
