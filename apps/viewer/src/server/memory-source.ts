import { canonicalReport, editableCopy } from '@leshan/report-core';
import { contentHash, sha256Hex } from '@leshan/report-core/hash';
import type { Report } from '@leshan/report-core';
import { DEFAULT_SITE_SETTINGS } from '@leshan/report-store';
import type { SiteSettings } from '@leshan/report-store';
import type { Artifact, Edition } from '../schemas.js';
import { summarizeEdition } from '../schemas.js';
import type { LocatedArtifact, ViewerSource } from './source.js';

export interface MemoryArtifact {
  meta: Artifact;
  bytes: Uint8Array;
}

/** The site settings of a memory source; the owner may replace `settings` (tests do). */
export interface SiteSettingsHolder {
  settings: SiteSettings;
}

/**
 * A read-only source over editions held in memory (tests, the static build). `editions` can be
 * appended to by the owner, which is how tests show that a new edition appears without restart;
 * likewise `site.settings` may be replaced.
 */
export function createMemorySource(
  editions: Edition[],
  artifacts: MemoryArtifact[] = [],
  site: SiteSettingsHolder = { settings: DEFAULT_SITE_SETTINGS },
): ViewerSource {
  const newestFirst = (): Edition[] => [...editions].sort((a, b) => b.number - a.number);
  return {
    latestEdition: () => Promise.resolve(newestFirst()[0]),
    getEdition: (idOrHash) =>
      Promise.resolve(
        editions.find(
          (e) => e.id === idOrHash || e.hash === idOrHash || String(e.number) === idOrHash,
        ),
      ),
    listEditions: () => Promise.resolve(newestFirst().map(summarizeEdition)),
    listArtifacts: (editionId) =>
      Promise.resolve(
        artifacts
          .filter((a) => a.meta.editionId === editionId)
          .map((a) => a.meta)
          .sort((a, b) => a.format.localeCompare(b.format)),
      ),
    locateArtifact: (editionId, fileName) => {
      const found = artifacts.find(
        (a) => a.meta.editionId === editionId && a.meta.fileName === fileName,
      );
      const located: LocatedArtifact | undefined = found && {
        meta: found.meta,
        bytes: { kind: 'memory', bytes: found.bytes },
      };
      return Promise.resolve(located);
    },
    siteSettings: () => Promise.resolve(site.settings),
    // The owner may append to both lists and replace the settings (tests do); editions are never
    // rewritten.
    changeMark: () => `${editions.length}|${artifacts.length}|${JSON.stringify(site.settings)}`,
    close: () => Promise.resolve(),
  };
}

/** An edition of `report` as the store would publish it (used by tests and the canonical source). */
export function makeEdition(
  report: Report,
  number: number,
  publishedAt: string,
  changeSummary: string,
): Edition {
  return {
    id: `e${number}`,
    number,
    hash: contentHash(report),
    publishedAt,
    report,
    changeSummary,
  };
}

/** The report as a JSON download: the one export the viewer can make itself, from the edition alone. */
export function jsonArtifact(edition: Edition): MemoryArtifact {
  const bytes = new TextEncoder().encode(`${JSON.stringify(edition.report, null, 2)}\n`);
  return {
    meta: {
      id: `${edition.id}-json`,
      editionId: edition.id,
      format: 'json',
      fileName: `leshan-report-edition-${edition.number}.json`,
      mediaType: 'application/json',
      size: bytes.byteLength,
      sha256: sha256Hex(bytes),
      createdAt: edition.publishedAt,
    },
    bytes,
  };
}

/** The canonical report as edition 1, with its JSON export: no database needed. */
export function createCanonicalSource(publishedAt = '2022-01-01T00:00:00.000Z'): ViewerSource {
  const edition = makeEdition(
    editableCopy(canonicalReport),
    1,
    publishedAt,
    '首次发布：乐山市“今后五年工作”报告摘要。',
  );
  return createMemorySource([edition], [jsonArtifact(edition)]);
}
