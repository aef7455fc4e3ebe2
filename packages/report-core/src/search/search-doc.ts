import { z } from 'zod';
import type { ReadonlyReport } from '../model/readonly.js';
import { NodeIdSchema } from '../model/ids.js';
import { SearchKindSchema } from './search-schemas.js';

/** One searchable text of the report, with what the filters and hits need to know about it. */
export const SearchDocSchema = z.object({
  nodeId: NodeIdSchema,
  kind: SearchKindSchema,
  chapterId: NodeIdSchema.optional(),
  chapterNumber: z.int().min(1).optional(),
  sectionId: NodeIdSchema.optional(),
  text: z.string().describe('The text searched and cut into snippets.'),
  titleLength: z
    .int()
    .min(0)
    .describe('The first this-many code units of text are a title (ranked higher).'),
  hasIndicators: z.boolean(),
  places: z.array(NodeIdSchema),
});
export type SearchDoc = z.infer<typeof SearchDocSchema>;

function titleDoc(
  base: Omit<SearchDoc, 'text' | 'titleLength' | 'hasIndicators' | 'places'>,
  title: string,
): SearchDoc {
  return { ...base, text: title, titleLength: title.length, hasIndicators: false, places: [] };
}

/**
 * The report's searchable texts in document order (the tie-break order of results). Chapters
 * and sections are searched by title and skipped when the title is missing; a goal reads
 * `subject：target` with the subject as its title; notes are searched by their reasoning.
 */
export function collectSearchDocs(report: ReadonlyReport): SearchDoc[] {
  const docs: SearchDoc[] = [];
  for (const goal of report.goals) {
    const text = `${goal.subject}：${goal.target}`;
    docs.push({
      nodeId: goal.id,
      kind: 'goal',
      text,
      titleLength: goal.subject.length,
      hasIndicators: false,
      places: [],
    });
  }
  const { ideology } = report;
  docs.push({
    nodeId: ideology.id,
    kind: 'ideology',
    text: ideology.text,
    titleLength: 0,
    hasIndicators: false,
    places: [],
  });
  for (const chapter of report.chapters) {
    const where = { chapterId: chapter.id, chapterNumber: chapter.number };
    if (chapter.title !== null)
      docs.push(titleDoc({ nodeId: chapter.id, kind: 'chapter', ...where }, chapter.title));
    for (const section of chapter.sections) {
      if (section.title !== null) {
        docs.push(
          titleDoc(
            { nodeId: section.id, kind: 'section', ...where, sectionId: section.id },
            section.title,
          ),
        );
      }
      for (const measure of section.measures) {
        docs.push({
          nodeId: measure.id,
          kind: 'measure',
          ...where,
          sectionId: section.id,
          text: measure.text,
          titleLength: 0,
          hasIndicators: measure.indicators.length > 0,
          places: [...measure.places],
        });
      }
    }
  }
  for (const note of report.notes) {
    docs.push({
      nodeId: note.id,
      kind: 'note',
      text: note.reasoning,
      titleLength: 0,
      hasIndicators: false,
      places: [],
    });
  }
  return docs;
}
