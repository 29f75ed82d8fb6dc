/**
 * The persons dedup's throughput benchmark works on: labelled persons from
 * test/data/generator, turned into the `SharedRecord` intake would publish
 * (intake's own `toSharedRecord`) and into what dedup would store for them
 * (dedup's own `factsOfRecord`, libs/resolution's `blockingKeys`), so that
 * seeded rows and measured messages are exactly what the services make.
 *
 * Seed persons come in chunks (one generator call of `chunkSize` originals
 * each, seeded per chunk), so a million of them never sit in memory at once.
 * The same calls also draw a few corrupted duplicates of those originals:
 * they are not seeded but kept as measured records, each knowing the record
 * (and entity) of the original it copies. New persons, unknown to the seeded
 * tables, are drawn by a generator call of their own.
 */
import { randomUUID } from 'node:crypto';
import { toBinary } from '@bufbuild/protobuf';
import { disseminationFromContract } from '@crosscheck/auth';
import { SharedRecord, SharedRecordSchema } from '@crosscheck/contracts';
import { blockingKeys } from '@crosscheck/resolution';
import type { SeedMember } from '../../apps/dedup/src/persistence/entities.seed';
import { factsOfRecord, kindOfRecord } from '../../apps/dedup/src/resolve-record/record-facts';
import { generatePersons, type LabelledRecord } from '../../test/data/generator';
import { sharedRecordOf as sharedRecord } from './shared-record';

export interface MeasuredRecord {
  record: SharedRecord;
  /** `duplicate`: a corrupted copy of a seeded person; `new`: a person not seeded. */
  role: 'duplicate' | 'new';
  /** For a duplicate: the seeded record and entity of its original. */
  original?: { recordId: string; entityId: string };
}

export interface SeedChunk {
  members: SeedMember[];
  duplicates: MeasuredRecord[];
}

export interface SeedPlan {
  seed: number;
  entities: number;
  /** Corrupted duplicates of seeded persons to keep for measuring. */
  duplicates: number;
  chunkSize?: number;
}

/** Chunks of seed members; `duplicates` copies of seeded persons come along, spread over the chunks. */
export function* seedChunks(plan: SeedPlan): Generator<SeedChunk> {
  const chunkSize = plan.chunkSize ?? 10_000;
  // A little more than needed, since the generator draws duplicates by chance; the surplus is left out.
  const duplicateRate = Math.min(1, (plan.duplicates * 1.1 + 50) / plan.entities);
  const now = new Date();
  let kept = 0;
  for (let first = 0, chunk = 0; first < plan.entities; first += chunkSize, chunk++) {
    const originals = Math.min(chunkSize, plan.entities - first);
    const labelled = generatePersons({
      seed: (plan.seed + chunk) >>> 0,
      originals,
      maxDuplicatesPerOriginal: 1,
      duplicateRate,
    });
    const members: SeedMember[] = [];
    const byLabel = new Map<string, SeedMember>();
    for (const person of labelled) {
      if (person.role !== 'original') continue;
      const record = sharedRecordOf(person, now);
      const facts = factsOfRecord(record);
      const member: SeedMember = {
        entityId: randomUUID(),
        recordId: record.recordId,
        kind: kindOfRecord(record),
        owner: record.owner,
        dissemination: JSON.stringify(disseminationFromContract(record.dissemination)),
        facts,
        keys: blockingKeys(facts),
        record: toBinary(SharedRecordSchema, record),
      };
      members.push(member);
      byLabel.set(person.entityLabel, member);
    }
    // Spread over the chunks rather than all from the first ones, so the originals are anywhere in the tables.
    const quota = Math.round((plan.duplicates * (first + originals)) / plan.entities) - kept;
    const duplicates: MeasuredRecord[] = [];
    for (const person of labelled) {
      if (person.role !== 'duplicate' || duplicates.length >= quota) continue;
      const original = byLabel.get(person.entityLabel)!;
      duplicates.push({
        record: sharedRecordOf(person, now),
        role: 'duplicate',
        original: { recordId: original.recordId, entityId: original.entityId },
      });
    }
    kept += duplicates.length;
    yield { members, duplicates };
  }
  if (kept < plan.duplicates)
    throw new Error(
      `only ${kept} duplicates drawn of the ${plan.duplicates} wanted: lower --records or raise --entities`,
    );
}

/** Persons of a generator call of their own, each a record the seeded tables do not hold. */
export function newPersons(seed: number, count: number): MeasuredRecord[] {
  const now = new Date();
  return generatePersons({ seed, originals: count, maxDuplicatesPerOriginal: 0 }).map((person) => ({
    record: sharedRecordOf(person, now),
    role: 'new' as const,
  }));
}

/** The SharedRecord intake publishes for this record when its agency shares it. */
function sharedRecordOf(person: LabelledRecord, now: Date): SharedRecord {
  return sharedRecord(
    { owner: person.agency, externalRef: person.record.externalRef, kind: 'person', content: person.record },
    now,
  );
}
