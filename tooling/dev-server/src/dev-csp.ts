import type { ServerResponse } from 'node:http';

/**
 * The apps' strict CSP, loosened for Vite's dev server only: it injects each stylesheet as a
 * <style> element, the React refresh preamble as an inline module, and talks to its HMR
 * WebSocket. Production responses never pass through here.
 */
export function devCsp(policy: string): string {
  return policy
    .replace(/script-src ([^;]*)/, "script-src $1 'unsafe-inline'")
    .replace(/style-src ([^;]*)/, "style-src $1 'unsafe-inline'")
    .replace(/connect-src ([^;]*)/, 'connect-src $1 ws: wss:');
}

/** Rewrites the Content-Security-Policy header the app sets on this response with devCsp. */
export function loosenCspOf(res: ServerResponse): void {
  const setHeader = res.setHeader.bind(res);
  res.setHeader = (name, value) =>
    setHeader(
      name,
      name.toLowerCase() === 'content-security-policy' && typeof value === 'string'
        ? devCsp(value)
        : value,
    );
}
