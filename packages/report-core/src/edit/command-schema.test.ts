import { z } from 'zod';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Command, CommandOf, CommandType } from './command-schema.js';
import { COMMAND_TYPES, CommandSchema } from './command-schema.js';
import { ReportDiffSchema } from './diff-schema.js';

describe('CommandSchema', () => {
  it('knows the 33 command types', () => {
    expect(COMMAND_TYPES).toHaveLength(33);
    expect(COMMAND_TYPES).toContain('measure.update');
    expectTypeOf<CommandOf<'measure.move'>>().toEqualTypeOf<{
      type: 'measure.move';
      id: string;
      toSectionId: string;
      toIndex: number;
    }>();
    expectTypeOf<Command['type']>().toEqualTypeOf<CommandType>();
  });

  it('reads a command as plain JSON and trims text as the report schema does', () => {
    const json = JSON.parse(
      '{"type":"measure.update","id":"m1","patch":{"text":"  建设乐山港。 "}}',
    ) as unknown;
    expect(CommandSchema.parse(json)).toEqual({
      type: 'measure.update',
      id: 'm1',
      patch: { text: '建设乐山港。' },
    });
  });

  it('refuses unknown keys, so a misspelt field is not silently dropped', () => {
    expect(
      CommandSchema.safeParse({ type: 'measure.update', id: 'm1', patch: { txt: '建设。' } })
        .success,
    ).toBe(false);
    expect(
      CommandSchema.safeParse({ type: 'measure.remove', id: 'm1', cascade: true }).success,
    ).toBe(false);
  });

  it('tells null (missing in source / remove the field) from absent (leave it)', () => {
    expect(
      CommandSchema.parse({ type: 'chapter.update', id: 'c1', patch: { title: null } }),
    ).toEqual({ type: 'chapter.update', id: 'c1', patch: { title: null } });
    expect(CommandSchema.parse({ type: 'tracking.set', measureId: 'm1', status: null })).toEqual({
      type: 'tracking.set',
      measureId: 'm1',
      status: null,
    });
    expect(
      CommandSchema.safeParse({ type: 'measure.update', id: 'm1', patch: { text: null } }).success,
    ).toBe(false);
  });

  it('converts to JSON Schema, as the admin API documents it', () => {
    const schema = z.toJSONSchema(CommandSchema, { unrepresentable: 'any' }) as {
      oneOf?: unknown[];
      anyOf?: unknown[];
    };
    expect((schema.oneOf ?? schema.anyOf)?.length).toBe(33);
    expect(() => z.toJSONSchema(ReportDiffSchema, { unrepresentable: 'any' })).not.toThrow();
  });
});
