import { z } from 'zod';

/** Lower-case ASCII words joined by single hyphens: unique in a report, safe in a URL path or fragment. */
export const NodeIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error:
      '编号只能由小写字母、数字和单个连字符组成 (id must be lower-case letters, digits and single hyphens)',
  })
  .describe(
    'Stable node id: unique in the report, unchanged by reordering or editing, usable in a URL.',
  );
export type NodeId = z.infer<typeof NodeIdSchema>;

/** Line numbers (1-based) of the source text a node was read from. */
export const ProvenanceSchema = z
  .strictObject({
    lines: z
      .array(z.int().min(1))
      .min(1)
      .describe(
        '1-based line numbers in the shipped source text (src/data/source/leshan-report-source.txt).',
      ),
  })
  .describe('Where in the source document this node comes from.');
export type Provenance = z.infer<typeof ProvenanceSchema>;

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

const PREFIX = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SUFFIX_LENGTH = 10;

/** Whether `prefix` can start a generated id (createNodeId, newNodeId): an id word, short enough. */
export function isIdPrefix(prefix: string): boolean {
  return PREFIX.test(prefix) && prefix.length <= 64 - SUFFIX_LENGTH - 1;
}

/**
 * Thrown by createNodeId and newNodeId for a prefix that cannot start an id (issue 16: it was
 * an undocumented ZodError). The prefix is the caller's constant (`'m'`, `'note'`), never user input, so a bad one
 * is a programming error: hence an exception, not a result.
 */
export class NodeIdPrefixError extends TypeError {
  override readonly name = 'NodeIdPrefixError';
  constructor(readonly prefix: string) {
    super(
      `createNodeId: prefix ${JSON.stringify(prefix)} must be lower-case letters, digits and single hyphens, at most ${64 - SUFFIX_LENGTH - 1} characters`,
    );
  }
}

/**
 * A fresh id for a node an editor creates: `prefix-` plus 10 random base-36 characters
 * (about 52 bits), so ids from two editors working apart practically never collide; any
 * `random` is fine.
 *
 * @throws {NodeIdPrefixError} when `prefix` is no id-shaped word (lower-case letters, digits and
 * single hyphens): the prefix is the caller's constant, so this is a programming error.
 */
export function createNodeId(prefix: string, random: () => number = Math.random): NodeId {
  if (!isIdPrefix(prefix)) throw new NodeIdPrefixError(prefix);
  let suffix = '';
  for (let i = 0; i < SUFFIX_LENGTH; i += 1)
    suffix += ALPHABET[Math.floor(random() * ALPHABET.length)] ?? 'a';
  return `${prefix}-${suffix}`;
}
