/**
 * bench:names' entity resolution through the real services: each FEBRL set
 * (1–3) shared through intake's batch API by two agencies in turn (names,
 * birth date, the address, and `soc_sec_id` as an Australian
 * `social_security` identifier), resolved by dedup, and scored pairwise from
 * the entity dedup gives each record. Every set runs in its own database and
 * topics, so sets never meet.
 */
import { Agencies } from '@crosscheck/infra';
import { Kafka, logLevel } from 'kafkajs';
import { log, openBenchEnvironment, type BenchContext } from './environment';
import { febrlRecords, type FebrlRecord } from './public-names';
import { round } from './stats';

const AGENCIES = ['AUS', 'NZL'] as const;
const BATCH = 500;
const READ_CONCURRENCY = 16;

/** YYYY-MM-DD when the date exists, the year alone when only it does (FEBRL corrupts days and months), else nothing. */
function birthDate(text: string): string | undefined {
  const digits = text.replace(/\D/g, '');
  if (!/^\d{8}$/.test(digits)) return undefined;
  const [year, month, day] = [Number(digits.slice(0, 4)), Number(digits.slice(4, 6)), Number(digits.slice(6, 8))];
  if (year < 1800 || year > new Date().getUTCFullYear()) return undefined;
  const exists = month >= 1 && month <= 12 && new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
  const full = `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
  return exists && new Date(`${full}T00:00:00Z`).getTime() <= Date.now() ? full : String(year);
}

/** The fields FEBRL gives of the address, those it left empty left out; undefined when it gave none. */
function addressOf(record: FebrlRecord) {
  const parts = {
    street: record.address1.trim(),
    number: record.streetNumber.trim(),
    locality: record.suburb.trim(),
    postcode: record.postcode.trim(),
    region: record.state.trim().toUpperCase(),
    // address_2 is a building or property name, kept in the address's free-text form.
    text: [record.address2, record.streetNumber, record.address1, record.suburb, record.postcode, record.state]
      .map((part) => part.trim())
      .filter(Boolean)
      .join(' '),
  };
  const given = Object.fromEntries(Object.entries(parts).filter(([, value]) => value.length > 0));
  return Object.keys(given).length > 0 ? { ...given, country: 'AUS' } : undefined;
}

/** The record as an agency would share it, or undefined when FEBRL left it without any name. */
export function sharedFebrlRecord(record: FebrlRecord) {
  const name = {
    ...(record.given.trim() ? { given: record.given.trim() } : {}),
    ...(record.family.trim() ? { family: record.family.trim() } : {}),
  };
  if (Object.keys(name).length === 0) return undefined;
  const dateOfBirth = birthDate(record.dateOfBirth);
  const number = record.socSecId.replace(/\s/g, '');
  const address = addressOf(record);
  return {
    kind: 'person',
    externalRef: record.id,
    dissemination: { scope: 'all' },
    purpose: 'bench:names',
    person: {
      names: [name],
      ...(dateOfBirth ? { dateOfBirth } : {}),
      ...(address ? { addresses: [address] } : {}),
      ...(/^[A-Za-z0-9]+$/.test(number) ? { identifiers: [{ type: 'social_security', number, country: 'AUS' }] } : {}),
    },
  };
}

/** Waits until `group` has committed every partition of `topic` to its end, twice in a row a second apart. */
async function untilConsumed(brokers: string, topic: string, group: string, timeoutMs: number): Promise<void> {
  const admin = new Kafka({
    clientId: 'crosscheck-bench-febrl',
    brokers: brokers.split(','),
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    let caughtUp = 0;
    while (caughtUp < 2) {
      if (Date.now() > deadline)
        throw new Error(`${group} did not consume ${topic} within ${timeoutMs / 60_000} minutes`);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const ends = await admin.fetchTopicOffsets(topic);
      const [committed] = await admin.fetchOffsets({ groupId: group, topics: [topic] });
      const done = ends.every(
        (end) =>
          committed?.partitions.find((partition) => partition.partition === end.partition)?.offset === end.offset,
      );
      caughtUp = done ? caughtUp + 1 : 0;
    }
  } finally {
    await admin.disconnect();
  }
}

async function call(
  url: string,
  key: string,
  init: { method?: string; body?: string } = {},
): Promise<{ status: number; body: any }> {
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${key}`, ...(init.body ? { 'content-type': 'application/json' } : {}) },
    body: init.body,
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** Pairwise precision, recall and F1 of dedup's entities on each FEBRL set, shared by two agencies through the API. */
/** `dedupInstances`: dedup processes in one consumer group (the first answers the entity reads). */
export async function febrlThroughApi(
  context: BenchContext,
  sets: (1 | 2 | 3)[],
  dedupInstances = 1,
): Promise<Record<string, number>> {
  const figures: Record<string, number> = {};
  for (const set of sets) {
    const environment = await openBenchEnvironment(`febrl${set}`, context);
    const intake = await environment.startService('intake');
    const dedup = await environment.startService('dedup');
    for (let instance = 2; instance <= dedupInstances; instance++) await environment.startService('dedup');
    const agencies = new Agencies(environment.databaseUrl, () => intake.url);
    const keys = await Promise.all(AGENCIES.map((code) => agencies.key(code)));
    await agencies.accepted(keys[0], dedup.url, 60_000);

    const records = febrlRecords(set);
    const sharedIds = new Map<string, string>();
    const started = Date.now();
    for (const [agency, key] of keys.entries()) {
      const own = records
        .filter((_, index) => index % AGENCIES.length === agency)
        .map(sharedFebrlRecord)
        .filter((record) => record !== undefined);
      for (let start = 0; start < own.length; start += BATCH) {
        const answer = await call(`${intake.url}/v1/records/batch`, key, {
          method: 'POST',
          body: JSON.stringify(own.slice(start, start + BATCH)),
        });
        if (answer.status !== 200)
          throw new Error(
            `sharing FEBRL ${set} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`,
          );
        for (const result of answer.body.results as { status: number; id?: string; externalRef?: string }[]) {
          if (result.id && result.externalRef) sharedIds.set(result.externalRef, result.id);
        }
      }
    }

    // Resolved when dedup's consumer group has committed to the end of records.received.v1 (and intake's
    // outbox is empty); only then are the entities read, once each: reading them while dedup works would
    // take its one thread from resolving.
    await untilConsumed(
      environment.kafkaBrokers,
      `${environment.topicPrefix}records.received.v1`,
      `${environment.topicPrefix}dedup`,
      15 * 60_000,
    );
    const entityOf = new Map<string, string>();
    const toRead = [...sharedIds];
    for (let start = 0; start < toRead.length; start += READ_CONCURRENCY) {
      await Promise.all(
        toRead.slice(start, start + READ_CONCURRENCY).map(async ([externalRef, recordId]) => {
          const answer = await call(`${dedup.url}/v1/records/${recordId}/entity`, keys[0]);
          if (answer.status === 200) entityOf.set(externalRef, answer.body.entityId);
        }),
      );
    }
    if (entityOf.size < sharedIds.size)
      throw new Error(`FEBRL ${set}: dedup placed ${entityOf.size} of ${sharedIds.size} shared records in an entity`);
    const seconds = (Date.now() - started) / 1000;

    const scored = records.filter((record) => entityOf.has(record.id));
    let truePairs = 0;
    let predicted = 0;
    let correct = 0;
    for (let a = 0; a < scored.length; a++) {
      for (let b = a + 1; b < scored.length; b++) {
        const same = scored[a].person === scored[b].person;
        const linked = entityOf.get(scored[a].id) === entityOf.get(scored[b].id);
        if (same) truePairs++;
        if (linked) predicted++;
        if (same && linked) correct++;
      }
    }
    const precision = predicted === 0 ? 0 : correct / predicted;
    const recall = truePairs === 0 ? 0 : correct / truePairs;
    figures[`febrl${set}_api_precision`] = round(precision, 3);
    figures[`febrl${set}_api_recall`] = round(recall, 3);
    figures[`febrl${set}_api_f1`] = round(
      precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
      3,
    );
    figures[`febrl${set}_api_records_shared`] = sharedIds.size;
    figures[`febrl${set}_api_records_per_s`] = round(sharedIds.size / seconds, 1);
    log(
      `FEBRL ${set} through intake and dedup: ${sharedIds.size} of ${records.length} records shared by ${AGENCIES.join(' and ')}, ` +
        `resolved in ${seconds.toFixed(0)} s; P ${figures[`febrl${set}_api_precision`]} R ${figures[`febrl${set}_api_recall`]} F1 ${figures[`febrl${set}_api_f1`]}`,
    );
  }
  return figures;
}
