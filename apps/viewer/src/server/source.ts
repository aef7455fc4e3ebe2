import type { FeedbackLimited, FeedbackResult, NewFeedback } from '@leshan/report-store';
import type { Artifact, Edition, EditionSummary } from '../schemas.js';

/**
 * Where an export file's bytes are. Nothing is open: a file is opened only when an answer needs
 * its body (never for HEAD, 304 or a refused request), see http/send-file.ts.
 */
export type ArtifactBytes = { kind: 'memory'; bytes: Uint8Array } | { kind: 'file'; path: string };

/** An export file with what is recorded about it (size and sha256) and where its bytes are. */
export interface LocatedArtifact {
  meta: Artifact;
  bytes: ArtifactBytes;
}

/**
 * Where the viewer reads published editions from. Read-only by design: the public side writes
 * nothing but a request to remake a file and a citizen's feedback. Every method answers `undefined` (or an empty list) for what does not exist.
 */
export interface ViewerSource {
  /** The newest published edition, or undefined before anything is published. */
  latestEdition(): Promise<Edition | undefined>;
  /** An edition by its id, its number (as text) or its full content hash. */
  getEdition(idOrHash: string): Promise<Edition | undefined>;
  /** Every published edition, newest first. */
  listEditions(): Promise<EditionSummary[]>;
  /** The export files of one edition (by id), in a stable order. */
  listArtifacts(editionId: string): Promise<Artifact[]>;
  /** One export file of an edition by its file name, located but not opened; or undefined. */
  locateArtifact(editionId: string, fileName: string): Promise<LocatedArtifact | undefined>;
  /**
   * What the answers above currently reflect, without waiting for anything: the same text while
   * no edition or export file has changed (a source that looks for changes now and then starts a
   * look when one is due). `undefined` before the source has read anything. Answers cached under
   * a mark are valid while it is current.
   */
  changeMark(): string | undefined;
  /**
   * Asks the export worker to make a file again (it differs from its record); where there is no
   * worker (the in-memory source) absent. Never throws: a refused request is only logged.
   */
  requestRegeneration?(artifact: Artifact, reason: string): Promise<void>;
  /**
   * Stores a citizen's correction or progress tip (issue 19, 我要纠错) for the editors' queue: the
   * viewer's one write of its own, on the store's separate writable connection. Absent where
   * there is no store (the in-memory source, the static build): the site shows no form there.
   */
  sendFeedback?(input: NewFeedback): Promise<FeedbackResult | FeedbackLimited>;
  /** Releases connections; a no-op where nothing is held. */
  close(): Promise<void>;
}
