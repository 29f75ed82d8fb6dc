/**
 * Records shared through intake's batch API the way agencies share them, and
 * the entities dedup made of them: each agency's records in batches with its
 * own key; then, once intake's outbox is empty and dedup's consumer group has
 * committed records.received.v1 to its end, the entity of every record.
 */
import { Topics } from '@crosscheck/contracts';
import { TopicNames } from '@crosscheck/messaging';
import type { Admin } from 'kafkajs';
import type { Client } from 'pg';
import type { BenchEnvironment } from './environment';
import { log } from './environment';
import { topicEnd, waitForOutboxDrained, waitUntilCommitted } from './pipeline-progress';

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
  const byAgency = new Map<string, number[]>();
  records.forEach(({ agency }, index) => byAgency.set(agency, [...(byAgency.get(agency) ?? []), index]));
  for (const [agency, indexes] of byAgency) {
    const key = await keyOf(agency);
    for (let start = 0; start < indexes.length; start += BATCH) {
      const slice = indexes.slice(start, start + BATCH);
      const response = await fetch(`${intakeUrl}/v1/records/batch`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify(slice.map((index) => records[index].body)),
      });
      const body = (await response.json()) as { results?: { index: number; id?: string; error?: unknown }[] };
      if (response.status !== 200 || !body.results)
        throw new Error(`batch for ${agency}: ${response.status} ${JSON.stringify(body).slice(0, 500)}`);
      for (const result of body.results) {
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
  stallMs = 5 * 60_000,
): Promise<Map<string, string>> {
  await waitForOutboxDrained(db, 'intake', signal, { stallMs });
  const topic = new TopicNames(environment.topicPrefix).physical(Topics.recordsReceived);
  const end = await topicEnd(admin, topic);
  await waitUntilCommitted(admin, { groupId: `${environment.topicPrefix}dedup`, topic, end }, signal, {
    stallMs,
    progress: (done, of) => log(`dedup: ${done}/${of} resolved`),
  });
  const { rows } = await db.query('SELECT record_id, entity_id FROM dedup.entity_members WHERE entity_id IS NOT NULL');
  return new Map(rows.map((row: { record_id: string; entity_id: string }) => [row.record_id, row.entity_id]));
}
