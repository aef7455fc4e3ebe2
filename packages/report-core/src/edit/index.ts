export * from './command-schema.js';
export * from './patch-schemas.js';
export { CommandErrorSchema, commandIssues } from './command-error.js';
export type { CommandError, CommandErrorCode, EditFailure, EditResult } from './command-error.js';
export { applyCommand, applyCommands, parseCommand } from './apply-command.js';
export type { ApplyAllResult, ApplyOptions, ApplyResult, Applied } from './apply-command.js';
export { changeKeys, conflictingKeys, fieldOfKey, nodeIdOfKey } from './change-keys.js';
export { invertCommand, invertCommands } from './invert-command.js';
export { touchedNodeIds } from './touched-node-ids.js';
export { nodeIdsWithin } from './tree.js';
export * from './diff-schema.js';
export { diffText, TextOpSchema } from './diff-text.js';
export type { DiffTextOptions, TextOp } from './diff-text.js';
export { diffReports } from './diff-reports.js';
export { summarizeDiff } from './summarize-diff.js';
// Re-import as a merge and the fate of removed ids (issue 14): src/merge, exported with edit.
export * from '../merge/index.js';
export { describeChange } from './describe-change.js';
export { restoreNodeCommands } from './restore-node.js';
