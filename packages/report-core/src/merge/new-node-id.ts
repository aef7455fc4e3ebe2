import { sha256Utf8 } from '../hash/sha256.js';
import type { NodeId } from '../model/ids.js';
import { isIdPrefix, NodeIdPrefixError, NodeIdSchema } from '../model/ids.js';
import { matchKey } from './match-key.js';

/**
 * An id for a node the new text brings: `prefix-` and 10 hex digits of the sha256 of its text,
 * so it depends on what the node says, never on the line it sits on; a clash with a taken id
 * (in use, or retired by an earlier edition) hashes again with a counter.
 *
 * @throws {NodeIdPrefixError} when `prefix` is no id-shaped word (see isIdPrefix): the prefix
 * is the caller's constant, so this is a programming error.
 */
export function newNodeId(prefix: string, text: string, taken: Set<string>): NodeId {
  if (!isIdPrefix(prefix)) throw new NodeIdPrefixError(prefix);
  for (let n = 0; ; n += 1) {
    const id = `${prefix}-${sha256Utf8(n === 0 ? matchKey(text) : `${matchKey(text)}#${n}`).slice(0, 10)}`;
    if (!taken.has(id)) {
      taken.add(id);
      // Invariant: a checked prefix and 10 hex digits always make an id.
      return NodeIdSchema.parse(id);
    }
  }
}
