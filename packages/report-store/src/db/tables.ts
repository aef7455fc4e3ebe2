import type { AuditRow } from '../schemas/audit-schemas.js';
import type { DraftRow, RevisionRow } from '../schemas/draft-schemas.js';
import type { EditionRow } from '../schemas/edition-schemas.js';
import type { ArtifactRow, ExportJobRow } from '../schemas/export-schemas.js';
import type { RegenerationRow } from '../schemas/regeneration-schemas.js';
import type { SessionRow } from '../schemas/session-schemas.js';
import type { UserRow } from '../schemas/user-schemas.js';
import type { SubmissionRow, UserDepartmentRow } from '../schemas/submission-schemas.js';
import type { FeedbackRow, FeedbackSaltRow } from '../schemas/feedback-schemas.js';
import type { LoginLimitRow } from '../schemas/login-limit-schemas.js';

/** The tables as Kysely sees them; each row type is inferred from its zod row schema. */
export interface Tables {
  users: UserRow;
  sessions: SessionRow;
  draft: DraftRow;
  revisions: RevisionRow;
  editions: EditionRow;
  audit_log: AuditRow;
  /** delivery_id: PostgreSQL only, the pg-boss job the current attempt came in (migration 0002). */
  export_jobs: ExportJobRow & { delivery_id: string | null };
  artifacts: ArtifactRow;
  /** Sign-in attempts per key (account, address, account+address), migration 0003. */
  login_limits: LoginLimitRow;
  /** Files to make again, asked for by the viewer or the worker's reconcile loop (migration 0004). */
  export_regenerations: RegenerationRow;
  /** The departments a reporter reports for (migration 0006). */
  user_departments: UserDepartmentRow;
  /** Reporters' updates waiting for review, approved or returned (migration 0006). */
  submissions: SubmissionRow;
  /** Citizens' corrections and progress tips, and the editors' answers (migration 0007). */
  feedback: FeedbackRow;
  /** The one salt of feedback.sender hashes (migration 0007). */
  feedback_salt: FeedbackSaltRow;
}

export type Engine = 'sqlite' | 'postgres';
