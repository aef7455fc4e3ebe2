import type { Report } from '@leshan/report-core';
import { CommandField } from './command-field.js';
import { PeriodEditor } from './period-editor.js';

/** The report's title and metadata, its main goals and the guiding ideology. */
export function MetaEditor({ report, canEdit }: { report: Report; canEdit: boolean }) {
  const { meta } = report;
  return (
    <div className="node-editor">
      <h2>报告信息</h2>
      <CommandField
        label="报告标题"
        value={meta.title}
        command={(title) => ({ type: 'meta.update', patch: { title } })}
        editKey="meta:title"
        readOnly={!canEdit}
      />
      <CommandField
        label="副标题"
        value={meta.subtitle ?? ''}
        hint="留空表示没有副标题"
        command={(text) => ({
          type: 'meta.update',
          patch: { subtitle: text.trim() === '' ? null : text },
        })}
        editKey="meta:subtitle"
        readOnly={!canEdit}
      />
      <CommandField
        label="范围"
        value={meta.scope}
        command={(scope) => ({ type: 'meta.update', patch: { scope } })}
        editKey="meta:scope"
        readOnly={!canEdit}
      />
      <CommandField
        label="发布机关"
        value={meta.issuer}
        command={(issuer) => ({ type: 'meta.update', patch: { issuer } })}
        editKey="meta:issuer"
        readOnly={!canEdit}
      />
      <PeriodEditor period={meta.period} canEdit={canEdit} />
      <p className="hint">
        原文：{meta.source.file}（{meta.source.lineCount} 行）
      </p>

      <h2>指导思想</h2>
      <CommandField
        label="指导思想"
        value={report.ideology.text}
        command={(text) => ({ type: 'ideology.update', patch: { text } })}
        editKey="ideology:text"
        multiline
        readOnly={!canEdit}
      />

      <h2>主要目标</h2>
      {report.goals.map((goal, i) => (
        <fieldset key={goal.id} className="goal">
          <legend>目标 {i + 1}</legend>
          <CommandField
            label="方面"
            value={goal.subject}
            command={(subject) => ({ type: 'goal.update', id: goal.id, patch: { subject } })}
            editKey={`${goal.id}:subject`}
            readOnly={!canEdit}
          />
          <CommandField
            label="目标"
            value={goal.target}
            command={(target) => ({ type: 'goal.update', id: goal.id, patch: { target } })}
            editKey={`${goal.id}:target`}
            readOnly={!canEdit}
          />
        </fieldset>
      ))}
    </div>
  );
}
