import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../testing/memory-storage.js';
import { testHooksWanted } from './test-hooks.js';

describe('testHooksWanted', () => {
  it('is on outside production, and in production only after ?e2e=1 (remembered per tab)', () => {
    const session = memoryStorage();
    expect(testHooksWanted('development', '', session)).toBe(true);
    expect(testHooksWanted('production', '', session)).toBe(false);
    expect(testHooksWanted('production', '?e2e=0', session)).toBe(false);
    expect(testHooksWanted('production', '?e2e=1', session)).toBe(true);
    expect(testHooksWanted('production', '', session)).toBe(true);
    expect(testHooksWanted('production', '', memoryStorage())).toBe(false);
  });
});
