import { randomBytes } from 'node:crypto';
import type { Store } from '@leshan/report-store';

export type BootstrapResult =
  { created: false } | { created: true; email: string; password: string; generated: boolean };

/**
 * The first admin of an empty user table: from ADMIN_EMAIL/ADMIN_PASSWORD, or with a
 * generated password that the caller prints once. Later starts change nothing.
 */
export async function bootstrapAdmin(
  store: Store,
  env: { email?: string | undefined; password?: string | undefined },
): Promise<BootstrapResult> {
  if ((await store.countUsers()) > 0) return { created: false };
  const email = env.email ?? 'admin@localhost.localdomain';
  const generated = env.password === undefined;
  const password = env.password ?? randomBytes(18).toString('base64url');
  const result = await store.createUser({ email, displayName: '管理员', role: 'admin', password });
  if (!result.ok) {
    // Another process created the first admin at the same moment.
    if (result.error.code === 'email-taken') return { created: false };
    throw new Error(
      `无法创建首位管理员 (cannot create the first admin): ${result.error.message.zh}`,
    );
  }
  await store.appendAudit({
    actor: null,
    action: 'user.bootstrap',
    target: result.user.id,
    details: { email, generated },
  });
  return { created: true, email, password, generated };
}
