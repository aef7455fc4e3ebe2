import { describe, expect, it } from 'vitest';
import { waitUntil } from './wait.js';

describe('waitUntil', () => {
  it('returns the first value that is there, asking again while it is not', async () => {
    let calls = 0;
    const answers = [undefined, null, false, 'ready'] as const;
    const value = await waitUntil('the answer', () => answers[calls++], 1_000, 1);
    expect({ value, calls }).toEqual({ value: 'ready', calls: 4 });
  });

  it('takes a throwing check as not yet', async () => {
    let calls = 0;
    const value = await waitUntil(
      'a server',
      () => {
        calls += 1;
        if (calls < 3) throw new Error('ECONNREFUSED');
        return calls;
      },
      1_000,
      1,
    );
    expect(value).toBe(3);
  });

  it('fails after the timeout, naming what it waited for and the last error', async () => {
    const check = () => Promise.reject(new Error('ECONNREFUSED'));
    await expect(waitUntil(() => 'the viewer', check, 20, 5)).rejects.toThrow(
      'timed out waiting for the viewer (last error: ECONNREFUSED)',
    );
  });
});
