import type { AuditEntry, AuditPage, AuditQuery, NewAuditEntry } from '../schemas/audit-schemas.js';
import type { Draft, Revision, RevisionSummary } from '../schemas/draft-schemas.js';
import type { Edition, EditionSummary } from '../schemas/edition-schemas.js';
import type { DeliveryRefusal } from '../schemas/export-delivery-schemas.js';
import type { ValidationResult } from '@leshan/report-core/model';
import type {
  Artifact,
  ArtifactOfEdition,
  ExportJob,
  NewArtifact,
} from '../schemas/export-schemas.js';
import type { Regeneration } from '../schemas/regeneration-schemas.js';
import type { Refusal } from '../schemas/store-error.js';
import type { Session } from '../schemas/session-schemas.js';
import type { LoginAttempt, LoginLimits } from '../schemas/login-limit-schemas.js';
import type { NewUser, User, UserPatch } from '../schemas/user-schemas.js';
import type { AppendRevisionInput, AppendRevisionResult } from './append-revision.js';
import type { ClaimByIdInput, ClaimInput } from './export-leases.js';
import type { PublishOptions, PublishResult } from './publish.js';
import type { TakeDeliveryInput } from './take-export-delivery.js';
import type { ReplaceResult } from './replace-draft.js';
import type { NewSession } from './sessions.js';
import type { UserResult } from './users.js';
import type { NewSubmission, Submission, SubmissionQuery } from '../schemas/submission-schemas.js';
import type { ApproveInput, ApproveResult, SubmissionResult } from './submissions.js';
import type { Feedback, FeedbackQuery, NewFeedback } from '../schemas/feedback-schemas.js';
import type { CloseFeedbackInput, FeedbackLimited, FeedbackResult } from './feedback.js';

/**
 * Everything the apps keep. Expected refusals come back as `{ ok: false, error }` with a
 * bilingual message; only infrastructure failures (database down) and writes on a read-only
 * store (ReadOnlyStoreError, a programming error) throw.
 */
export interface Store {
  readonly engine: 'sqlite' | 'postgres';
  readonly readonly: boolean;

  // Users and sessions
  createUser(input: NewUser): Promise<UserResult>;
  getUser(id: string): Promise<User | null>;
  findUserByEmail(email: string): Promise<User | null>;
  listUsers(): Promise<User[]>;
  countUsers(): Promise<number>;
  /** Refuses (last-admin) a change that would leave no active admin. */
  updateUser(id: string, patch: UserPatch): Promise<UserResult>;
  deleteUser(id: string): Promise<UserResult>;
  /** New password, credential version raised, every session ended; see users.ts. */
  setPassword(input: {
    userId: string;
    password: string;
    mustChange: boolean;
    currentPassword?: string;
  }): Promise<UserResult>;
  authenticate(email: string, password: string): Promise<User | null>;
  /** Counts a sign-in attempt before the password check; see login-limits.ts. */
  reserveLoginAttempt(input: {
    email: string;
    address: string;
    limits: LoginLimits;
  }): Promise<LoginAttempt>;
  settleLoginAttempt(input: { email: string; address: string; succeeded: boolean }): Promise<void>;
  createSession(input: {
    userId: string;
    ttlMs: number;
    credentialVersion: number;
    maxPerUser?: number;
  }): Promise<NewSession | Refusal>;
  getSession(
    token: string,
    options?: { touch?: boolean },
  ): Promise<{ session: Session; user: User } | null>;
  extendSession(token: string, ttlMs: number): Promise<boolean>;
  revokeSession(token: string): Promise<boolean>;
  revokeUserSessions(userId: string): Promise<number>;
  deleteExpiredSessions(): Promise<number>;

  // The draft and its revisions
  getDraft(): Promise<Draft | null>;
  /** The draft's revision number alone, or null before the seed: cheap enough to poll. */
  draftHead(): Promise<number | null>;
  /**
   * Calls `onChange` soon after another process (or connection) saves a revision: PostgreSQL
   * LISTEN/NOTIFY, SQLite PRAGMA data_version read every `pollMs`. Answers its stop function.
   */
  watchDraft(onChange: () => void, options: { pollMs: number }): () => Promise<void>;
  getRevision(revision: number): Promise<Revision | null>;
  listRevisions(options?: { limit?: number; before?: number }): Promise<RevisionSummary[]>;
  revisionsSince(revision: number): Promise<RevisionSummary[]>;
  appendDraftRevision<E>(input: AppendRevisionInput<E>): Promise<AppendRevisionResult<E>>;
  restoreRevision(input: {
    revision: number;
    author: string;
    baseRevision?: number;
  }): Promise<ReplaceResult>;
  replaceDraft(input: {
    report: unknown;
    author: string;
    baseRevision?: number;
    source?: string;
  }): Promise<ReplaceResult>;

  // Published editions (immutable)
  /** With `exportFormats`, the new edition's export jobs are queued in the same transaction. */
  publishDraft(input: PublishOptions & { revision?: number }): Promise<PublishResult>;
  publishReport(input: PublishOptions & { report: unknown }): Promise<PublishResult>;
  latestEdition(): Promise<Edition | null>;
  getEdition(idOrHash: string): Promise<Edition | null>;
  getEditionByNumber(number: number): Promise<Edition | null>;
  listEditions(): Promise<EditionSummary[]>;
  /** Changes whenever an edition or export file is added, replaced or removed; cheap to ask often. */
  changeMark(): Promise<string>;

  // Audit log
  appendAudit(entry: NewAuditEntry): Promise<{ ok: true; entry: AuditEntry } | Refusal>;
  listAudit(query?: AuditQuery): Promise<({ ok: true } & AuditPage) | Refusal>;

  // Export jobs and artifacts
  enqueueExportJobs(
    editionId: string,
    formats: readonly string[],
    options?: { maxAttempts?: number },
  ): Promise<{ ok: true; jobs: ExportJob[] } | Refusal>;
  /** The oldest due job, or (with `jobId`) that job if a claim may take it; null otherwise. */
  claimExportJob(input: ClaimInput | ClaimByIdInput): Promise<ExportJob | null>;
  /**
   * PostgreSQL only: claims the job of a pg-boss delivery when it is due, or settles the
   * delivery (sending a new one for when the job will be due). See take-export-delivery.ts.
   */
  takeExportDelivery(input: TakeDeliveryInput): Promise<{ job: ExportJob } | DeliveryRefusal>;
  renewLease(input: ClaimInput & { jobId: string }): Promise<boolean>;
  completeExportJob(
    jobId: string,
    workerId: string,
    artifact: NewArtifact,
  ): Promise<{ ok: true; job: ExportJob; artifact: Artifact } | Refusal>;
  failExportJob(
    jobId: string,
    workerId: string,
    error: string,
  ): Promise<{ ok: true; job: ExportJob } | Refusal>;
  getExportJob(jobId: string): Promise<ExportJob | null>;
  listExportJobs(editionId?: string): Promise<ExportJob[]>;
  listArtifacts(editionId: string): Promise<Artifact[]>;
  getArtifact(editionId: string, format: string): Promise<Artifact | null>;

  // Keeping the files whole (issue 12): the export worker's reconcile loop
  /** Queues every format in `formats` an edition has no job for, on every edition; the count queued. */
  queueMissingExports(formats: readonly string[]): Promise<number>;
  /** Every recorded export file, with its edition's number. */
  listAllArtifacts(): Promise<ArtifactOfEdition[]>;
  /**
   * Asks for an edition's export file to be made again (missing, unreadable, or not the recorded
   * size and sha256); the worker's reconcile loop takes it. Allowed on a read-only store too (the
   * viewer): it writes this request only, on a connection of its own.
   */
  requestRegeneration(
    editionNumber: number,
    format: string,
    reason: string,
  ): Promise<ValidationResult<Regeneration>>;
  /** Turns every pending request into a queued job (the file's artifact record is dropped). */
  takeRegenerations(): Promise<Regeneration[]>;
  listRegenerations(): Promise<Regeneration[]>;

  // Reporters and their submissions (issue 18)
  /** Department ids a user reports for (empty for most users). */
  getUserDepartments(userId: string): Promise<string[]>;
  setUserDepartments(
    userId: string,
    departmentIds: readonly string[],
  ): Promise<{ ok: true; departments: string[] } | Refusal>;
  createSubmission(input: NewSubmission & { ip?: string | null }): Promise<SubmissionResult>;
  getSubmission(id: string): Promise<Submission | null>;
  listSubmissions(query?: SubmissionQuery): Promise<Submission[]>;
  /** One transaction: the reporter's revision, the submission approved, the audit row. */
  approveSubmission<E>(input: ApproveInput<E>): Promise<ApproveResult<E>>;
  returnSubmission(input: {
    id: string;
    reviewerId: string;
    comment: string;
    ip: string | null;
  }): Promise<SubmissionResult>;

  // Citizens' feedback (issue 19, 我要纠错)
  /**
   * Stores a correction or progress tip as open, unless its address sent too many lately
   * (rate-limited, with retryAt). Allowed on a read-only store too (the viewer): it writes this
   * row only, on a connection of its own. The address is kept only as a salted, truncated hash.
   */
  submitFeedback(input: NewFeedback): Promise<FeedbackResult | FeedbackLimited>;
  getFeedback(id: string): Promise<Feedback | null>;
  listFeedback(query?: FeedbackQuery): Promise<Feedback[]>;
  /** Records an editor's answer to open feedback; audited. */
  answerFeedback(input: CloseFeedbackInput & { text: string }): Promise<FeedbackResult>;
  /** Closes open feedback without an answer (an optional reason); audited. */
  dismissFeedback(input: CloseFeedbackInput): Promise<FeedbackResult>;

  // Operations
  /** Resolves when the database answers a trivial query (for /readyz); never throws. */
  ping(): Promise<boolean>;
  /** SQLite: an online, consistent copy into `toFile`. PostgreSQL: refused (use pg_dump). */
  backup(toFile: string): Promise<{ ok: true; file: string } | Refusal>;
  close(): Promise<void>;
}
