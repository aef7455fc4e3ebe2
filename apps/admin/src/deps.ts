import type { Logger } from 'pino';
import type { Store } from '@leshan/report-store';

export interface AdminConfig {
  sessionTtlMs: number;
  loginMaxAttempts: number;
  loginWindowMs: number;
  /** Public viewer address: artifact links and the preview point there. */
  viewerUrl: string;
  /** Built admin UI (vite) to serve under /admin, when it exists. */
  webDir: string | undefined;
  /** Formats queued for the export worker on publish. */
  exportFormats: readonly string[];
  trustProxy: boolean;
  /** Body size limit of JSON requests. */
  bodyLimit: string;
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
