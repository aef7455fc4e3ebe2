import type { Artifact, Edition, EditionSummary } from '../../schemas.js';

export const API_BASE = '/api/v1';

/** Where an export file is downloaded from (a real file name, so static hosts serve it as is). */
export function artifactHref(edition: EditionSummary | Edition, artifact: Artifact): string {
  return `${API_BASE}/editions/${encodeURIComponent(edition.id)}/files/${encodeURIComponent(artifact.fileName)}`;
}

/** The immutable address of an edition's serialized search index. */
export function searchIndexHref(edition: EditionSummary | Edition): string {
  return `${API_BASE}/editions/${edition.hash}/search-index.json`;
}
