export { openStore } from './store/open-store.js';
export type { OpenStoreOptions } from './store/open-store.js';
export type { Store } from './store/store.js';
export { StoreOpenError, ReadOnlyStoreError } from './db/connection.js';
export { hashPassword, verifyPassword } from './auth/password.js';
export { SYSTEM_AUTHOR } from './store/seed.js';
export type {
  AppendRevisionInput,
  AppendRevisionResult,
  ApplyOutcome,
  Conflict,
} from './store/append-revision.js';
export type { ReplaceResult } from './store/replace-draft.js';
export type { PublishOptions, PublishResult } from './store/publish.js';
export type { ClaimByIdInput, ClaimInput } from './store/export-leases.js';
export type { TakeDeliveryInput } from './store/take-export-delivery.js';
export { BOSS_SCHEMA, EXPORT_QUEUE } from './db/export-queue.js';
export type { NewSession } from './store/sessions.js';
export type { UserResult } from './store/users.js';
export type { JobSettings } from './store/context.js';
export * from './schemas/columns.js';
export * from './schemas/store-error.js';
export * from './schemas/user-schemas.js';
export * from './schemas/session-schemas.js';
export * from './schemas/login-limit-schemas.js';
export { MAX_SESSIONS_PER_USER } from './store/sessions.js';
export { passwordProblem } from './auth/password-policy.js';
export { PASSWORD_MIN_LENGTH } from './auth/password-rule.js';
export * from './schemas/draft-schemas.js';
export * from './schemas/edition-schemas.js';
export * from './schemas/audit-schemas.js';
export * from './schemas/export-schemas.js';
export * from './schemas/export-delivery-schemas.js';
export * from './schemas/regeneration-schemas.js';
export * from './schemas/submission-schemas.js';
export type { ApproveInput, ApproveResult, SubmissionResult } from './store/submissions.js';
export * from './schemas/feedback-schemas.js';
export type { CloseFeedbackInput, FeedbackLimited, FeedbackResult } from './store/feedback.js';
