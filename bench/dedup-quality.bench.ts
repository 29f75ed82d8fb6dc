/**
 * `npm run bench:dedup-quality`: how well dedup groups records, measured on
 * labelled persons (test/data/generator: originals of many cultures, corrupted
 * duplicates shared by other agencies, homonyms that must stay apart) shared
 * through intake's batch API, each agency its own; pairwise precision, recall
 * and F1 of dedup's entities against the labels, overall, per corruption type
 * and per script.
 *
 * Options: --originals N (2000) --seed N (20261122) --max-duplicates N (3)
 *   --report NAME (dedup-quality)
 */
import { Agencies } from '@crosscheck/infra';
import { generatePersons } from '../test/data/generator';
import { log, openBenchEnvironment, runBenchmark } from './lib/environment';
import { benchOptions } from './lib/options';
import { pairwiseQuality, type LabelledMember, type Quality } from './lib/pairwise-quality';
import { resolvedEntities, shareThroughIntake } from './lib/share-and-resolve';
import { round } from './lib/stats';

const { number: option, string: textOption } = benchOptions({ wholeNumbers: true });
const ORIGINALS = option('originals', 2000);
const SEED = option('seed', 20261122);
const MAX_DUPLICATES = option('max-duplicates', 3);
const REPORT = textOption('report', 'dedup-quality');

void runBenchmark(['intake', 'dedup'], async (context) => {
  const environment = await openBenchEnvironment('dedupq', context);
  const intake = await environment.startService('intake');
  const dedup = await environment.startService('dedup');
  const agencies = new Agencies(environment.databaseUrl, () => intake.url);

  const records = generatePersons({ seed: SEED, originals: ORIGINALS, maxDuplicatesPerOriginal: MAX_DUPLICATES });
  log(`generated ${records.length} records of ${ORIGINALS} persons (seed ${SEED})`);
  const ids = await context.phase('share through intake, each agency its own', () =>
    shareThroughIntake(
      intake.url,
      (agency) => agencies.key(agency),
      records.map(({ agency, record }) => ({ agency, body: record })),
    ),
  );
  const entityOf = await context.phase('dedup resolves', async () =>
    resolvedEntities(environment, await environment.connect(), await environment.kafkaAdmin(), context.signal),
  );
  const members: LabelledMember[] = records.map((record, index) => ({
    recordId: ids[index]!,
    label: record.entityLabel,
    entityId: entityOf.get(ids[index]!)!,
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
  context.report({
    name: REPORT,
    parameters: {
      originals: ORIGINALS,
      seed: SEED,
      max_duplicates_per_original: MAX_DUPLICATES,
      batch: 500,
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
});

function worstCategories(byCategory: Record<string, Quality>): string[] {
  return Object.entries(byCategory)
    .sort(([, a], [, b]) => a.f1 - b.f1)
    .slice(0, 5)
    .map(
      ([category, quality]) =>
        `weakest: ${category} F1 ${quality.f1.toFixed(3)} (precision ${quality.precision.toFixed(3)}, recall ${quality.recall.toFixed(3)}, ${quality.truePairs} true pairs)`,
    );
}
