/**
 * `npm run bench:dedup-quality`: how well dedup groups records, measured on
 * labelled data posted through intake the way agencies post it.
 *
 * 1. Starts (or reuses) Kafka and Postgres, makes a fresh database and topic
 *    prefix, starts intake and dedup from `dist/`, and makes one key per
 *    generated agency.
 * 2. Generates labelled persons (test/data/generator, seeded): originals of
 *    many cultures in their scripts and in Latin, corrupted duplicates shared
 *    by other agencies, and homonyms that must stay apart.
 * 3. Shares them through `POST /v1/records/batch`, each agency its own.
 * 4. Waits until dedup has resolved every record, then reads which entity each
 *    record landed in, and reports pairwise precision, recall and F1 against
 *    the labels: overall, per corruption type and per script.
 *
 * Options: --originals N (2000) --seed N (20261122) --max-duplicates N (3)
 *   --report NAME (dedup-quality)
 */
import { Agencies } from '@crosscheck/infra';
import { Client } from 'pg';
import { generatePersons, type LabelledRecord } from '../test/data/generator';
import { log, openBenchEnvironment, requireBuild, runBenchmark } from './lib/environment';
import { pairwiseQuality, type LabelledMember, type Quality } from './lib/pairwise-quality';
import { machineInfo, printReport, writeReport } from './lib/report';
import { round } from './lib/stats';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const index = args.indexOf(`--${name}`);
  if (index < 0) return fallback;
  const value = Number(args[index + 1]);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} needs a positive whole number`);
  return value;
};
const textOption = (name: string, fallback: string) => {
  const index = args.indexOf(`--${name}`);
  return index < 0 ? fallback : (args[index + 1] ?? fallback);
};

const ORIGINALS = option('originals', 2000);
const SEED = option('seed', 20261122);
const MAX_DUPLICATES = option('max-duplicates', 3);
const REPORT = textOption('report', 'dedup-quality');
const BATCH = 500;

void runBenchmark(async (context) => {
  requireBuild('intake', 'dedup');
  const machine = machineInfo();
  const startedAt = new Date();
  const environment = await openBenchEnvironment('dedupq', context);
  const intake = await environment.startService('intake');
  const dedup = await environment.startService('dedup');
  const agencies = new Agencies(environment.databaseUrl, () => intake.url);

  const records = generatePersons({ seed: SEED, originals: ORIGINALS, maxDuplicatesPerOriginal: MAX_DUPLICATES });
  log(`generated ${records.length} records of ${ORIGINALS} persons (seed ${SEED})`);

  const recordIds = await shareAll(agencies, intake.url, records);
  const resolvedIn = await waitUntilResolved(environment.databaseUrl, recordIds.size, context.signal);
  log(`dedup resolved ${recordIds.size} records in ${(resolvedIn / 1000).toFixed(1)} s after the last batch`);

  const entityOf = await entitiesOf(environment.databaseUrl);
  const members: LabelledMember[] = records.map((record, index) => ({
    recordId: recordIds.get(index)!,
    label: record.entityLabel,
    entityId: entityOf.get(recordIds.get(index)!)!,
    categories: [
      `script:${record.script}`,
      ...record.corruptions.map((corruption) => `corruption:${corruption}`),
      ...(record.corruptions.length === 0 ? ['corruption:none'] : []),
    ],
  }));
  const { overall, byCategory } = pairwiseQuality(members);

  const figures: Record<string, number> = {
    records: records.length,
    persons: ORIGINALS,
    entities: new Set(members.map((member) => member.entityId)).size,
    true_pairs: overall.truePairs,
    predicted_pairs: overall.predictedPairs,
    precision_ratio: round(overall.precision, 4),
    recall_ratio: round(overall.recall, 4),
    f1_ratio: round(overall.f1, 4),
  };
  for (const [category, quality] of Object.entries(byCategory)) {
    const name = category.replace(/[^a-z0-9]+/gi, '_').toLowerCase();
    figures[`${name}_precision_ratio`] = round(quality.precision, 4);
    figures[`${name}_recall_ratio`] = round(quality.recall, 4);
    figures[`${name}_f1_ratio`] = round(quality.f1, 4);
    figures[`${name}_true_pairs`] = quality.truePairs;
  }
  const { file, report } = writeReport({
    name: REPORT,
    machine,
    startedAt,
    parameters: {
      originals: ORIGINALS,
      seed: SEED,
      max_duplicates_per_original: MAX_DUPLICATES,
      batch: BATCH,
      dedup: dedup.url,
    },
    figures,
    goals: {
      f1: { target: 'f1_ratio >= 0.97', met: overall.f1 >= 0.97 },
      precision: { target: 'precision_ratio >= 0.98', met: overall.precision >= 0.98 },
    },
    notes: [
      'Pairwise: a pair is a true match when both records carry the same label, predicted when both are in the same entity.',
      'Per-category figures count a pair when either record has the corruption type or script.',
      ...worstCategories(byCategory),
    ],
  });
  printReport(report, (line) => log(line));
  log(`report: ${file}`);
});

/** Shares every record with its agency's key, a batch per agency at a time; returns the record id of each input index. */
async function shareAll(
  agencies: Agencies,
  intakeUrl: string,
  records: LabelledRecord[],
): Promise<Map<number, string>> {
  const ids = new Map<number, string>();
  const byAgency = new Map<string, number[]>();
  records.forEach((record, index) => byAgency.set(record.agency, [...(byAgency.get(record.agency) ?? []), index]));
  for (const [agency, indexes] of byAgency) {
    const key = await agencies.key(agency);
    for (let start = 0; start < indexes.length; start += BATCH) {
      const slice = indexes.slice(start, start + BATCH);
      const response = await fetch(`${intakeUrl}/v1/records/batch`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify(slice.map((index) => records[index].record)),
      });
      const body = (await response.json()) as {
        results?: { index: number; status: number; id?: string; error?: unknown }[];
      };
      if (response.status !== 200 || !body.results)
        throw new Error(`batch for ${agency}: ${response.status} ${JSON.stringify(body).slice(0, 500)}`);
      for (const result of body.results) {
        if (!result.id)
          throw new Error(`record ${slice[result.index]} of ${agency} refused: ${JSON.stringify(result.error)}`);
        ids.set(slice[result.index], result.id);
      }
    }
    log(`${agency}: shared ${indexes.length}`);
  }
  return ids;
}

async function waitUntilResolved(databaseUrl: string, expected: number, signal: AbortSignal): Promise<number> {
  const started = Date.now();
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (;;) {
      signal.throwIfAborted();
      const { rows } = await client.query(
        'SELECT count(*)::int AS resolved FROM dedup.entity_members WHERE entity_id IS NOT NULL',
      );
      if (rows[0].resolved >= expected) return Date.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } finally {
    await client.end();
  }
}

async function entitiesOf(databaseUrl: string): Promise<Map<string, string>> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      'SELECT record_id, entity_id FROM dedup.entity_members WHERE entity_id IS NOT NULL',
    );
    return new Map(rows.map((row: { record_id: string; entity_id: string }) => [row.record_id, row.entity_id]));
  } finally {
    await client.end();
  }
}

function worstCategories(byCategory: Record<string, Quality>): string[] {
  return Object.entries(byCategory)
    .sort(([, a], [, b]) => a.f1 - b.f1)
    .slice(0, 5)
    .map(
      ([category, quality]) =>
        `weakest: ${category} F1 ${quality.f1.toFixed(3)} (precision ${quality.precision.toFixed(3)}, recall ${quality.recall.toFixed(3)}, ${quality.truePairs} true pairs)`,
    );
}
