import { findNode } from '@leshan/report-core';
import type { Report } from '@leshan/report-core';
import type { AddRequest } from './add-dialog.js';
import { CommandField } from './command-field.js';
import { IndicatorsEditor } from './indicators-editor.js';
import { MetaEditor } from './meta-editor.js';
import { NodeActions } from './node-actions.js';
import { NotesEditor } from './notes-editor.js';
import { chapterHeading, displayTitle } from '@leshan/report-core/labels';
import { META_ID } from './outline-model.js';
import type { OutlineItem } from './outline-model.js';
import { PlacesEditor } from './places-editor.js';
import { TitleEditor } from './title-editor.js';
import { ResponsibilityEditor } from '../follow-up/responsibility-editor.js';
import { TrackingEditor } from './tracking-editor.js';

interface NodeEditorProps {
  report: Report;
  item: OutlineItem;
  canEdit: boolean;
  onAdd: (request: AddRequest) => void;
  onDelete: (item: OutlineItem) => void;
}

/** The editing pane: every field of the selected node. */
export function NodeEditor({ report, item, canEdit, onAdd, onDelete }: NodeEditorProps) {
  if (item.id === META_ID) return <MetaEditor report={report} canEdit={canEdit} />;
  const found = findNode(report, item.id);
  if (found === undefined) return <p role="status">此项已不存在（可能已被删除）。</p>;
  const lines = 'provenance' in found.node ? (found.node.provenance?.lines ?? []) : [];
  const provenance =
    lines.length > 0 ? (
      <p className="hint">
        原文第 {lines.join('、')} 行 · 编号 {item.id}
      </p>
    ) : (
      <p className="hint">编号 {item.id}</p>
    );

  switch (found.kind) {
    case 'chapter':
      return (
        <div className="node-editor">
          <h2>{chapterHeading(found.node, report)}</h2>
          {provenance}
          <TitleEditor
            key={found.node.id}
            id={found.node.id}
            kind="chapter"
            title={found.node.title}
            canEdit={canEdit}
          />
          <p>
            本章 {found.node.sections.length} 节，
            {found.node.sections.reduce((n, s) => n + s.measures.length, 0)} 项举措。
          </p>
          {canEdit ? (
            <div className="actions">
              <button
                type="button"
                onClick={() =>
                  onAdd({
                    kind: 'section',
                    chapterId: found.node.id,
                    index: found.node.sections.length,
                  })
                }
              >
                在本章末尾新增节
              </button>
              <button
                type="button"
                onClick={() => onAdd({ kind: 'chapter', index: item.index + 1 })}
              >
                在本章之后新增章
              </button>
            </div>
          ) : null}
          {canEdit ? <NodeActions report={report} item={item} onDelete={onDelete} /> : null}
          <NotesEditor
            report={report}
            nodeId={found.node.id}
            sourceLines={lines}
            canEdit={canEdit}
          />
        </div>
      );
    case 'section':
      return (
        <div className="node-editor">
          <h2>
            {chapterHeading(found.chapter, report)} ·{' '}
            {displayTitle(found.node.title, report, found.node.id)}
          </h2>
          {provenance}
          <TitleEditor
            key={found.node.id}
            id={found.node.id}
            kind="section"
            title={found.node.title}
            canEdit={canEdit}
          />
          <p>本节 {found.node.measures.length} 项举措。</p>
          {canEdit ? (
            <div className="actions">
              <button
                type="button"
                onClick={() =>
                  onAdd({
                    kind: 'measure',
                    sectionId: found.node.id,
                    index: found.node.measures.length,
                  })
                }
              >
                在本节末尾新增举措
              </button>
              <button
                type="button"
                onClick={() =>
                  onAdd({ kind: 'section', chapterId: found.chapter.id, index: item.index + 1 })
                }
              >
                在本节之后新增节
              </button>
            </div>
          ) : null}
          {canEdit ? <NodeActions report={report} item={item} onDelete={onDelete} /> : null}
          <NotesEditor
            report={report}
            nodeId={found.node.id}
            sourceLines={lines}
            canEdit={canEdit}
          />
        </div>
      );
    case 'measure': {
      const measure = found.node;
      return (
        <div className="node-editor" key={measure.id}>
          <h2>举措 · {displayTitle(found.section.title, report, found.section.id)}</h2>
          {provenance}
          <CommandField
            label="举措内容"
            value={measure.text}
            command={(text) => ({ type: 'measure.update', id: measure.id, patch: { text } })}
            editKey={`${measure.id}:text`}
            multiline
            readOnly={!canEdit}
            hint="全角标点；已列出的指标原文必须保留在文字中"
          />
          <IndicatorsEditor report={report} measure={measure} canEdit={canEdit} />
          <PlacesEditor report={report} measure={measure} canEdit={canEdit} />
          <ResponsibilityEditor report={report} measure={measure} canEdit={canEdit} />
          <TrackingEditor measure={measure} canEdit={canEdit} />
          {canEdit ? (
            <div className="actions">
              <button
                type="button"
                onClick={() =>
                  onAdd({ kind: 'measure', sectionId: found.section.id, index: item.index + 1 })
                }
              >
                在此之后新增举措
              </button>
            </div>
          ) : null}
          {canEdit ? <NodeActions report={report} item={item} onDelete={onDelete} /> : null}
          <NotesEditor report={report} nodeId={measure.id} sourceLines={lines} canEdit={canEdit} />
        </div>
      );
    }
    case 'goal':
    case 'ideology':
    case 'indicator':
    case 'update':
    case 'place':
    case 'note':
      return <p role="status">请选择章、节或举措进行编辑。</p>;
  }
}
