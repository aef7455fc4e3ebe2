import type { TextOp } from '@leshan/report-core';

/**
 * A character-level diff as people read it: deleted characters struck through, inserted ones
 * underlined, each also named for screen readers (colour is never the only signal).
 */
export function TextDiff({ ops }: { ops: readonly TextOp[] }) {
  return (
    <span className="text-diff">
      {ops.map((op, i) => {
        if (op.op === 'equal') return <span key={i}>{op.text}</span>;
        if (op.op === 'delete') {
          return (
            <del key={i}>
              <span className="visually-hidden">[删除：</span>
              {op.text}
              <span className="visually-hidden">]</span>
            </del>
          );
        }
        return (
          <ins key={i}>
            <span className="visually-hidden">[新增：</span>
            {op.text}
            <span className="visually-hidden">]</span>
          </ins>
        );
      })}
    </span>
  );
}
