import { z } from 'zod';

/** Kept here (not imported from the store) so the browser bundle never pulls in database code. */
export const RoleSchema = z
  .enum(['reporter', 'editor', 'publisher', 'admin'])
  .describe(
    'reporter submits updates of its departments’ measures for review (no editing tools); editor edits drafts; publisher also publishes; admin also manages users.',
  );
export type Role = z.infer<typeof RoleSchema>;
