import { createHash } from 'node:crypto';
import type { Measure, Report } from '@leshan/report-core';
import type { AdminClient, Session } from './http.js';

/** GET /api/draft as the admin API answers it. */
export interface DraftView {
  revision: number;
  hash: string;
  report: Report;
  validation: { ok: boolean; issues: unknown[] };
}

export interface RevisionMeta {
  number: number;
  hash: string;
  kind: string;
}

export interface ExportJobView {
  id: string;
  format: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  attempts: number;
}

export interface ArtifactView {
  id: string;
  format: string;
  fileName: string;
  size: number;
  sha256: string;
  url: string;
}

export const sha256 = (bytes: Uint8Array): string =>
  createHash('sha256').update(bytes).digest('hex');

export async function draftOf(api: AdminClient, session: Session): Promise<DraftView> {
  return api.get<DraftView>('/api/draft', session);
}

/** Every revision of the draft, oldest first (the API pages newest first, 200 at a time). */
export async function allRevisions(api: AdminClient, session: Session): Promise<RevisionMeta[]> {
  const all: RevisionMeta[] = [];
  let before: number | undefined;
  for (;;) {
    const query = before === undefined ? '?limit=200' : `?limit=200&before=${before}`;
    const page = await api.get<{ revisions: RevisionMeta[] }>(`/api/revisions${query}`, session);
    all.push(...page.revisions);
    const last = page.revisions.at(-1);
    if (page.revisions.length < 200 || last === undefined || last.number === 0) break;
    before = last.number;
  }
  return all.reverse();
}

export async function exportsOf(
  api: AdminClient,
  session: Session,
  editionId: string,
): Promise<{ jobs: ExportJobView[]; artifacts: ArtifactView[] }> {
  return api.get(`/api/editions/${editionId}/exports`, session);
}

/** Publishes the draft as it is now; the draft must differ from the latest edition. */
export async function publish(
  api: AdminClient,
  publisher: Session,
): Promise<{ id: string; number: number }> {
  const draft = await draftOf(api, publisher);
  const res = await api.request('post', '/api/editions', {
    session: publisher,
    json: { baseRevision: draft.revision },
  });
  if (res.status !== 201) throw new Error(`publish failed: ${res.status} ${res.text}`);
  return (res.json as { edition: { id: string; number: number } }).edition;
}

/** Applies commands on the current draft revision; throws unless the API accepts them. */
export async function edit(
  api: AdminClient,
  session: Session,
  commands: object[],
): Promise<{ revision: number; hash: string }> {
  const draft = await draftOf(api, session);
  const res = await api.request('post', '/api/draft/commands', {
    session,
    json: { baseRevision: draft.revision, commands },
  });
  if (res.status !== 200) throw new Error(`edit refused: ${res.status} ${res.text}`);
  return res.json as { revision: number; hash: string };
}

/** Every measure of a report, in reading order. */
export const measuresOf = (report: Report): Measure[] =>
  report.chapters.flatMap((c) => c.sections.flatMap((s) => s.measures));
