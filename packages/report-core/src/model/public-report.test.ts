import { describe, expect, it } from 'vitest';
import { smallReport } from '../edit/small-report.fixture.js';
import { EditorialNoteSchema, noteVisibility } from './note.js';
import type { EditorialNote } from './note.js';
import { publicReport } from './public-report.js';
import type { Report } from './report.js';
import { validateReport } from './validate.js';

const question: EditorialNote = {
  id: 'note-q1',
  kind: 'ambiguous',
  status: 'open',
  visibility: 'internal',
  nodeIds: ['m1'],
  sourceLines: [1],
  reasoning: '此处数字待核实。',
};
const withNotes = (...extra: EditorialNote[]): Report => {
  const r = smallReport();
  return { ...r, notes: [...r.notes, ...extra] };
};

describe('EditorialNoteSchema visibility', () => {
  it('parses a note recorded before notes had a visibility, as public', () => {
    const { visibility: _v, ...old } = question;
    const parsed = EditorialNoteSchema.safeParse(old);
    expect(parsed).toEqual({ success: true, data: old });
    expect(noteVisibility(old)).toBe('public');
  });

  it('keeps internal and public, and refuses any other word', () => {
    expect(noteVisibility(EditorialNoteSchema.parse(question))).toBe('internal');
    expect(EditorialNoteSchema.safeParse({ ...question, visibility: 'public' }).success).toBe(true);
    expect(EditorialNoteSchema.safeParse({ ...question, visibility: 'secret' }).success).toBe(
      false,
    );
  });
});

describe('publicReport', () => {
  it('drops internal notes and keeps public ones and notes without a visibility', () => {
    const shown: EditorialNote = { ...question, id: 'note-p1', visibility: 'public' };
    const published = publicReport(withNotes(question, shown));
    const ids = published.notes.map((n) => n.id);
    expect(ids).not.toContain('note-q1');
    expect(ids).toEqual([...smallReport().notes.map((n) => n.id), 'note-p1']);
    expect(validateReport(published).ok).toBe(true);
  });

  it('drops references other notes make to an internal note', () => {
    const pointing: EditorialNote = {
      ...question,
      id: 'note-p2',
      visibility: 'public',
      nodeIds: ['m1', 'note-q1'],
    };
    const published = publicReport(withNotes(question, pointing));
    expect(published.notes.find((n) => n.id === 'note-p2')?.nodeIds).toEqual(['m1']);
    expect(JSON.stringify(published)).not.toContain('note-q1');
  });

  it('returns a report with no internal note unchanged, so its content hash stays the same', () => {
    const r = smallReport();
    expect(publicReport(r)).toBe(r);
  });
});
