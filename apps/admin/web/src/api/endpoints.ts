import { z } from 'zod';
import type { Command } from '@leshan/report-core';
import {
  CommandResultSchema,
  DraftHeadSchema,
  DraftViewSchema,
  PresenceEventSchema,
} from '../../../src/api/draft.schemas.js';
import {
  EditionDetailSchema,
  EditionExportsSchema,
  EditionListSchema,
  EditionMetaSchema,
  PublishChecklistSchema,
} from '../../../src/api/editions.schemas.js';
import { ImportPreviewSchema } from '../../../src/api/import.schemas.js';
import { SiteSettingsViewSchema } from '../../../src/api/settings.schemas.js';
import type { SiteSettingsBody } from '../../../src/api/settings.schemas.js';
import { SheetApplyResultSchema, SheetPreviewSchema } from '../../../src/api/sheet.schemas.js';
import {
  RevisionDetailSchema,
  RevisionDiffSchema,
  RevisionListSchema,
} from '../../../src/api/revisions.schemas.js';
import { OkSchema, SessionViewSchema, UserViewSchema } from '../../../src/api/session.schemas.js';
import {
  AuditListSchema,
  PasswordResetSchema,
  UserListSchema,
} from '../../../src/api/users.schemas.js';
import {
  ReporterMeasureSchema,
  ReporterMeasuresSchema,
  SubmissionBodySchema,
  SubmissionListSchema,
  UserDepartmentsSchema,
} from '../../../src/api/submissions.schemas.js';
import type { SubmitBody } from '../../../src/api/submissions.schemas.js';
import { FeedbackBodySchema, FeedbackListSchema } from '../../../src/api/feedback.schemas.js';
import { historyEndpoints } from '../history/history-endpoints.js';
import type { ApiClient } from './client.js';
import { query } from './client.js';

export type SessionView = z.infer<typeof SessionViewSchema>;
export type DraftView = z.infer<typeof DraftViewSchema>;
export type CommandResult = z.infer<typeof CommandResultSchema>;
export type RevisionList = z.infer<typeof RevisionListSchema>;
export type RevisionDiff = z.infer<typeof RevisionDiffSchema>;
export type PublishChecklist = z.infer<typeof PublishChecklistSchema>;
export type EditionExports = z.infer<typeof EditionExportsSchema>;
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;
export type SheetPreview = z.infer<typeof SheetPreviewSchema>;
export type AuditList = z.infer<typeof AuditListSchema>;
export type UserView = z.infer<typeof UserViewSchema>;
/** A row of the user list: a reporter's also carries its departments. */
export type UserListItem = z.infer<typeof UserListSchema>['users'][number];
export type ReporterMeasures = z.infer<typeof ReporterMeasuresSchema>;
export type SubmissionList = z.infer<typeof SubmissionListSchema>;
export type { SubmitBody };
export type FeedbackList = z.infer<typeof FeedbackListSchema>;
export type FeedbackStatus = FeedbackList['feedback'][number]['status'];

const PublishResultSchema = z.object({ edition: EditionMetaSchema });
const UserBodySchema = z.object({ user: UserViewSchema });

export interface AuditFilter {
  actor?: string;
  action?: string;
  since?: string;
  until?: string;
  cursor?: string;
  limit?: number;
}

/** Every call of the admin API the UI makes, typed by the server's own schemas. */
export function endpoints(api: ApiClient) {
  return {
    signIn: (email: string, password: string) =>
      api.post('/api/session', SessionViewSchema, { email, password }),
    session: () => api.get('/api/session', SessionViewSchema),
    signOut: () => api.delete('/api/session', OkSchema),
    changePassword: (currentPassword: string, newPassword: string) =>
      api.post('/api/session/password', SessionViewSchema, { currentPassword, newPassword }),
    draft: () => api.get('/api/draft', DraftViewSchema),
    /** `client` names the tab and numbers its batches, so the server can tell a retry from a new batch. */
    sendCommands: (
      baseRevision: number,
      commands: readonly Command[],
      client?: { clientId: string; clientSeq: number; adoptedClientIds?: readonly string[] },
    ) =>
      api.post('/api/draft/commands', CommandResultSchema, {
        baseRevision,
        commands,
        ...client,
      }),
    draftHead: () => api.get('/api/draft/head', DraftHeadSchema),
    presence: (clientId: string, nodeId: string | null) =>
      api.post('/api/draft/presence', PresenceEventSchema, { clientId, nodeId }),
    revisions: (limit: number, before?: number) =>
      api.get(`/api/revisions${query({ limit, before })}`, RevisionListSchema),
    revision: (n: number) => api.get(`/api/revisions/${n}`, RevisionDetailSchema),
    diff: (from: number, to: number) =>
      api.get(`/api/revisions/diff${query({ from, to })}`, RevisionDiffSchema),
    restore: (n: number, baseRevision: number) =>
      api.post(`/api/revisions/${n}/restore`, CommandResultSchema, { baseRevision }),
    sheetPreview: (fileName: string, content: string) =>
      api.post('/api/draft/sheet/preview', SheetPreviewSchema, { fileName, content }),
    sheetUndo: (revision: number) =>
      api.post('/api/draft/sheet/undo', CommandResultSchema, { revision }),
    sheetApply: (fileName: string, content: string, baseRevision: number) =>
      api.post('/api/draft/sheet/apply', SheetApplyResultSchema, {
        fileName,
        content,
        baseRevision,
      }),
    importPreview: (text: string) => api.post('/api/import/preview', ImportPreviewSchema, { text }),
    importText: (
      text: string,
      baseRevision: number,
      decisions: Record<string, 'accept' | 'reject'>,
    ) =>
      api.post('/api/import', CommandResultSchema, {
        text,
        baseRevision,
        decisions,
        confirm: true,
      }),
    checklist: () => api.get('/api/publish/checklist', PublishChecklistSchema),
    publish: (baseRevision: number) =>
      api.post('/api/editions', PublishResultSchema, { baseRevision }),
    editions: () => api.get('/api/editions', EditionListSchema),
    edition: (id: string) =>
      api.get(`/api/editions/${encodeURIComponent(id)}`, EditionDetailSchema),
    exports: (id: string) =>
      api.get(`/api/editions/${encodeURIComponent(id)}/exports`, EditionExportsSchema),
    users: () => api.get('/api/users', UserListSchema),
    createUser: (body: { email: string; displayName: string; role: string; password: string }) =>
      api.post('/api/users', UserBodySchema, body),
    updateUser: (id: string, patch: Record<string, unknown>) =>
      api.patch(`/api/users/${encodeURIComponent(id)}`, UserBodySchema, patch),
    resetPassword: (id: string) =>
      api.post(`/api/users/${encodeURIComponent(id)}/password-reset`, PasswordResetSchema, {}),
    deleteUser: (id: string) => api.delete(`/api/users/${encodeURIComponent(id)}`, UserBodySchema),
    audit: (filter: AuditFilter) => api.get(`/api/audit${query({ ...filter })}`, AuditListSchema),
    reporterMeasures: () => api.get('/api/reporter/measures', ReporterMeasuresSchema),
    reporterMeasure: (id: string) =>
      api.get(`/api/reporter/measures/${encodeURIComponent(id)}`, ReporterMeasureSchema),
    submit: (body: SubmitBody) => api.post('/api/reporter/submissions', SubmissionBodySchema, body),
    ownSubmissions: () => api.get('/api/reporter/submissions', SubmissionListSchema),
    submissions: (status?: 'pending' | 'approved' | 'returned') =>
      api.get(`/api/submissions${query({ status })}`, SubmissionListSchema),
    approveSubmission: (id: string) =>
      api.post(`/api/submissions/${encodeURIComponent(id)}/approve`, SubmissionBodySchema, {}),
    returnSubmission: (id: string, comment: string) =>
      api.post(`/api/submissions/${encodeURIComponent(id)}/return`, SubmissionBodySchema, {
        comment,
      }),
    siteSettings: () => api.get('/api/settings', SiteSettingsViewSchema),
    saveSiteSettings: (body: SiteSettingsBody) =>
      api.put('/api/settings', SiteSettingsViewSchema, body),
    setUserDepartments: (id: string, departments: string[]) =>
      api.put(`/api/users/${encodeURIComponent(id)}/departments`, UserDepartmentsSchema, {
        departments,
      }),
    feedback: (status: FeedbackStatus) =>
      api.get(`/api/feedback${query({ status })}`, FeedbackListSchema),
    answerFeedback: (id: string, answer: string) =>
      api.post(`/api/feedback/${encodeURIComponent(id)}/answer`, FeedbackBodySchema, { answer }),
    dismissFeedback: (id: string, reason: string) =>
      api.post(
        `/api/feedback/${encodeURIComponent(id)}/dismiss`,
        FeedbackBodySchema,
        reason.trim() === '' ? {} : { reason },
      ),
    ...historyEndpoints(api),
  };
}
export type Endpoints = ReturnType<typeof endpoints>;
