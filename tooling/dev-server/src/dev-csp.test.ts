import { describe, expect, it } from 'vitest';
import { devCsp } from './dev-csp.js';

describe('devCsp', () => {
  it('adds inline scripts and styles and WebSockets to a strict policy, nothing else', () => {
    expect(
      devCsp(
        "default-src 'none';script-src 'self';style-src 'self';connect-src 'self';frame-ancestors 'none'",
      ),
    ).toBe(
      "default-src 'none';script-src 'self' 'unsafe-inline';style-src 'self' 'unsafe-inline';connect-src 'self' ws: wss:;frame-ancestors 'none'",
    );
  });
});
