/**
 * `npm run bench:dedup-febrl`: FEBRL sets shared through intake's batch API by
 * two agencies and resolved by dedup on a fresh, never-analysed database (as a
 * new user's first load would be), once per DEDUP_BATCH_RECORDS setting in the
 * same run: 1 (each record in a transaction of its own) as the baseline, then
 * dedup's batch size; and once per number of dedup instances in one consumer
 * group (the entities must not depend on it). Pairwise precision, recall and
 * F1 of dedup's entities, and records/s from the first share to the last
 * resolution (bench/lib/febrl-through-api.ts). A stall shows as a run that
 * does not finish within 15 minutes.
 *
 * Options: --febrl-sets 2 (1, 2 or 3, comma-separated) --batch-records 1,32
 *   --instances 1 (comma-separated; the topics have 3 partitions) --report NAME (dedup-febrl)
 */
import { febrlThroughApi } from './lib/febrl-through-api';
import { runBenchmark } from './lib/environment';
import { benchOptions } from './lib/options';
import type { Goal } from './lib/report';

const options = benchOptions();
const SETS = options.wholeNumbers('febrl-sets', '2', 3) as (1 | 2 | 3)[];
const BATCH_RECORDS = options.wholeNumbers('batch-records', '1,32');
const INSTANCES = options.wholeNumbers('instances', '1');
const SETTINGS = BATCH_RECORDS.flatMap((batchRecords) =>
  INSTANCES.map((instances) => ({
    batchRecords,
    instances,
    label: INSTANCES.length > 1 ? `batch_${batchRecords}_x${instances}` : `batch_${batchRecords}`,
  })),
);
const REPORT = options.string('report', 'dedup-febrl');
// Issue 15: with the addresses and identifiers FEBRL gives.
const F1_GOAL = 0.98;

void runBenchmark(['intake', 'dedup'], async (context) => {
  const figures: Record<string, number> = {};
  const goals: Record<string, Goal> = {};
  for (const { batchRecords, instances, label } of SETTINGS) {
    // The services inherit the bench's environment (bench/lib/environment.ts).
    process.env.DEDUP_BATCH_RECORDS = String(batchRecords);
    const found = await context.phase(
      `FEBRL ${SETS.join(', ')}, DEDUP_BATCH_RECORDS=${batchRecords}, ${instances} dedup instance(s)`,
      () => febrlThroughApi(context, SETS, instances),
    );
    for (const [name, value] of Object.entries(found)) figures[`${label}_${name}`] = value;
    for (const set of SETS) {
      const f1 = found[`febrl${set}_api_f1`];
      goals[`${label}_febrl${set}_f1`] = { target: `>= ${F1_GOAL}, every record placed`, met: f1 >= F1_GOAL };
    }
  }
  const [baseline, ...others] = SETTINGS;
  for (const { label } of others)
    for (const set of SETS)
      figures[`${label}_febrl${set}_speedup`] =
        Math.round(
          (figures[`${label}_febrl${set}_api_records_per_s`] /
            figures[`${baseline.label}_febrl${set}_api_records_per_s`]) *
            100,
        ) / 100;
  context.report({
    name: REPORT,
    parameters: { febrl_sets: SETS.join(','), batch_records: BATCH_RECORDS.join(','), instances: INSTANCES.join(',') },
    figures,
    goals,
    notes: [
      'Each setting on its own fresh database and topics (3 partitions), intake and the dedup instances from dist/.',
      'records_per_s: records shared / seconds from the first share to dedup committing the last offset; the speedup is against the first setting.',
    ],
  });
});
