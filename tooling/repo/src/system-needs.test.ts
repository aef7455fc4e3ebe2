import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Probe, Situation } from './system-needs.js';
import { planSystemSetup, readOsRelease, SYSTEM_NEEDS } from './system-needs.js';

const debian = { id: 'debian', idLike: [] };
const ubuntu = { id: 'ubuntu', idLike: ['debian'] };
const situation = (over: Partial<Situation>): Situation => ({
  missing: SYSTEM_NEEDS,
  os: debian,
  isRoot: false,
  sudoWithoutPassword: false,
  hasAptGet: true,
  ...over,
});

/** A machine with exactly these files and programs. */
function fakeMachine(files: string[], programs: string[]): Probe {
  return {
    fileExists: (p) => files.includes(p),
    dirEntries: (dir) =>
      files
        .filter((f) => f.startsWith(`${dir}/`))
        .map((f) => f.slice(dir.length + 1).split('/')[0] ?? ''),
    onPath: (p) => programs.includes(p),
  };
}

describe('SYSTEM_NEEDS', () => {
  it('finds nothing missing on a machine with every package', () => {
    const machine = fakeMachine(
      [
        '/usr/bin/chromium',
        '/usr/lib/postgresql/15/bin/initdb',
        '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
      ],
      ['pdftotext', 'pdftoppm', 'pandoc'],
    );
    expect(SYSTEM_NEEDS.filter((n) => !n.present(machine))).toEqual([]);
  });

  it('names every package on a bare machine', () => {
    const bare = fakeMachine([], []);
    expect(SYSTEM_NEEDS.filter((n) => !n.present(bare)).map((n) => n.debianPackage)).toEqual([
      'chromium',
      'postgresql',
      'poppler-utils',
      'pandoc',
      'fonts-noto-cjk',
    ]);
  });

  it('counts poppler as missing when only one of its two programs is there', () => {
    const half = fakeMachine([], ['pdftotext']);
    const poppler = SYSTEM_NEEDS.find((n) => n.debianPackage === 'poppler-utils');
    expect(poppler?.present(half)).toBe(false);
  });
});

describe('planSystemSetup', () => {
  it('does nothing when nothing is missing', () => {
    expect(planSystemSetup(situation({ missing: [] }))).toEqual({ kind: 'ready' });
  });

  it('installs with apt-get as root, update first, only what is missing', () => {
    const missing = SYSTEM_NEEDS.filter((n) => n.debianPackage === 'pandoc');
    const plan = planSystemSetup(situation({ missing, isRoot: true }));
    expect(plan).toEqual({
      kind: 'install',
      commands: [
        ['env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', 'update', '-qq'],
        [
          'env',
          'DEBIAN_FRONTEND=noninteractive',
          'apt-get',
          'install',
          '-y',
          '-qq',
          '--no-install-recommends',
          'pandoc',
        ],
      ],
    });
  });

  it('uses sudo -n when sudo needs no password (Ubuntu)', () => {
    const plan = planSystemSetup(situation({ os: ubuntu, sudoWithoutPassword: true }));
    expect(plan.kind).toBe('install');
    if (plan.kind === 'install')
      expect(plan.commands.every((c) => c[0] === 'sudo' && c[1] === '-n')).toBe(true);
  });

  it('stops at once with the one command to run when it cannot become root', () => {
    const plan = planSystemSetup(situation({}));
    expect(plan.kind).toBe('stop');
    if (plan.kind === 'stop')
      expect(plan.message).toContain(
        'sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium postgresql poppler-utils pandoc fonts-noto-cjk',
      );
  });

  it('stops and lists the packages on a machine without apt-get', () => {
    const plan = planSystemSetup(
      situation({ os: { id: 'fedora', idLike: [] }, hasAptGet: false, isRoot: true }),
    );
    expect(plan.kind).toBe('stop');
    if (plan.kind === 'stop') {
      expect(plan.message).toContain('has no apt-get');
      expect(plan.message).toContain('fonts-noto-cjk');
    }
  });
});

describe('readOsRelease', () => {
  it('reads ID and ID_LIKE, quoted or not', () => {
    const dir = mkdtempSync(join(tmpdir(), 'os-release-'));
    const file = join(dir, 'os-release');
    writeFileSync(file, 'PRETTY_NAME="Ubuntu 24.04"\nID=ubuntu\nID_LIKE="debian"\n');
    expect(readOsRelease(file)).toEqual(ubuntu);
  });

  it('is null where there is no file', () => {
    expect(readOsRelease('/nonexistent/os-release')).toBeNull();
  });
});
