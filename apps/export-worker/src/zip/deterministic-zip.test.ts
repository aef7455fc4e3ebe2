import { describe, expect, it } from 'vitest';
import { unzipSync, zipSync } from 'fflate';
import { dosTime, rezipDeterministic, zipDeterministic } from './deterministic-zip.js';

const entries = [
  { path: 'b.txt', bytes: new TextEncoder().encode('乙') },
  { path: 'a/c.xml', bytes: new TextEncoder().encode('<c/>') },
];

describe('deterministic zip', () => {
  it('gives the same bytes for the same entries and time, and keeps entry order', () => {
    const one = zipDeterministic(entries, '2024-03-05T08:30:00Z');
    const two = zipDeterministic(entries, '2024-03-05T08:30:00Z');
    expect(Buffer.from(one).equals(Buffer.from(two))).toBe(true);
    expect(Object.keys(unzipSync(one))).toEqual(['b.txt', 'a/c.xml']);
  });

  it('stamps entries with the UTC wall-clock time of the instant', () => {
    const at = dosTime('2024-03-05T08:30:00Z');
    expect([at.getFullYear(), at.getMonth(), at.getDate(), at.getHours(), at.getMinutes()]).toEqual(
      [2024, 2, 5, 8, 30],
    );
  });

  it('re-zips a zip made at another time into identical bytes, applying the transform', () => {
    const early = zipSync({
      'x.xml': [new TextEncoder().encode('<t>1</t>'), { mtime: new Date(2001, 1, 1) }],
    });
    const late = zipSync({
      'x.xml': [new TextEncoder().encode('<t>2</t>'), { mtime: new Date(2030, 1, 1) }],
    });
    const fix = (_path: string, _bytes: Uint8Array): Uint8Array =>
      new TextEncoder().encode('<t>0</t>');
    const a = rezipDeterministic(early, '2024-01-01T00:00:00Z', fix);
    const b = rezipDeterministic(late, '2024-01-01T00:00:00Z', fix);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(new TextDecoder().decode(unzipSync(a)['x.xml'])).toBe('<t>0</t>');
  });
});
