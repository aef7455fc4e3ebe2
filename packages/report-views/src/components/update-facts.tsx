/** @jsxRuntime automatic */
import { Fragment } from 'react';
import { TRACKING_STATUS_LABELS } from '@leshan/report-core';
import type { DeepReadonly, EditorialNote, ProgressUpdate } from '@leshan/report-core';
import { useView } from '../context.js';

/**
 * What a progress update says after its date: status, progress, its note and its evidence.
 * `afterDate`: written on the date's line, so the first fact starts with “ · ”.
 */
export function UpdateFacts({
  update,
  afterDate = false,
}: {
  update: DeepReadonly<ProgressUpdate>;
  afterDate?: boolean;
}) {
  const { t, lang } = useView();
  const facts = [
    update.status === undefined ? undefined : (
      <span key="status" className={`status status-${update.status}`}>
        {TRACKING_STATUS_LABELS[update.status][lang]}
      </span>
    ),
    update.progress === undefined ? undefined : t.progress(update.progress),
  ].filter((f) => f !== undefined);
  return (
    <>
      {facts.map((f, i) => (
        <Fragment key={i}>
          {(afterDate || i > 0) && ' · '}
          {f}
        </Fragment>
      ))}{' '}
      <span lang="zh-CN">{update.note}</span>
      {update.evidenceUrl !== undefined && (
        <>
          {' '}
          <a href={update.evidenceUrl} rel="nofollow noopener noreferrer">
            {t.evidence}
          </a>
        </>
      )}
    </>
  );
}

/** A correcting note's 原文 → 发布 (nothing for a note that corrects no text). */
export function NoteCorrection({ note }: { note: DeepReadonly<EditorialNote> }) {
  const { pick } = useView();
  if (note.originalText === undefined) return null;
  return (
    <p>
      {pick('原文', 'Source')}：<q lang="zh-CN">{note.originalText}</q>
      {note.correctedText !== undefined && (
        <>
          {' '}
          → {pick('发布', 'Published')}：<q lang="zh-CN">{note.correctedText}</q>
        </>
      )}
    </p>
  );
}
