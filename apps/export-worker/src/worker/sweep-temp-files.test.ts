import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanUpTemp, tempDir } from '../testing/temp-stores.js';
import { spawnSync } from 'node:child_process';
import { HOST_TAG } from './place-file.js';
import { sweepTempFiles } from './sweep-temp-files.js';

afterAll(cleanUpTemp);

describe('sweepTempFiles', () => {
  it('removes only temporary files older than the limit, in every edition folder', async () => {
    const out = tempDir();
    const edition = join(out, 'e1');
    mkdirSync(edition);
    const stale = join(edition, '.r.pdf.123-abc.tmp');
    const fresh = join(edition, '.r.docx.456-def.tmp');
    const artifact = join(edition, 'r.pdf');
    for (const file of [stale, fresh, artifact]) writeFileSync(file, 'x');
    const past = new Date(Date.now() - 120_000);
    utimesSync(stale, past, past);
    utimesSync(artifact, past, past);

    expect(await sweepTempFiles(out, 60_000)).toEqual([stale]);
    expect([existsSync(stale), existsSync(fresh), existsSync(artifact)]).toEqual([
      false,
      true,
      true,
    ]);
  });

  it('removes at once the fresh files of a dead process on this machine, and only those', async () => {
    const out = tempDir();
    const edition = join(out, 'e1');
    mkdirSync(edition);
    // A process that has exited: its pid is free (until the system reuses it).
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    const deadOwn = join(edition, `.r.pdf~${HOST_TAG}~${dead}~ab12.tmp`);
    const liveOwn = join(edition, `.r.docx~${HOST_TAG}~${process.pid}~cd34.tmp`);
    const otherHost = join(edition, `.r.html~${HOST_TAG}x~${dead}~ef56.tmp`);
    for (const file of [deadOwn, liveOwn, otherHost]) writeFileSync(file, 'x');

    expect(await sweepTempFiles(out, 60_000)).toEqual([deadOwn]);
    expect([existsSync(liveOwn), existsSync(otherHost)]).toEqual([true, true]);
  });

  it('accepts an output folder that does not exist yet', async () => {
    expect(await sweepTempFiles(join(tempDir(), 'missing'), 0)).toEqual([]);
  });
});
