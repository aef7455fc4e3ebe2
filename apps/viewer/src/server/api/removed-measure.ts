import { z } from 'zod';
import { ApiError, notFound } from '@leshan/http-kit';
import { RemovedNodeSchema } from '@leshan/report-core';
import type { RemovedNode } from '@leshan/report-core';
import { findRemovedNode } from '../removed-nodes.js';
import type { ViewerSource } from '../source.js';

export const RemovedMeasureSchema = z
  .object({ removed: RemovedNodeSchema })
  .describe('The measure was merged into another: Location names it.');

/**
 * A measure id the edition lacks: 404 if no edition had it, 410 with what happened if it was
 * removed; a merged one (successorId set) is returned for the caller to redirect.
 */
export async function removedMeasure(
  source: ViewerSource,
  id: string,
): Promise<RemovedNode & { successorId: string }> {
  const removed = await findRemovedNode(source, id);
  if (removed === undefined) throw notFound(`举措“${id}”`);
  const { successorId } = removed;
  if (successorId === null)
    throw new ApiError(
      410,
      'gone',
      `举措“${id}”已在第 ${removed.removedIn} 版删除：${removed.reason.zh}`,
      {
        extra: { removed },
      },
    );
  return { ...removed, successorId };
}
