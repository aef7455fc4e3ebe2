import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AdminEnvSchema } from 'admin/env';
import { WorkerEnvSchema } from 'export-worker/env';
import { ViewerEnvSchema } from 'viewer/env';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const deployDir = join(repoRoot, 'deploy');

const UNITS = {
  admin: { dir: 'apps/admin', schema: AdminEnvSchema },
  viewer: { dir: 'apps/viewer', schema: ViewerEnvSchema },
  worker: { dir: 'apps/export-worker', schema: WorkerEnvSchema },
} as const;

/** `Key=value` lines of a unit or env file, by section (env files have one, ''). */
function parseIni(text: string): Map<string, Map<string, string>> {
  const sections = new Map<string, Map<string, string>>([['', new Map()]]);
  let current = sections.get('') ?? new Map<string, string>();
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header?.[1] !== undefined) {
      current = new Map();
      sections.set(header[1], current);
      continue;
    }
    const eq = line.indexOf('=');
    if (eq < 1) throw new Error(`not a Key=value line: ${line}`);
    current.set(line.slice(0, eq), line.slice(eq + 1));
  }
  return sections;
}

const envExample = parseIni(readFileSync(join(deployDir, 'leshan.env.example'), 'utf8')).get('');

describe.each(Object.entries(UNITS))('issue 12: deploy/leshan-%s.service', (name, app) => {
  const file = join(deployDir, `leshan-${name}.service`);
  const service = parseIni(readFileSync(file, 'utf8')).get('Service') ?? new Map<string, string>();

  it('restarts on failure, as a dedicated user, with the settings from the environment file and hardening', () => {
    expect(Object.fromEntries(service)).toMatchObject({
      Restart: 'on-failure',
      User: 'leshan',
      Group: 'leshan',
      EnvironmentFile: '/etc/leshan/leshan.env',
      NoNewPrivileges: 'yes',
      ProtectSystem: 'strict',
      ProtectHome: 'yes',
      PrivateTmp: 'yes',
      StateDirectory: 'leshan',
      CapabilityBoundingSet: '',
    });
  });

  it("runs the app's own start script in its folder", () => {
    expect(service.get('WorkingDirectory')).toBe(`/opt/leshan/${app.dir}`);
    const pkg = JSON.parse(readFileSync(join(repoRoot, app.dir, 'package.json'), 'utf8')) as {
      scripts: { start: string };
    };
    expect(service.get('ExecStart')).toBe(`/usr/bin/${pkg.scripts.start}`);
  });

  it('passes systemd-analyze verify without a warning (when systemd is installed)', () => {
    if (!existsSync('/usr/bin/systemd-analyze')) return;
    const run = spawnSync('/usr/bin/systemd-analyze', ['verify', file], { encoding: 'utf8' });
    expect(run.stderr.trim()).toBe('');
    expect(run.status).toBe(0);
  });
});

describe('issue 12: deploy/leshan.env.example', () => {
  it('names only variables one of the apps reads, and every value passes their checks', () => {
    const known = new Set(Object.values(UNITS).flatMap((app) => Object.keys(app.schema.shape)));
    const names = [...(envExample?.keys() ?? [])];
    expect(names.length).toBeGreaterThan(10);
    expect(names.filter((n) => !known.has(n))).toEqual([]);
    const env = Object.fromEntries(envExample ?? []);
    for (const app of Object.values(UNITS)) expect(app.schema.safeParse(env).error).toBeUndefined();
  });
});
