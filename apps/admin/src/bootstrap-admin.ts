import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Store } from '@leshan/report-store';

/** Where, in the data folder, the generated first password is written (mode 0600). */
export const FIRST_ADMIN_PASSWORD_FILE = 'first-admin-password.txt';

export type BootstrapResult =
  | { created: false }
  | { created: true; email: string; generated: boolean; passwordFile: string | null };

/**
 * The first admin of an empty user table: from ADMIN_EMAIL/ADMIN_PASSWORD, or with a generated
 * password written to `passwordFile`, readable by its owner only (issue 15: it was printed, so it
 * sat in the log twice), which must be changed at the first sign-in. Later starts change nothing.
 */
export async function bootstrapAdmin(
  store: Store,
  env: { email?: string | undefined; password?: string | undefined; passwordFile: string },
): Promise<BootstrapResult> {
  if ((await store.countUsers()) > 0) return { created: false };
  const email = env.email ?? 'admin@localhost.localdomain';
  const generated = env.password === undefined;
  const password = env.password ?? randomBytes(18).toString('base64url');
  const result = await store.createUser({
    email,
    displayName: '管理员',
    role: 'admin',
    password,
    mustChangePassword: generated,
  });
  if (!result.ok) {
    // Another process created the first admin at the same moment.
    if (result.error.code === 'email-taken') return { created: false };
    throw new Error(
      `无法创建首位管理员 (cannot create the first admin): ${result.error.message.zh}`,
    );
  }
  if (generated) {
    mkdirSync(dirname(env.passwordFile), { recursive: true, mode: 0o700 });
    writeFileSync(
      env.passwordFile,
      `${email}\n${password}\n# 首次登录后须修改此密码，修改后请删除本文件 (change it at the first sign-in, then delete this file)\n`,
      { mode: 0o600 },
    );
    // A file left by an earlier start keeps its old mode when overwritten.
    chmodSync(env.passwordFile, 0o600);
  }
  await store.appendAudit({
    actor: null,
    action: 'user.bootstrap',
    target: result.user.id,
    details: { email, generated },
  });
  return { created: true, email, generated, passwordFile: generated ? env.passwordFile : null };
}
