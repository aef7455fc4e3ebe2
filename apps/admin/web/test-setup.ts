import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';

// Testing Library unmounts between tests only when vitest globals are on; they are not.
afterEach(() => {
  cleanup();
  localStorage.clear();
  sessionStorage.clear();
});
