import { z } from 'zod';
import { kindLabel } from '../labels/node-kind-labels.js';
import { MessageSchema } from '../model/message.js';
import { ValidationIssueSchema } from '../model/validate.js';
import type { ValidationIssue } from '../model/validate.js';

export const CommandErrorSchema = z
  .discriminatedUnion('code', [
    z.object({
      code: z.literal('not-found'),
      id: z.string().describe('The id no node has.'),
      message: MessageSchema,
    }),
    z.object({
      code: z.literal('duplicate-id'),
      id: z.string().describe('The id the new node would share with an existing one.'),
      message: MessageSchema,
    }),
    z.object({
      code: z.literal('invalid-target'),
      id: z.string().describe('The node or list the command aimed at.'),
      message: MessageSchema,
    }),
    z.object({
      code: z.literal('invalid-report'),
      issues: z
        .array(ValidationIssueSchema)
        .describe('Why the report after the command would be invalid.'),
      message: MessageSchema,
    }),
    z.object({
      code: z.literal('invalid-command'),
      issues: z
        .array(ValidationIssueSchema)
        .describe('Why the command is not a well-formed command.'),
      message: MessageSchema,
    }),
  ])
  .describe('Why a command was refused; the report is unchanged.');
export type CommandError = z.infer<typeof CommandErrorSchema>;
/** Why a command was refused: not-found, duplicate-id, invalid-target, invalid-report or invalid-command. */
export type CommandErrorCode = CommandError['code'];

/** An edit refused: the issues every result carries, and the command error that says why. */
export type EditFailure = { ok: false; issues: ValidationIssue[]; error: CommandError };
/** The result shape of edit functions: {@link Result} with the CommandError kept on failure. */
export type EditResult<T> = { ok: true; value: T } | EditFailure;

/** The issues of an error: its own for invalid reports and commands, else one naming the node. */
export function commandIssues(error: CommandError): ValidationIssue[] {
  if (error.code === 'invalid-report' || error.code === 'invalid-command') return error.issues;
  return [{ path: '', pathSegments: [], message: error.message }];
}

/** The failure side of an {@link EditResult}. */
export function refuse(error: CommandError): EditFailure {
  return { ok: false, issues: commandIssues(error), error };
}

const kindZh = (kind: string): string => kindLabel(kind, 'zh');
const KIND_EN: Record<string, string> = { update: 'progress update', note: 'editorial note' };

export function notFound(kind: string, id: string): CommandError {
  return {
    code: 'not-found',
    id,
    message: {
      zh: `找不到编号为“${id}”的${kindZh(kind)}`,
      en: `no ${KIND_EN[kind] ?? kind} with id "${id}"`,
    },
  };
}

export function duplicateId(id: string): CommandError {
  return {
    code: 'duplicate-id',
    id,
    message: { zh: `编号“${id}”已被使用`, en: `id "${id}" is already used in the report` },
  };
}

export function wrongKind(id: string, expected: string, actual: string): CommandError {
  return {
    code: 'invalid-target',
    id,
    message: {
      zh: `“${id}”是${kindZh(actual)}，不是${kindZh(expected)}`,
      en: `"${id}" is a ${KIND_EN[actual] ?? actual}, not a ${KIND_EN[expected] ?? expected}`,
    },
  };
}

export function indexOutOfRange(id: string, index: number, max: number): CommandError {
  return {
    code: 'invalid-target',
    id,
    message: {
      zh: `位置 ${index} 超出范围，应在 0 到 ${max} 之间`,
      en: `position ${index} is out of range 0..${max}`,
    },
  };
}

export function invalidReport(issues: ValidationIssue[]): CommandError {
  const first = issues[0]?.message;
  return {
    code: 'invalid-report',
    issues,
    message: {
      zh: `修改后的报告不合规：${first?.zh ?? '结构错误'}`,
      en: `the report would be invalid: ${first?.en ?? 'malformed report'}`,
    },
  };
}

export function invalidCommand(issues: ValidationIssue[]): CommandError {
  const first = issues[0];
  const where = first === undefined || first.path === '' ? '' : `${first.path}: `;
  return {
    code: 'invalid-command',
    issues,
    message: {
      zh: `命令格式错误：${where}${first?.message.zh ?? '无法识别'}`,
      en: `malformed command: ${where}${first?.message.en ?? 'unrecognised'}`,
    },
  };
}
