import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { z } from 'zod';

/** One program or file set the test suite needs from the operating system. */
export interface SystemNeed {
  /** What the tests use it for, for the message a person reads. */
  readonly label: string;
  /** The Debian/Ubuntu package that provides it. */
  readonly debianPackage: string;
  /** Whether this machine has it. */
  readonly present: (probe: Probe) => boolean;
}

/** What a need may look at; injectable so the plan can be tested without the machine. */
export interface Probe {
  readonly fileExists: (path: string) => boolean;
  readonly dirEntries: (path: string) => readonly string[];
  readonly onPath: (program: string) => boolean;
}

/** The real machine, with `searchPath` as the PATH programs are looked up in. */
export function machineProbe(searchPath: string): Probe {
  return {
    fileExists: existsSync,
    dirEntries: (path) => (existsSync(path) ? readdirSync(path) : []),
    onPath: (program) =>
      searchPath.split(delimiter).some((dir) => dir !== '' && existsSync(join(dir, program))),
  };
}

const POSTGRES_ROOT = '/usr/lib/postgresql';
const CJK_FONT_DIR = '/usr/share/fonts/opentype/noto';

/** Every system package the tests need: browsers, a database server, PDF and document tools, CJK fonts. */
export const SYSTEM_NEEDS: readonly SystemNeed[] = [
  {
    label: 'Chromium (browser tests, /usr/bin/chromium)',
    debianPackage: 'chromium',
    present: (p) => p.fileExists('/usr/bin/chromium'),
  },
  {
    label: 'PostgreSQL server binaries (store, admin and worker tests on PostgreSQL)',
    debianPackage: 'postgresql',
    present: (p) =>
      p
        .dirEntries(POSTGRES_ROOT)
        .some((v) => p.fileExists(join(POSTGRES_ROOT, v, 'bin', 'initdb'))),
  },
  {
    label: 'pdftotext and pdftoppm, which read the exported PDFs',
    debianPackage: 'poppler-utils',
    present: (p) => p.onPath('pdftotext') && p.onPath('pdftoppm'),
  },
  {
    label: 'pandoc, which reads the exported Markdown and DOCX back',
    debianPackage: 'pandoc',
    present: (p) => p.onPath('pandoc'),
  },
  {
    label: 'Noto CJK fonts (Chinese text in screenshots and PDFs)',
    debianPackage: 'fonts-noto-cjk',
    present: (p) => p.dirEntries(CJK_FONT_DIR).some((f) => f.startsWith('NotoSansCJK')),
  },
];

export const OsReleaseSchema = z.object({
  id: z.string(),
  idLike: z.array(z.string()),
});
export type OsRelease = z.infer<typeof OsReleaseSchema>;

/** Reads /etc/os-release (`ID`, `ID_LIKE`); null where there is none. */
export function readOsRelease(path = '/etc/os-release'): OsRelease | null {
  if (!existsSync(path)) return null;
  const fields = new Map<string, string>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const match = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (match?.[1] !== undefined && match[2] !== undefined)
      fields.set(match[1], match[2].replace(/^"(.*)"$/, '$1'));
  }
  return OsReleaseSchema.parse({
    id: fields.get('ID') ?? '',
    idLike: (fields.get('ID_LIKE') ?? '').split(/\s+/).filter((s) => s !== ''),
  });
}

export interface Situation {
  readonly missing: readonly SystemNeed[];
  readonly os: OsRelease | null;
  readonly isRoot: boolean;
  /** Whether `sudo -n true` succeeds (sudo without a password prompt). */
  readonly sudoWithoutPassword: boolean;
  readonly hasAptGet: boolean;
}

export type Plan =
  | { readonly kind: 'ready' }
  | { readonly kind: 'install'; readonly commands: readonly (readonly string[])[] }
  | { readonly kind: 'stop'; readonly message: string };

function isDebianLike(os: OsRelease | null): boolean {
  if (os === null) return false;
  return [os.id, ...os.idLike].some((id) => id === 'debian' || id === 'ubuntu');
}

/** The one command a person runs to install what is missing (shown when we cannot run it). */
export function installCommandLine(missing: readonly SystemNeed[]): string {
  const packages = missing.map((n) => n.debianPackage).join(' ');
  return `sudo apt-get update && sudo apt-get install -y --no-install-recommends ${packages}`;
}

/** Decides what to do about missing system packages: nothing, install them, or stop with the command to run. */
export function planSystemSetup(situation: Situation): Plan {
  const { missing } = situation;
  if (missing.length === 0) return { kind: 'ready' };
  const list = missing.map((n) => `  - ${n.debianPackage}: ${n.label}`).join('\n');
  if (!isDebianLike(situation.os) || !situation.hasAptGet) {
    return {
      kind: 'stop',
      message:
        `The tests need these system packages, and this machine has no apt-get (Debian or Ubuntu), ` +
        `so they cannot be installed for you:\n${list}\n` +
        `Install their equivalents with your system's package manager, then run the tests again.`,
    };
  }
  const prefix = situation.isRoot ? [] : situation.sudoWithoutPassword ? ['sudo', '-n'] : null;
  if (prefix === null) {
    return {
      kind: 'stop',
      message:
        `The tests need these system packages:\n${list}\n` +
        `Installing them needs root. Run this once, then run the tests again:\n\n  ${installCommandLine(missing)}\n`,
    };
  }
  const aptGet = [...prefix, 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get'];
  return {
    kind: 'install',
    commands: [
      [...aptGet, 'update', '-qq'],
      [
        ...aptGet,
        'install',
        '-y',
        '-qq',
        '--no-install-recommends',
        ...missing.map((n) => n.debianPackage),
      ],
    ],
  };
}
