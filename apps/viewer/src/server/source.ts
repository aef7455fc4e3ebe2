import type { Readable } from 'node:stream';
import type { Artifact, Edition, EditionSummary } from '../schemas.js';

/** An export file's bytes (or a stream of them) with what is known about it. */
export interface OpenedArtifact {
  meta: Artifact;
  body: Uint8Array | Readable;
}

/**
 * Where the viewer reads published editions from. Read-only by design: the public side never
 * writes. Every method answers `undefined` (or an empty list) for what does not exist.
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
  /** One export file with its bytes, or undefined. */
  openArtifact(artifactId: string): Promise<OpenedArtifact | undefined>;
  /** Releases connections; a no-op where nothing is held. */
  close(): Promise<void>;
}
