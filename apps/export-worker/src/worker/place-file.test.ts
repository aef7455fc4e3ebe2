import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanUpTemp, tempDir } from '../testing/temp-stores.js';
import { TEMP_FILE, placeFile } from './place-file.js';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const never = (): Promise<boolean> => Promise.resolve(false);
const always = (): Promise<boolean> => Promise.resolve(true);

afterAll(cleanUpTemp);

describe('placeFile', () => {
  it('creates the folder and places the whole file, leaving no temporary file', async () => {
    const dir = join(tempDir(), 'edition-1');
    const placed = await placeFile(dir, 'r.json', bytes('{"a":1}'), never);
    expect(placed).toEqual({ path: join(dir, 'r.json'), placement: 'written' });
    expect(readFileSync(placed.path, 'utf8')).toBe('{"a":1}');
    expect(readdirSync(dir)).toEqual(['r.json']);
  });

  it('leaves a file with the same bytes untouched (same inode) without asking', async () => {
    const dir = tempDir();
    const first = await placeFile(dir, 'r.csv', bytes('a,b\n'), never);
    const inode = statSync(first.path).ino;
    const again = await placeFile(dir, 'r.csv', bytes('a,b\n'), () => {
      throw new Error('must not ask to replace identical bytes');
    });
    expect(again.placement).toBe('present');
    expect(statSync(again.path).ino).toBe(inode);
    expect(readdirSync(dir)).toEqual(['r.csv']);
  });

  it('never overwrites different bytes unless the caller still may (holds the lease)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'r.md'), 'served');
    const kept = await placeFile(dir, 'r.md', bytes('other'), never);
    expect(kept.placement).toBe('kept-existing');
    expect(readFileSync(kept.path, 'utf8')).toBe('served');
    const replaced = await placeFile(dir, 'r.md', bytes('other'), always);
    expect(replaced.placement).toBe('replaced');
    expect(readFileSync(replaced.path, 'utf8')).toBe('other');
    expect(readdirSync(dir).filter((n) => TEMP_FILE.test(n))).toEqual([]);
  });

  it('lets concurrent writers of one name end with one whole file and no temporary files', async () => {
    const dir = tempDir();
    const content = bytes('x'.repeat(1_000_000));
    const results = await Promise.all(
      Array.from({ length: 8 }, () => placeFile(dir, 'big.bin', content, never)),
    );
    expect(results.filter((r) => r.placement === 'written')).toHaveLength(1);
    expect(results.filter((r) => r.placement === 'present')).toHaveLength(7);
    expect(statSync(join(dir, 'big.bin')).size).toBe(1_000_000);
    expect(readdirSync(dir)).toEqual(['big.bin']);
  });
});
