import type { Command } from '../edit/command-schema.js';
import { emptyTracking } from '../model/tracking.js';
import type { ParseOptionsInput } from '../parse/parse-options.js';
import { CURATED_INDICATORS } from './curated-indicators.js';
import { LESHAN_PLACES, MEASURE_PLACES } from './curated-places.js';
import { EDITORIAL_NOTES } from './editorial-notes.js';

/** One editorial decision: the commands that carry out the repair an editorial note records. */
export interface EditorialDecision {
  noteId: string;
  commands: Command[];
}

/**
 * What the source text does not say (it names neither issuer nor years) and commands cannot set
 * (meta.source and report.places are not editable by command): passed to parseReportText.
 */
export const LESHAN_PARSE_OPTIONS = {
  id: 'leshan-2022-2026',
  issuer: '乐山市人民政府',
  period: { start: 2022, end: 2026 },
  file: 'leshan-report-source.txt',
  places: LESHAN_PLACES,
  description:
    '乐山市政府工作报告“今后五年工作”部分的信息图摘要文字，逐字复制，含排版缺陷（见编辑说明）。',
} satisfies ParseOptionsInput;

const removeMeasures = (...lines: number[]): Command[] =>
  lines.map((l) => ({ type: 'measure.remove', id: `m${l}` }));
const moveMeasures = (toSectionId: string, ...lines: number[]): Command[] =>
  lines.map((l, toIndex) => ({ type: 'measure.move', id: `m${l}`, toSectionId, toIndex }));

/** The repairs of the source, each under the note that explains it, in the order they apply. */
export const EDITORIAL_DECISIONS: EditorialDecision[] = [
  // The tourism block 128–132 pasted four more times: keep the first.
  {
    noteId: 'note-1',
    commands: removeMeasures(134, 136, 138, 140, 142, 144, 146, 148, 150, 152, 154, 156),
  },
  // 完善现代服务业体系 belongs to chapter 3 (现代服务业), after the tourism section.
  {
    noteId: 'note-6',
    commands: [{ type: 'section.move', id: 's188', toChapterId: 'c122', toIndex: 1 }],
  },
  // Line 168 is a measure of 巩固拓展脱贫攻坚成果 that lost its 。, not a heading.
  {
    noteId: 'note-12',
    commands: [
      {
        type: 'measure.add',
        sectionId: 's162',
        measure: {
          id: 'm168',
          text: '争创东西部协作示范市。',
          indicators: [],
          places: [],
          tracking: emptyTracking(),
          provenance: { lines: [168] },
        },
      },
    ],
  },
  // Lines 170–178 form a section whose heading the source lacks; the heading-shaped line 168 goes.
  {
    noteId: 'note-13',
    commands: [
      {
        type: 'section.add',
        chapterId: 'c158',
        section: { id: 's170', title: null, measures: [] },
        index: 1,
      },
      ...moveMeasures('s170', 170, 172, 174, 176, 178),
      { type: 'section.remove', id: 's168' },
    ],
  },
  // Chapter 6 is missing (5 → 7): add it without a title ...
  {
    noteId: 'note-2',
    commands: [
      {
        type: 'chapter.add',
        chapter: { id: 'c-6', number: 6, title: null, sections: [] },
        index: 5,
      },
    ],
  },
  // ... and give it the education, health and employment sections that sit under chapter 7.
  {
    noteId: 'note-3',
    commands: ['s258', 's270', 's280'].map((id, toIndex) => ({
      type: 'section.move',
      id,
      toChapterId: 'c-6',
      toIndex,
    })),
  },
  // Health measures 224/226 strayed into chapter 5; the copies in chapter 6 stay.
  { noteId: 'note-4', commands: removeMeasures(224, 226) },
  // The employment section 228–236 strayed into chapter 5; the copy in chapter 6 stays.
  { noteId: 'note-5', commands: [{ type: 'section.remove', id: 's228' }] },
  // 打造成渝地区数字经济 appears at the end of chapters 1 and 2: keep chapter 2's.
  { noteId: 'note-7', commands: [{ type: 'section.remove', id: 's84' }] },
  // 加强开展近零碳… (214) is a garbled copy of 积极开展近零碳… (208).
  { noteId: 'note-10', commands: removeMeasures(214) },
  // 干线路公里 → 干线公路.
  {
    noteId: 'note-11',
    commands: [
      {
        type: 'measure.update',
        id: 'm44',
        patch: { text: '新建干线公路300公里，打通市县跨界“断节路”“瓶颈路”。' },
      },
    ],
  },
  // note-8, note-9 (headings without measures kept) and note-14 (full-width punctuation, done by
  // the parser) change nothing in the structure: they only record what the editors saw.
];

/** Curation the parser leaves to editors: which places each measure names, and its targets. */
export const CURATION_COMMANDS: Command[] = [
  ...Object.entries(MEASURE_PLACES).map(([id, places]): Command => ({
    type: 'measure.update',
    id,
    patch: { places },
  })),
  ...Object.entries(CURATED_INDICATORS).flatMap(([measureId, indicators]) =>
    indicators.map((indicator): Command => ({ type: 'indicator.add', measureId, indicator })),
  ),
];

/** Every command from the parsed source to the canonical report: repairs, curation, then the notes. */
export const EDITORIAL_COMMANDS: Command[] = [
  ...EDITORIAL_DECISIONS.flatMap((d) => d.commands),
  ...CURATION_COMMANDS,
  ...EDITORIAL_NOTES.map((note): Command => ({ type: 'note.add', note })),
];
