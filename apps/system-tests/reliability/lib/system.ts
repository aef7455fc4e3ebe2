import { freePort } from '@leshan/testing/ports';
import { capture } from './capture.js';
import { AdminClient } from './http.js';
import type { Session } from './http.js';
import type { AppProcess, SystemFiles } from './processes.js';
import { startApp, stopApp, systemFiles } from './processes.js';
import { ACCOUNTS } from './secrets.js';

const START_MS = 60_000;

/**
 * One system under test: its own store, export folder and ports; each process started, killed
 * and restarted on its own, always on the same ports and files.
 */
export class System {
  admin: AppProcess | undefined;
  viewer: AppProcess | undefined;
  readonly workers: AppProcess[] = [];
  readonly api: AdminClient;

  private constructor(
    readonly files: SystemFiles,
    readonly adminPort: number,
    readonly viewerPort: number,
    private readonly adminEnv: Record<string, string>,
  ) {
    this.api = new AdminClient(() => this.adminUrl);
  }

  static async create(label: string, adminEnv: Record<string, string> = {}): Promise<System> {
    const adminPort = await freePort();
    return new System(systemFiles(label), adminPort, await freePort([adminPort]), adminEnv);
  }

  get adminUrl(): string {
    return `http://127.0.0.1:${this.adminPort}`;
  }

  get viewerUrl(): string {
    return `http://127.0.0.1:${this.viewerPort}`;
  }

  private storeEnv(): Record<string, string> {
    return { DATA_DIR: this.files.dataDir, SQLITE_FILE: this.files.sqliteFile };
  }

  /** Starts the admin (it creates and seeds the store on first start) and waits until it listens. */
  async startAdmin(): Promise<AppProcess> {
    const admin = startApp(
      'admin',
      {
        ...this.storeEnv(),
        ADMIN_PORT: String(this.adminPort),
        ADMIN_EMAIL: ACCOUNTS.admin.email,
        ADMIN_PASSWORD: ACCOUNTS.admin.password,
        VIEWER_URL: this.viewerUrl,
        ...this.adminEnv,
      },
      capture,
    );
    this.admin = admin;
    await admin.waitForLine(
      (_line, log) => log?.msg === 'admin listening',
      START_MS,
      'admin listening',
    );
    return admin;
  }

  /** Starts the viewer on the store (read-only) and waits until it listens. */
  async startViewer(): Promise<AppProcess> {
    const viewer = startApp(
      'viewer',
      { ...this.storeEnv(), VIEWER_PORT: String(this.viewerPort), SITE_URL: this.viewerUrl },
      capture,
    );
    this.viewer = viewer;
    await viewer.waitForLine(
      (line) => line.startsWith('viewer: http'),
      START_MS,
      'viewer listening',
    );
    return viewer;
  }

  /** Starts an export worker with short leases and polls, and waits until it runs. */
  async startWorker(id: string, env: Record<string, string> = {}): Promise<AppProcess> {
    const worker = startApp(
      'worker',
      {
        ...this.storeEnv(),
        EXPORT_DIR: this.files.exportDir,
        WORKER_ID: id,
        POLL_MS: '100',
        LEASE_MS: '3000',
        ...env,
      },
      capture,
    );
    this.workers.push(worker);
    await worker.waitForLine(
      (_line, log) => log?.msg === 'worker running',
      START_MS,
      'worker running',
    );
    return worker;
  }

  /** The first admin's session, and one for each other role. */
  async sessions(): Promise<{ admin: Session; publisher: Session; editor: Session }> {
    const admin = await this.api.signIn(ACCOUNTS.admin.email, ACCOUNTS.admin.password);
    const publisher = await this.api.account(admin, {
      ...ACCOUNTS.publisher,
      role: 'publisher',
      displayName: '发布员',
    });
    const editor = await this.api.account(admin, {
      ...ACCOUNTS.editor,
      role: 'editor',
      displayName: '编辑',
    });
    return { admin, publisher, editor };
  }

  /** Stops every process (SIGTERM) and removes the files. */
  async stop(): Promise<void> {
    const all = [this.admin, this.viewer, ...this.workers].filter(
      (p): p is AppProcess => p !== undefined,
    );
    await Promise.all(all.map((p) => stopApp(p, 'SIGTERM')));
    this.files.remove();
  }
}
