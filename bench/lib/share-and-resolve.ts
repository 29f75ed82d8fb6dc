/**
 * Records shared through intake's batch API the way agencies share them, and
 * the entities dedup made of them: each agency's records in batches with its
 * own key; then, once intake's outbox is empty and dedup's consumer group has
 * committed records.received.v1 to its end, the entity of every record.
 */
import type { Admin } from 'kafkajs';
import type { Client } from 'pg';
import { log, type BenchEnvironment } from './environment';
import { postJson } from './http';
import { waitForPipeline } from './pipeline-progress';
import { groupBy } from './stats';

const BATCH = 500;

/** The id intake gave each record, by the record's index; undefined where intake refused it (`refused` says why). */
export async function shareThroughIntake(
  intakeUrl: string,
  keyOf: (agency: string) => Promise<string>,
  records: { agency: string; body: unknown }[],
  refused: (index: number, error: unknown) => void = (index, error) => {
    throw new Error(`record ${index} of ${records[index].agency} refused: ${JSON.stringify(error)}`);
  },
): Promise<(string | undefined)[]> {
  const ids: (string | undefined)[] = new Array(records.length);
  const byAgency = groupBy([...records.keys()], (index) => records[index].agency);
  for (const [agency, indexes] of byAgency) {
    const key = await keyOf(agency);
    for (let start = 0; start < indexes.length; start += BATCH) {
      const slice = indexes.slice(start, start + BATCH);
      const body = slice.map((index) => records[index].body);
      const { results } = await postJson<{ results: { index: number; id?: string; error?: unknown }[] }>(
        `${intakeUrl}/v1/records/batch`,
        key,
        body,
      ).catch((error: Error) => Promise.reject(new Error(`batch for ${agency}: ${error.message}`)));
      for (const result of results) {
        if (result.id) ids[slice[result.index]] = result.id;
        else refused(slice[result.index], result.error);
      }
    }
    log(`${agency}: shared ${indexes.length}`);
  }
  return ids;
}

/**
 * Waits until dedup has resolved everything intake accepted, and returns the entity of every
 * resolved record. Only then are the entities read, once: reading them while dedup works would
 * take its one thread from resolving.
 */
export async function resolvedEntities(
  environment: BenchEnvironment,
  db: Client,
  admin: Admin,
  signal: AbortSignal,
): Promise<Map<string, string>> {
  await waitForPipeline(environment, db, admin, signal, { what: 'resolving', stages: 1 });
  return entityOfRecords(db);
}

/** The entity dedup placed each record in, by record id. */
export async function entityOfRecords(db: Client): Promise<Map<string, string>> {
  const { rows } = await db.query<{ record_id: string; entity_id: string }>(
    'SELECT record_id, entity_id FROM dedup.entity_members WHERE entity_id IS NOT NULL',
  );
  return new Map(rows.map((row) => [row.record_id, row.entity_id]));
}
