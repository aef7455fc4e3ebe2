import { ApiError } from '@leshan/http-kit';
import { contentHash } from '@leshan/report-core/hash';
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

export interface StoreSourceOptions {
  /** How often, at most, the store is asked whether anything changed (default 250 ms). */
  checkEveryMs?: number;
  /** Clock in ms (tests move it). */
  now?: () => number;
  /** Where refusals (an edition whose content does not match its hash) are reported. */
  log?: (line: string) => void;
}

const FIRST_EDITION = '首次发布。';
const KEPT_EDITIONS = 16;

function toSummary(e: StoreEditionSummary): EditionSummary {
  return {
    id: e.id,
    number: e.number,
    hash: e.contentHash,
    publishedAt: e.publishedAt,
    changeSummary: e.changeSummary?.message.zh ?? FIRST_EDITION,
  };
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

/** An edition whose report does not hash to the content hash it was published with: 503, never served. */
export class EditionIntegrityError extends ApiError {
  constructor(detail: string) {
    super(503, 'edition-mismatch', '此版本的内容与发布时的内容指纹不符，暂停提供，请稍后再试', {
      cause: new Error(detail),
    });
  }
}

/** What the store held at one change mark: the edition list and, filled as asked, export files. */
interface Snapshot {
  mark: string;
  summaries: EditionSummary[];
  artifacts: Map<string, StoreArtifact[]>;
}

/**
 * The viewer's view of the store. The store is asked whether anything changed (its change mark:
 * PRAGMA data_version on SQLite, a small aggregate on PostgreSQL) at most every `checkEveryMs`,
 * not per request; the edition list and export files are read again only when the mark moves.
 * Editions never change, so a parsed edition is kept by id, after its report was checked against
 * its content hash: one that does not match is refused (EditionIntegrityError, logged) each time.
 */
export function createStoreSource(store: Store, options: StoreSourceOptions = {}): ViewerSource {
  const checkEveryMs = options.checkEveryMs ?? 250;
  const now = options.now ?? Date.now;
  const log = options.log ?? ((line: string) => void process.stderr.write(`viewer: ${line}\n`));
  const editions = new Map<string, Edition>();
  let snapshot: Snapshot | undefined;
  let checkedAt = Number.NEGATIVE_INFINITY;
  let checking: Promise<Snapshot> | undefined;

  const check = async (): Promise<Snapshot> => {
    const mark = await store.changeMark();
    if (snapshot?.mark !== mark) {
      const summaries = (await store.listEditions()).map(toSummary);
      snapshot = { mark, summaries, artifacts: new Map() };
    }
    checkedAt = now();
    return snapshot;
  };
  /** The current snapshot, asking the store first when the last check is older than checkEveryMs. */
  const fresh = (): Promise<Snapshot> => {
    if (snapshot !== undefined && now() - checkedAt < checkEveryMs)
      return Promise.resolve(snapshot);
    checking ??= check().finally(() => {
      checking = undefined;
    });
    return checking;
  };

  const verified = (e: StoreEdition): Edition => {
    const actual = contentHash(e.report);
    if (actual !== e.contentHash) {
      const line = `edition ${e.number} (${e.id}) refused: its report hashes to ${actual}, published as ${e.contentHash}`;
      log(line);
      throw new EditionIntegrityError(line);
    }
    return { ...toSummary(e), report: e.report };
  };
  const load = async (summary: EditionSummary | undefined): Promise<Edition | undefined> => {
    if (summary === undefined) return undefined;
    const known = editions.get(summary.id);
    if (known !== undefined) return known;
    const full = await store.getEdition(summary.id);
    if (full === null) return undefined;
    const edition = verified(full);
    editions.set(edition.id, edition);
    if (editions.size > KEPT_EDITIONS) {
      const oldest = editions.keys().next();
      if (oldest.done !== true) editions.delete(oldest.value);
    }
    return edition;
  };
  const artifactsOf = async (editionId: string): Promise<StoreArtifact[]> => {
    const current = await fresh();
    let list = current.artifacts.get(editionId);
    if (list === undefined) {
      list = await store.listArtifacts(editionId);
      current.artifacts.set(editionId, list);
    }
    return list;
  };

  return {
    latestEdition: async () => load((await fresh()).summaries[0]),
    getEdition: async (idOrHash) =>
      load(
        (await fresh()).summaries.find(
          (e) => e.id === idOrHash || e.hash === idOrHash || String(e.number) === idOrHash,
        ),
      ),
    listEditions: async () => (await fresh()).summaries,
    listArtifacts: async (editionId) => (await artifactsOf(editionId)).map(toArtifact),
    locateArtifact: async (editionId, fileName) => {
      const found = (await artifactsOf(editionId)).find((a) => a.fileName === fileName);
      return found && { meta: toArtifact(found), bytes: { kind: 'file', path: found.path } };
    },
    // Due for a check: start it and answer the mark known until it ends (a few ms), so that
    // callers never wait for the store nor all fall back to the slow path at once.
    changeMark: () => {
      if (snapshot === undefined) return undefined;
      if (now() - checkedAt >= checkEveryMs) void fresh().catch(() => undefined);
      return snapshot.mark;
    },
    requestRegeneration: async (artifact, reason) => {
      const edition = (await fresh()).summaries.find((e) => e.id === artifact.editionId);
      if (edition === undefined) return;
      const asked = await store
        .requestRegeneration(edition.number, artifact.format, reason.slice(0, 500))
        .catch((error: unknown) => ({ ok: false as const, issues: [], error }));
      if (!asked.ok)
        process.stderr.write(`viewer: regeneration of ${artifact.fileName} not recorded\n`);
    },
    sendFeedback: (input) => store.submitFeedback(input),
    close: () => store.close(),
  };
}

/** Opens the store read-only (the viewer never writes) and wraps it. */
export async function openStoreSource(
  location: StoreLocation,
  options: StoreSourceOptions = {},
): Promise<ViewerSource> {
  const store = await openStore(
    location.kind === 'sqlite'
      ? { sqliteFile: location.file, readonly: true }
      : { databaseUrl: location.url, readonly: true },
  );
  return createStoreSource(store, options);
}
