import { describe, expect, it } from 'vitest';
import { canonicalReport } from '@leshan/report-core';
import { sha256Hex } from '@leshan/report-core/hash';
import { createCanonicalSource } from './memory-source.js';

describe('createCanonicalSource', () => {
  // That the hash is the one the store writes for the same report: store-source.test.ts.
  it('publishes the canonical report as edition 1 with a content hash', async () => {
    const source = createCanonicalSource();
    const latest = await source.latestEdition();
    expect(latest?.number).toBe(1);
    expect(latest?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(latest?.report).toEqual(canonicalReport);
  });

  it('finds the edition by id, number and hash, and nothing else', async () => {
    const source = createCanonicalSource();
    const latest = await source.latestEdition();
    if (latest === undefined) throw new Error('no edition');
    for (const key of [latest.id, '1', latest.hash])
      expect((await source.getEdition(key))?.id).toBe(latest.id);
    expect(await source.getEdition('2')).toBeUndefined();
    expect((await source.listEditions()).map((e) => e.number)).toEqual([1]);
  });

  it('offers the report as a JSON export whose checksum matches its bytes', async () => {
    const source = createCanonicalSource();
    const [artifact] = await source.listArtifacts('e1');
    if (artifact === undefined) throw new Error('no artifact');
    const located = await source.locateArtifact('e1', artifact.fileName);
    if (located?.bytes.kind !== 'memory') throw new Error('no bytes');
    const bytes = located.bytes.bytes;
    expect(sha256Hex(bytes)).toBe(artifact.sha256);
    expect(artifact.size).toBe(bytes.byteLength);
    expect(JSON.parse(new TextDecoder().decode(bytes))).toEqual(canonicalReport);
    expect(await source.locateArtifact('e1', 'missing.json')).toBeUndefined();
  });
});
