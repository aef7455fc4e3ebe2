import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SOURCE_SHA256, sourceText } from '../data/index.js';
import { sha256Bytes, sha256Utf8 } from './sha256.js';

// Code points of every plane, plus lone surrogates, which TextEncoder writes as U+FFFD.
const anyUnit = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  fc.constantFrom('\ud800', '\udfff'),
);

describe('sha256', () => {
  it('matches the FIPS 180-4 / NIST test vectors', () => {
    expect(sha256Utf8('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Utf8('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(sha256Utf8('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    expect(sha256Utf8('a'.repeat(1_000_000))).toBe(
      'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0',
    );
  });

  it('pads correctly at every length around the 55/56/64-byte block boundaries', () => {
    for (let n = 50; n <= 130; n += 1) {
      const bytes = new Uint8Array(n).map((_, i) => (i * 31 + n) & 0xff);
      expect(sha256Bytes(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  });

  it('gives the published hash of the shipped source text', () => {
    expect(sha256Utf8(sourceText)).toBe(SOURCE_SHA256);
  });

  it('agrees with node:crypto on arbitrary strings, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: anyUnit, maxLength: 300 }), (text) => {
        const expected = createHash('sha256')
          .update(Buffer.from(new TextEncoder().encode(text)))
          .digest('hex');
        expect(sha256Utf8(text)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});
