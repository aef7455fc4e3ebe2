import pg from 'pg';
import { z } from 'zod';
import { BOSS_SCHEMA, EXPORT_QUEUE } from '@leshan/report-store';

const MessageRowSchema = z.object({
  key: z.string().nullable(),
  state: z.enum(['created', 'retry', 'active', 'completed', 'cancelled', 'failed']),
  retryCount: z.number(),
  retryLimit: z.number(),
  output: z.unknown(),
  data: z.unknown(),
});
export type MessageRow = z.infer<typeof MessageRowSchema>;

/** Every message of the export queue in pg-boss's table, oldest first: what pg-boss delivered. */
export async function bossMessages(databaseUrl: string): Promise<MessageRow[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query(
      `SELECT singleton_key AS key, state::text AS state, retry_count AS "retryCount",
              retry_limit AS "retryLimit", output, data
         FROM ${BOSS_SCHEMA}.job WHERE name = $1 ORDER BY created_on, id`,
      [EXPORT_QUEUE],
    );
    return z.array(MessageRowSchema).parse(result.rows);
  } finally {
    await client.end();
  }
}

/** Per store job id, how many messages pg-boss holds for it. */
export function messagesPerJob(rows: MessageRow[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.key ?? '', (counts.get(row.key ?? '') ?? 0) + 1);
  return counts;
}
