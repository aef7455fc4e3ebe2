import { z } from 'zod';

// The figures the reliability suite records and RELIABILITY.md shows: one schema, through which
// the tests write (results.ts) and the page reads (scripts/reliability-page.ts).

const count = z.number().int().min(0);
const ms = z.number().min(0);
const counts = z.record(z.string(), count);

/** What one autocannon run measured. */
export const LoadFiguresSchema = z.object({
  target: z.string(),
  paths: z.array(z.string()),
  connections: count,
  seconds: z.number(),
  timeoutSeconds: z.number(),
  requests: count,
  reqPerSec: z.number(),
  latencyP50Ms: ms,
  latencyP99Ms: ms,
  latencyMaxMs: ms,
  errors: count,
  timeouts: count,
  non2xx: count,
  megabytes: z.number(),
});
export type LoadFigures = z.infer<typeof LoadFiguresSchema>;

export const AdminFaultFiguresSchema = z.object({
  clients: count,
  writesAcknowledgedBeforeKill: count,
  writesInFlightAtKill: count,
  inFlightFoundStored: count,
  writesAcknowledgedTotal: count,
  acknowledgedFoundAfterRestart: count,
  conflictsRetried: count,
  revisions: count,
  revisionHoles: count,
  draftValid: z.boolean(),
  restartToListeningMs: ms,
  killToServingMs: ms,
});

export const WorkerFaultFiguresSchema = z.object({
  jobs: count,
  jobsDoneBeforeKill: count,
  jobsDoneOnce: count,
  jobsDoneTwice: count,
  pdfAttempts: count.nullable(),
  filesServed: count,
  filesMatchingSha256: count,
  tempFilesLeftByKill: count,
  tempFilesAfterRestart: count,
  killToAllDoneMs: ms,
});

export const ViewerFaultFiguresSchema = z.object({
  connections: count,
  seconds: z.number(),
  requests: count,
  whole200: count,
  broken200: count,
  whole200AfterRestart: count,
  non200: count,
  connectionErrorsDuringOutage: count,
  timeouts: count,
  fileDownloadsWhole: count,
  fileDownloadsBroken: count,
  fileDownloadsFailedDuringOutage: count,
  killToListeningMs: ms,
  killToFirstWhole200Ms: ms,
});

export const CorpusFiguresSchema = z.object({
  total: count,
  adminRoutes: count,
  viewerRoutes: count,
  byCategory: counts,
  byRoute: counts,
  statuses: counts,
  failures: count,
  failureSamples: z.array(z.string()),
  slowestMs: ms,
  storeUnchanged: z.boolean(),
});

/** What a page did with hostile text: anything executed or injected, and whether the text shows. */
export const InertReportSchema = z.object({
  where: z.string(),
  dialogs: z.array(z.string()),
  pageErrors: z.array(z.string()),
  /** Elements or attributes the payloads would have created had they been parsed as markup. */
  injected: z.array(z.string()),
  /** The payloads that are missing from the page's visible text. */
  missingText: z.array(z.string()),
});
export type InertReport = z.infer<typeof InertReportSchema>;

export const InertFiguresSchema = z.object({
  payloads: count,
  pagesChecked: z.array(z.string()),
  dialogs: count,
  injectedElements: count,
  /** How each export format was checked, by format. */
  exports: z.record(z.string(), z.string()),
  problems: z.array(InertReportSchema),
});

export const AccessFiguresSchema = z.object({
  routes: count,
  anonymousRefused: count,
  forgedCookieRefused: count,
  missingCsrfRefused: count,
  wrongRoleRefused: count,
  wrongRoleChecks: z.array(z.string()),
  sessionTtlMs: ms,
  expiredSessionRefusedAfterMs: ms,
  loginAttemptsBeforePause: count,
  pausedAttempts: count,
  rightPasswordRefusedWhilePaused: z.boolean(),
  retryAfterSeconds: z.number(),
  linesScanned: count,
  responsesScanned: count,
  passwordLeaks: count,
});

/** One process's open descriptors and resident memory before and after a phase (issue 12). */
export const ResourceFiguresSchema = z.object({
  phase: z.string(),
  app: z.string(),
  fdsBefore: count,
  fdsAfter: count,
  rssMbBefore: z.number(),
  rssMbAfter: z.number(),
});
export type ResourceFigures = z.infer<typeof ResourceFiguresSchema>;

export const KillUnderStartFiguresSchema = z.object({
  app: z.string(),
  othersAnsweredDuringOutage: z.boolean(),
  killToBackMs: ms,
});

export const IntegrityFiguresSchema = z.object({
  /** kill -9 of each process under `pnpm start`. */
  kills: z.array(KillUnderStartFiguresSchema),
  /** kill -9 of the admin inside its publishing transaction until the edition published again has all its files. */
  publishKillToFilesMs: ms,
  /** An edition left without jobs (an older release's crash) until all its files. */
  publishCrashToFilesMs: ms,
  /** Files broken by hand (unreadable, vanished, corrupted, deleted) until all whole again. */
  brokenFiles: count,
  brokenToWholeMs: ms,
  /** Requests of each flood and the viewer's descriptors after them. */
  floodRequests: counts,
  /** 500 editions: how long the store took to take them and the viewer's answers after them. */
  editions: count,
  publishEditionsMs: ms,
  homeAfterEditionsMs: ms,
  firstReconcileAfterEditionsMs: ms.nullable(),
  /** A tampered edition row: refused paths, and the viewer's status once forced past them. */
  tamperPathsRefused: count,
  tamperedViewerStatus: count,
  resources: z.array(ResourceFiguresSchema),
});

/** Issue 15: attacks on sign-in and accounts, with what got through (one run per store engine). */
export const AccountAttackFiguresSchema = z.object({
  burstGuesses: count,
  burstEvaluated: count,
  burstLimit: count,
  addressBurstGuesses: count,
  addressBurstEvaluated: count,
  accountBurstGuesses: count,
  accountBurstAddresses: count,
  accountBurstEvaluated: count,
  accountBurstMs: ms,
  accountFreeAttempts: count,
  sprayGuesses: count,
  sprayInterleavedSuccesses: count,
  sprayEvaluated: count,
  sprayAddressLimit: count,
  ownerLockoutGuesses: count,
  ownerSignedInFromOtherAddress: z.boolean(),
  ownerWaitMs: ms,
  concurrentDemotionRounds: count,
  concurrentDeletionRounds: count,
  roundsLeavingNoAdmin: count,
  resetRaceRounds: count,
  oldPasswordSessionsAlive: count,
  sessionBurstSignIns: count,
  sessionCap: count,
  sessionsAliveAfterBurst: count,
  hostileBodies: count,
  hostileBodyStatuses: counts,
  healthP99DuringBodiesMs: ms,
  healthMaxDuringBodiesMs: ms,
  healthBaselineMaxMs: ms,
});
export type AccountAttackFigures = z.infer<typeof AccountAttackFiguresSchema>;

/**
 * Each part of the suite (a test file) and the figures it records, one file per part: every
 * key is optional, as a part that fails half-way keeps what it measured.
 */
export const PartSchemas = {
  load: z.object({ home: LoadFiguresSchema, api: LoadFiguresSchema }).partial(),
  faults: z
    .object({
      admin: AdminFaultFiguresSchema,
      worker: WorkerFaultFiguresSchema,
      viewer: ViewerFaultFiguresSchema,
    })
    .partial(),
  'bad-input': z.object({ corpus: CorpusFiguresSchema, inert: InertFiguresSchema }).partial(),
  access: z.object({ admin: AccessFiguresSchema }).partial(),
  integrity: IntegrityFiguresSchema.partial(),
  accounts: z
    .object({ sqlite: AccountAttackFiguresSchema, postgres: AccountAttackFiguresSchema })
    .partial(),
} as const;
export type PartName = keyof typeof PartSchemas;
export type PartFigures<P extends PartName> = z.infer<(typeof PartSchemas)[P]>;

/** The run as scripts/test-reliability.ts saw it. */
export const RunFiguresSchema = z.object({
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime(),
  seconds: z.number().min(0),
  /** vitest's exit code. */
  exitCode: z.number().int(),
});
export type RunFigures = z.infer<typeof RunFiguresSchema>;

/** The part of vitest's JSON report (`--reporter=json`) the page shows. */
export const VitestReportSchema = z.object({
  numTotalTests: count,
  numPassedTests: count,
  numFailedTests: count,
  testResults: z.array(
    z.object({
      name: z.string(),
      assertionResults: z.array(
        z.object({
          title: z.string(),
          ancestorTitles: z.array(z.string()),
          status: z.string(),
          duration: z.number().nullish(),
          failureMessages: z.array(z.string()),
        }),
      ),
    }),
  ),
});
export type VitestReport = z.infer<typeof VitestReportSchema>;

/** Everything one run left: each part's figures, the run, and vitest's report (when it wrote one). */
export interface Results {
  parts: { [P in PartName]: PartFigures<P> };
  run: RunFigures | undefined;
  vitest: VitestReport | undefined;
}
