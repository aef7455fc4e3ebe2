import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { openStore } from '@leshan/report-store';
import type {
  Artifact as StoreArtifact,
  Edition as StoreEdition,
  EditionSummary as StoreEditionSummary,
  Store,
} from '@leshan/report-store';
import type { Artifact, Edition, EditionSummary } from '../schemas.js';
import type { ViewerSource } from './source.js';

export type StoreLocation = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

const FIRST_EDITION = '首次发布。';

function toSummary(e: StoreEditionSummary): EditionSummary {
  return {
    id: e.id,
    number: e.number,
    hash: e.contentHash,
    publishedAt: e.publishedAt,
    changeSummary: e.changeSummary?.message.zh ?? FIRST_EDITION,
  };
}

function toEdition(e: StoreEdition): Edition {
  return { ...toSummary(e), report: e.report };
}

function toArtifact(a: StoreArtifact): Artifact {
  return {
    id: a.id,
    editionId: a.editionId,
    format: a.format,
    fileName: a.fileName,
    mediaType: a.mediaType,
    size: a.size,
    sha256: a.sha256,
    createdAt: a.createdAt,
  };
}

/**
 * The viewer's view of the store. Every call to latestEdition() asks the store which edition is
 * newest (a summary query), so a new edition shows without a restart; parsed editions are kept
 * by id, since editions never change.
 */
export function createStoreSource(store: Store): ViewerSource {
  const editions = new Map<string, Edition>();
  const remember = (edition: Edition): Edition => {
    editions.set(edition.id, edition);
    if (editions.size > 16) {
      const oldest = editions.keys().next();
      if (oldest.done !== true) editions.delete(oldest.value);
    }
    return edition;
  };
  const load = async (summary: StoreEditionSummary | undefined): Promise<Edition | undefined> => {
    if (summary === undefined) return undefined;
    const known = editions.get(summary.id);
    if (known !== undefined) return known;
    const full = await store.getEdition(summary.id);
    return full === null ? undefined : remember(toEdition(full));
  };
  const artifactsOf = async (editionId: string): Promise<StoreArtifact[]> =>
    store.listArtifacts(editionId);

  return {
    latestEdition: async () => load((await store.listEditions())[0]),
    getEdition: async (idOrHash) => {
      const summaries = await store.listEditions();
      const summary = summaries.find(
        (e) => e.id === idOrHash || e.contentHash === idOrHash || String(e.number) === idOrHash,
      );
      return load(summary);
    },
    listEditions: async () => (await store.listEditions()).map(toSummary),
    listArtifacts: async (editionId) => (await artifactsOf(editionId)).map(toArtifact),
    openArtifact: async (artifactId) => {
      for (const edition of await store.listEditions()) {
        const found = (await artifactsOf(edition.id)).find((a) => a.id === artifactId);
        if (found === undefined) continue;
        // A file the worker recorded but that is gone from disk is answered as missing, not as an error.
        const exists = await stat(found.path).then(
          (s) => s.isFile(),
          () => false,
        );
        return exists ? { meta: toArtifact(found), body: createReadStream(found.path) } : undefined;
      }
      return undefined;
    },
    close: () => store.close(),
  };
}

/** Opens the store read-only (the viewer never writes) and wraps it. */
export async function openStoreSource(location: StoreLocation): Promise<ViewerSource> {
  const store = await openStore(
    location.kind === 'sqlite'
      ? { sqliteFile: location.file, readonly: true }
      : { databaseUrl: location.url, readonly: true },
  );
  return createStoreSource(store);
}
