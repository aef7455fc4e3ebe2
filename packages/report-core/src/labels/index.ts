export { chapterHeading, chapterLabel, chineseChapterNumber } from './chapter-heading.js';
export { displayTitle, MISSING_TITLE, missingTitleNoteId } from './missing-title.js';
export { FIELD_LABELS, fieldLabel, kindLabel, NODE_KIND_LABELS } from './node-kind-labels.js';
export type { LabelledKind } from './node-kind-labels.js';
export { NOT_REPORTED, trackingStatusLabel } from './status-labels.js';
export { formatFileSize } from './file-size.js';
export { EXPORT_FORMAT_LABELS, exportFormatLabel } from './export-format-labels.js';
export {
  COMMITMENT_LABELS,
  commitmentLabel,
  commitmentOf,
  TARGET_KIND_LABELS,
} from './commitment-labels.js';
export { lacksTitleInSource, UNTITLED } from './missing-title.js';
export { formatDate, formatDateTime, REPORT_TIME_ZONE, todayInShanghai } from './dates.js';
export { describeNode, quoteStart, UNKNOWN_NODE } from './describe-node.js';
export { checklistWarnings, halfWidthPunctuation } from './checklist-warnings.js';
export type { ChecklistWarning, ChecklistWarningCode } from './checklist-warnings.js';
export { noteLabel, readerJargon } from './reader-words.js';
export type { ReaderJargon } from './reader-words.js';
export {
  formatAchievement,
  formatAttainment,
  formatAttainmentPercent,
  OBSERVATION_BASIS_LABELS,
  observationBasisLabel,
  verdictLabel,
} from './attainment-labels.js';
