import { z } from 'zod';

/** Kept here (not imported from the store) so the browser bundle never pulls in database code. */
export const RoleSchema = z
  .enum(['editor', 'publisher', 'admin'])
  .describe('editor edits drafts; publisher also publishes; admin also manages users.');
export type Role = z.infer<typeof RoleSchema>;
