import { afterEach, beforeEach, vi } from 'vitest';

// A stray console call in a test run is a bug: either the code logs where it should return
// an error, or a test forgot to silence an expected message.
const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
let calls: string[] = [];

beforeEach(() => {
  calls = [];
  for (const method of methods) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      calls.push(`console.${method}: ${args.map(String).join(' ')}`);
    });
  }
});

afterEach(() => {
  vi.restoreAllMocks();
  if (calls.length > 0) {
    throw new Error(`Unexpected console output in test:\n${calls.join('\n')}`);
  }
});
