import { z } from 'zod';

// The subset of the Frictionless Data Package v1 spec the export uses (datapackage.org/standard):
// the descriptor is built through this schema, and tests parse the shipped file with it.

const NAME = /^[a-z0-9._-]+$/;

export const TableFieldSchema = z.object({
  name: z.string().min(1),
  type: z.enum(['string', 'integer', 'number', 'boolean']),
  title: z.string().min(1).optional(),
  description: z.string().min(1).optional(),
  constraints: z
    .object({
      required: z.boolean().optional(),
      unique: z.boolean().optional(),
      enum: z.array(z.string()).optional(),
    })
    .optional(),
});
export type TableField = z.infer<typeof TableFieldSchema>;

export const TableSchemaSchema = z.object({
  fields: z.array(TableFieldSchema).min(1),
  primaryKey: z.array(z.string()).optional(),
  foreignKeys: z
    .array(
      z.object({
        fields: z.array(z.string()),
        reference: z.object({ resource: z.string(), fields: z.array(z.string()) }),
      }),
    )
    .optional(),
  missingValues: z.array(z.string()).optional(),
});

const ResourceBaseSchema = z.object({
  name: z.string().regex(NAME),
  path: z.string().min(1).describe('Path inside the zip, POSIX separators.'),
  title: z.string().min(1),
  format: z.string().min(1),
  mediatype: z.string().min(1),
  encoding: z.literal('utf-8'),
  bytes: z.int().min(0),
  hash: z.string().regex(/^sha256:[0-9a-f]{64}$/),
});

export const TabularResourceSchema = ResourceBaseSchema.extend({
  profile: z.literal('tabular-data-resource'),
  dialect: z.object({
    delimiter: z.literal(','),
    lineTerminator: z.literal('\r\n'),
    header: z.literal(true),
    doubleQuote: z.literal(true),
  }),
  schema: TableSchemaSchema,
});

export const JsonResourceSchema = ResourceBaseSchema.extend({
  profile: z.literal('data-resource'),
  schema: z
    .string()
    .min(1)
    .optional()
    .describe('Path of the JSON Schema the file is valid against.'),
});

export const DataPackageSchema = z.object({
  profile: z.literal('tabular-data-package'),
  name: z.string().regex(NAME),
  id: z.string().min(1),
  title: z.string().min(1),
  description: z.string().min(1),
  version: z.string().min(1),
  created: z.iso.datetime({ offset: true }),
  keywords: z.array(z.string()),
  licenses: z
    .array(z.object({ name: z.string().min(1), path: z.string().min(1), title: z.string().min(1) }))
    .min(1),
  sources: z
    .array(
      z.object({
        title: z.string().min(1),
        path: z.string().min(1),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
      }),
    )
    .min(1),
  resources: z.array(z.union([TabularResourceSchema, JsonResourceSchema])).min(1),
});
export type DataPackage = z.infer<typeof DataPackageSchema>;
