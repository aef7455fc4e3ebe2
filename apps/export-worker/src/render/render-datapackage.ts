import {
  ComparatorSchema,
  DATA_LICENSE,
  DATA_NOTICE,
  ObservationBasisSchema,
  TrackingStatusSchema,
  VerdictSchema,
} from '@leshan/report-core';
import { sha256Hex } from '@leshan/report-core/hash';
import type { ExportInput } from '../schemas.js';
import { zipDeterministic } from '../zip/deterministic-zip.js';
import type { Table } from './csv-tables.js';
import { indicatorTable, measureTable, measuresAndTargetsTable } from './csv-tables.js';
import type { DataPackage, TableField } from './datapackage-schema.js';
import { DataPackageSchema } from './datapackage-schema.js';
import { tableToCsv } from './render-csv.js';
import { renderJson, renderJsonSchema } from './render-json.js';
import {
  departmentTable,
  observationTable,
  responsibilityTable,
  withAttainment,
} from './follow-up-tables.js';

// The licence of the editorial additions and the notice on the report text: report-core's one statement.
export { DATA_LICENSE } from '@leshan/report-core/model';

const CONSTRAINTS: Record<string, TableField['constraints']> = {
  id: { required: true, unique: true },
  status: { enum: [...TrackingStatusSchema.options] },
  comparator: { enum: [...ComparatorSchema.options] },
  verdict: { required: true, enum: [...VerdictSchema.options] },
  basis: { enum: [...ObservationBasisSchema.options] },
  measure_id: { required: true },
  indicator_id: { required: true },
};

function fields(table: Table, known = CONSTRAINTS): TableField[] {
  return table.columns.map((c) => {
    const constraints = known[c.name];
    return {
      name: c.name,
      type: c.type,
      title: c.title,
      description: c.description,
      ...(constraints === undefined ? {} : { constraints }),
    };
  });
}

function resourceFacts(bytes: Uint8Array): { bytes: number; hash: string; encoding: 'utf-8' } {
  return { bytes: bytes.length, hash: `sha256:${sha256Hex(bytes)}`, encoding: 'utf-8' };
}

const dialect = {
  delimiter: ',',
  lineTerminator: '\r\n',
  header: true,
  doubleQuote: true,
} as const;

const foreignKey = (field: string, resource: string) => ({
  fields: [field],
  reference: { resource, fields: ['id'] },
});

/** Observations, departments, responsibilities and the measures-and-targets sheet (issue 18), each CSV with its Table Schema. */
function followUpResources(report: ExportInput['report']) {
  const specs = [
    {
      table: observationTable(report),
      title: '实际值 Observations',
      primaryKey: ['id'],
      foreignKeys: [foreignKey('indicator_id', 'indicators'), foreignKey('measure_id', 'measures')],
    },
    {
      table: departmentTable(report),
      title: '单位 Departments',
      primaryKey: ['id'],
      foreignKeys: [],
    },
    {
      table: responsibilityTable(report),
      title: '责任分工 Responsibilities',
      primaryKey: ['measure_id'],
      foreignKeys: [
        foreignKey('measure_id', 'measures'),
        foreignKey('lead_department_id', 'departments'),
      ],
    },
    {
      // The editor's sheet without its input columns; its cells are the sheet's words (状态 as
      // 推进中, not in-progress), so only measure_id is constrained. A measure row has no
      // indicator_id: no primary key.
      table: measuresAndTargetsTable(report),
      title: '举措与目标 Measures and targets',
      constraints: { measure_id: { required: true } },
      foreignKeys: [foreignKey('measure_id', 'measures')],
    },
  ];
  return specs.map(({ table, title, foreignKeys, ...spec }) => {
    const bytes = tableToCsv(table);
    return {
      bytes,
      resource: {
        profile: 'tabular-data-resource' as const,
        name: table.name,
        path: `data/${table.name}.csv`,
        title,
        format: 'csv',
        mediatype: 'text/csv',
        ...resourceFacts(bytes),
        dialect,
        schema: {
          fields: fields(table, 'constraints' in spec ? spec.constraints : CONSTRAINTS),
          ...('primaryKey' in spec ? { primaryKey: spec.primaryKey } : {}),
          missingValues: [''],
          ...(foreignKeys.length === 0 ? {} : { foreignKeys }),
        },
      },
    };
  });
}

/** A Frictionless tabular data package (zip): datapackage.json, the CSVs (measures, indicators, observations, departments, responsibilities, measures_and_targets) and the report JSON with its schema. */
export async function renderDatapackage(input: ExportInput): Promise<Uint8Array> {
  const { report, edition } = input;
  const measures = measureTable(report);
  const indicators = withAttainment(indicatorTable(report), report);
  const followUp = followUpResources(report);
  const files = {
    measures: tableToCsv(measures),
    indicators: tableToCsv(indicators),
    json: await renderJson(input),
    schema: await renderJsonSchema(input),
  };
  const descriptor: DataPackage = DataPackageSchema.parse({
    profile: 'tabular-data-package',
    name: `${report.id}-${edition.id}`.toLowerCase().replace(/[^a-z0-9._-]/g, '-'),
    id: `${report.id}/${edition.id}/${edition.hash}`,
    title: report.meta.title,
    description: `${report.meta.issuer}${report.meta.scope}（${report.meta.period.start}—${report.meta.period.end}年）。版本 ${edition.id}（第 ${edition.number} 版），sha256 ${edition.hash}。${DATA_NOTICE.zh}`,
    version: String(edition.number),
    created: edition.publishedAt,
    keywords: ['政府工作报告', report.meta.issuer, 'government work report'],
    licenses: [DATA_LICENSE],
    sources: [
      {
        title: report.meta.source.description,
        path: report.meta.source.file,
        sha256: report.meta.source.sha256,
      },
    ],
    resources: [
      {
        profile: 'tabular-data-resource',
        name: 'measures',
        path: 'data/measures.csv',
        title: '举措 Measures',
        format: 'csv',
        mediatype: 'text/csv',
        ...resourceFacts(files.measures),
        dialect,
        schema: { fields: fields(measures), primaryKey: ['id'], missingValues: [''] },
      },
      {
        profile: 'tabular-data-resource',
        name: 'indicators',
        path: 'data/indicators.csv',
        title: '指标 Indicators',
        format: 'csv',
        mediatype: 'text/csv',
        ...resourceFacts(files.indicators),
        dialect,
        schema: {
          fields: fields(indicators),
          primaryKey: ['id'],
          missingValues: [''],
          foreignKeys: [
            { fields: ['measure_id'], reference: { resource: 'measures', fields: ['id'] } },
          ],
        },
      },
      ...followUp.map((r) => r.resource),
      {
        profile: 'data-resource',
        name: 'report',
        path: 'data/report.json',
        title: '报告 Report (JSON)',
        format: 'json',
        mediatype: 'application/json',
        ...resourceFacts(files.json),
        schema: 'data/report.schema.json',
      },
      {
        profile: 'data-resource',
        name: 'report-schema',
        path: 'data/report.schema.json',
        title: 'JSON Schema of the report',
        format: 'json',
        mediatype: 'application/schema+json',
        ...resourceFacts(files.schema),
      },
    ],
  });
  return zipDeterministic(
    [
      {
        path: 'datapackage.json',
        bytes: new TextEncoder().encode(`${JSON.stringify(descriptor, null, 2)}\n`),
      },
      { path: 'data/measures.csv', bytes: files.measures },
      { path: 'data/indicators.csv', bytes: files.indicators },
      ...followUp.map((r) => ({ path: r.resource.path, bytes: r.bytes })),
      { path: 'data/report.json', bytes: files.json },
      { path: 'data/report.schema.json', bytes: files.schema },
    ],
    edition.publishedAt,
  );
}
