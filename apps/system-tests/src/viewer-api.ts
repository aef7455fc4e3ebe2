import { z } from 'zod';
import { EXPORT_FORMATS } from '@leshan/report-store';
import { waitUntil } from '@leshan/testing/wait';

/** Every export format the worker makes for each edition. */
export const FORMATS: readonly string[] = EXPORT_FORMATS;

const LatestSchema = z.looseObject({ id: z.string(), number: z.number(), hash: z.string() });
const ArtifactsSchema = z.object({
  edition: z.object({ id: z.string(), number: z.number(), hash: z.string() }),
  artifacts: z.array(
    z.looseObject({
      format: z.string(),
      fileName: z.string(),
      sha256: z.string(),
      size: z.number(),
      href: z.string(),
    }),
  ),
});
export type ArtifactList = z.infer<typeof ArtifactsSchema>;
const MeasureSchema = z.object({
  edition: z.object({ number: z.number() }),
  chapter: z.object({ number: z.number() }),
  measure: z.looseObject({
    text: z.string(),
    tracking: z.looseObject({
      status: z.string().nullable(),
      progress: z.number().nullable(),
      updates: z.array(z.looseObject({ date: z.string(), note: z.string() })),
    }),
  }),
});

async function getJson<T>(url: string, schema: z.ZodType<T>): Promise<T> {
  const res = await fetch(url);
  if (res.status !== 200) throw new Error(`GET ${url}: HTTP ${res.status}`);
  return schema.parse(await res.json());
}

/** The latest edition the viewer serves (its public API). */
export const latestEdition = (viewerUrl: string) =>
  getJson(`${viewerUrl}/api/v1/editions/latest`, LatestSchema);

/** A measure as the viewer's API serves it in the latest edition. */
export const latestMeasure = (viewerUrl: string, id: string) =>
  getJson(`${viewerUrl}/api/v1/measures/${id}`, MeasureSchema);

/** Waits until the viewer lists a file of every format for its latest edition (the worker made them). */
export async function waitForAllExports(
  viewerUrl: string,
  editionNumber: number,
  timeoutMs = 90_000,
): Promise<ArtifactList> {
  return waitUntil(
    `every export of edition ${editionNumber} at ${viewerUrl}`,
    async () => {
      const list = await getJson(
        `${viewerUrl}/api/v1/editions/${editionNumber}/artifacts`,
        ArtifactsSchema,
      );
      const formats = new Set(list.artifacts.map((a) => a.format));
      return FORMATS.every((f) => formats.has(f)) ? list : null;
    },
    timeoutMs,
    250,
  );
}
