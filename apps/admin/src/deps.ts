import type { Logger } from 'pino';
import type { Store } from '@leshan/report-store';

export interface AdminConfig {
  sessionTtlMs: number;
  /** Sign-in attempts per account and address in a window (a hard limit). */
  loginMaxAttempts: number;
  loginWindowMs: number;
  /** Failed sign-ins per address in a window (an office behind one address shares it). */
  loginAddressMaxAttempts: number;
  /** Attempts per account in a window before each further one waits (1 s, doubling up to the cap). */
  loginAccountFreeAttempts: number;
  loginDelayCapMs: number;
  /** Public viewer address: artifact links and the preview point there. */
  viewerUrl: string;
  /** Built admin UI (vite) to serve under /admin, when it exists. */
  webDir: string | undefined;
  /** Formats queued for the export worker on publish. */
  exportFormats: readonly string[];
  trustProxy: boolean;
  /** Body size limit of JSON requests of a signed-in user. */
  bodyLimit: string;
  /** Body size limit before sign-in (issue 15: 3.4 MB bodies to the sign-in route stalled the admin). */
  publicBodyLimit: string;
  /** Deepest nesting of arrays and objects a JSON body may have. */
  maxJsonDepth: number;
}

export interface AdminDeps {
  store: Store;
  logger: Logger;
  config: AdminConfig;
}

/** Display names by user id, for revisions, editions and the audit log. */
export async function userNames(store: Store): Promise<Map<string, string>> {
  const users = await store.listUsers();
  return new Map(users.map((u) => [u.id, u.displayName]));
}

export const nameOf = (names: Map<string, string>, id: string | null): string | null =>
  id === null ? null : (names.get(id) ?? (id === 'system' ? '系统' : id));
