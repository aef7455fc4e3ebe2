import { isAbsolute, relative } from 'node:path';

export interface BannerFacts {
  viewerUrl: string;
  adminUrl: string;
  /** undefined: PostgreSQL (DATABASE_URL). */
  sqliteFile: string | undefined;
  exportDir: string;
  pids: string;
  dev: boolean;
  firstAdmin: { email: string | null; passwordFile: string | null };
  cwd: string;
}

/** A path relative to the working directory when it is inside it. */
function shown(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

/** What the system prints once all three processes are ready. */
export function banner(facts: BannerFacts): string {
  const { firstAdmin } = facts;
  return (
    [
      '',
      `  乐山政府工作报告 — 系统已启动 (the system is running${facts.dev ? ', dev mode: reloads on change' : ''})`,
      `  公众网站 (public viewer):  ${facts.viewerUrl}/`,
      `  公开接口 (public API):     ${facts.viewerUrl}/api/v1/editions/latest`,
      `  编辑后台 (admin app):      ${facts.adminUrl}/admin/`,
      `  数据 (data):               ${facts.sqliteFile === undefined ? 'PostgreSQL (DATABASE_URL)' : `${shown(facts.sqliteFile, facts.cwd)} (SQLite)`}`,
      `  导出文件 (exports):        ${shown(facts.exportDir, facts.cwd)}`,
      `  进程 (processes):          ${facts.pids}`,
      ...(firstAdmin.email === null
        ? [
            '  首位管理员的账号和初始密码只在第一次启动时打印 (the first admin’s credentials are printed on the first start only).',
          ]
        : [
            `  首位管理员 (first admin):  ${firstAdmin.email}`,
            ...(firstAdmin.passwordFile === null
              ? []
              : [
                  `  初始密码文件 (password file): ${firstAdmin.passwordFile}`,
                  '    仅本机当前用户可读；首次登录后须修改密码，之后请删除此文件 (owner-only; change the password at the first sign-in, then delete the file)',
                ]),
          ]),
      '  按 Ctrl-C 停止 (press Ctrl-C to stop).',
      '',
    ].join('\n') + '\n'
  );
}
