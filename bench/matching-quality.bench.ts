/**
 * `npm run bench:matching-quality`: how well matching finds reference entries,
 * measured on labelled queries against the matching service, and how much of
 * what exhaustive scoring would find its candidate stage returns.
 *
 * 1. Generates a labelled matching set (test/data/reference-generator, seeded):
 *    the first N entries of each dataset, and queries that are true variants of
 *    an entry (transliterations, typos, separators, OCR confusions, MRZ scans,
 *    make aliases...) or hard negatives (homonyms, near-miss numbers and VINs,
 *    the next gun of a batch...).
 * 2. Reads every entry as the loader does and builds matching's candidate stage
 *    in memory (bench/lib/reference-candidates.ts). Candidate recall: of the
 *    labelled entries that scoring finds at `possible` or above, the share the
 *    candidate stage returns (every query); and, on a sample of queries scored
 *    against every entry of the dataset, the share of all pairs at `possible` or
 *    above, with the time exhaustive scoring takes against the candidate stage.
 * 3. Starts (or reuses) Kafka and Postgres, loads the entries with the loader
 *    CLI, starts intake and matching from `dist/`, and sends every query through
 *    `POST /v1/checks/batch`.
 * 4. Reports precision, recall and F1 of the `hit`s (and of `hit` or `possible`)
 *    per dataset, per variant and per script, false hits on each hard negative,
 *    and prints a few failures per variant.
 *
 * Options: --entries N (100000 per dataset) --queries N (400 per dataset)
 *   --hard-negative-share X (0.3) --seed N (20261122) --exhaustive-queries N (40 per dataset)
 *   --thresholds "sltd=0.9/0.8,..." (as MATCH_DATASET_THRESHOLDS) --failures N (3 per variant)
 *   --in-process (no services: grade the in-memory stages, for tuning) --report NAME (matching-quality)
 */
import { Agencies } from '@crosscheck/infra';
import type { FeatureEvidence } from '@crosscheck/resolution';
import { levelOf as gradeLevel } from '../apps/matching/src/model/match-level';
import { DATASETS, DatasetName } from '../apps/matching/src/model/datasets';
import { generateMatchingCases, type MatchingCase } from '../test/data/reference-generator';
import { log, openBenchEnvironment, runBenchmark, type BenchContext } from './lib/environment';
import { postJson } from './lib/http';
import { benchOptions } from './lib/options';
import {
  figureStem,
  groupStem,
  matchingQuality,
  type GroupQuality,
  type LabelledOutcome,
} from './lib/matching-quality';
import { discardLoadEvents, loadReferenceEntries } from './lib/reference-loads';
import {
  checkBodyOf,
  IndexedEntry,
  indexedEntryOf,
  probesOfQuery,
  ReferenceIndex,
  scored,
} from './lib/reference-candidates';
import type { Goal } from './lib/report';
import { countBy, round } from './lib/stats';

const options = benchOptions({ wholeNumbers: true });
const ENTRIES = options.number('entries', 100_000);
const QUERIES = options.number('queries', 400);
const HARD_NEGATIVE_SHARE = options.number('hard-negative-share', 0.3, { whole: false, zero: true });
const SEED = options.number('seed', 20261122);
const EXHAUSTIVE_QUERIES = options.number('exhaustive-queries', 40, { zero: true });
const FAILURES = options.number('failures', 3, { zero: true });
const THRESHOLDS = options.string('thresholds', '');
const IN_PROCESS = options.flag('in-process');
const REPORT = options.string('report', IN_PROCESS ? 'matching-quality-in-process' : 'matching-quality');
const BATCH = 500;
/** Hit thresholds tried on the answers (a stricter one only demotes hits to possible) and the margin rule. */
const THRESHOLD_SWEEP = [0.88, 0.9, 0.92, 0.95];
const BEST_MARGIN = 0.02;

/** The service's defaults (apps/matching/src/matching.config.ts), overridden per dataset by --thresholds. */
const DEFAULT_THRESHOLDS = { hit: 0.85, possible: 0.7 };
const thresholdsOf = (dataset: string) => {
  for (const pair of THRESHOLDS.split(',').filter(Boolean)) {
    const [name, levels] = pair.split('=');
    if (name !== dataset) continue;
    const [hit, possible] = levels.split('/').map(Number);
    return { hit, possible };
  }
  return DEFAULT_THRESHOLDS;
};
/** As the service grades (apps/matching/src/match/match-level.ts): thresholds, and a notice hit needs more than the name. */
const levelOf = (dataset: string, score: number, features: FeatureEvidence[]): 'hit' | 'possible' | undefined =>
  gradeLevel(dataset as DatasetName, score, features, thresholdsOf(dataset));

/** Whether a person query carries anything a notice hit can rest on besides the names: a birth date or an identity document. */
const carriesMoreThanNames = (query: MatchingCase): boolean => {
  const body = checkBodyOf(query.query) as { person?: { dateOfBirth?: string; documents?: unknown[] } };
  return !!body.person?.dateOfBirth || (body.person?.documents?.length ?? 0) > 0;
};

/** Near-miss numbers: the hard negatives the goal "no false hits" is about. */
const NEAR_MISS_VARIANTS = [
  'sltd/near_miss_number',
  'sltd/person_with_near_miss_document',
  'smv/near_miss_vin',
  'smv/near_miss_vin_bad_check_digit',
];
/** Formatting variants of document numbers and VINs: recall 1.0 wanted. */
const FORMATTING_VARIANTS = [
  'sltd/exact',
  'sltd/separators',
  'sltd/lowercase',
  'sltd/mrz_scan',
  'smv/exact',
  'smv/vin_lowercase',
  'smv/vin_separators',
  'smv/plate_separators',
];

type Returned = LabelledOutcome['returned'];
/** One answer of `POST /v1/checks/batch`. */
interface CheckResult {
  index: number;
  status: number;
  hits?: { dataset: string; entryId: string; level: 'hit' | 'possible'; score: number }[];
  error?: unknown;
}

void runBenchmark(IN_PROCESS ? [] : ['intake', 'matching'], async (context) => {
  const figures: Record<string, number> = {};
  const notes: string[] = [];

  let started = performance.now();
  const { entries, queries } = generateMatchingCases({
    seed: SEED,
    entriesPerDataset: ENTRIES,
    queriesPerDataset: QUERIES,
    hardNegativeShare: HARD_NEGATIVE_SHARE,
  });
  log(
    `generated ${ENTRIES.toLocaleString('en-US')} entries per dataset and ${queries.length} queries (seed ${SEED}) in ${seconds(started)} s`,
  );

  started = performance.now();
  const index = new ReferenceIndex();
  const entryById = new Map<string, IndexedEntry>();
  for (const dataset of DATASETS) {
    const indexed = (entries[dataset] as object[]).map((line, at) => indexedEntryOf(dataset, line, at + 1));
    index.add(dataset, indexed);
    for (const entry of indexed) entryById.set(`${dataset}/${entry.entryId}`, entry);
  }
  figures.index_build_s = round(seconds(started), 1);
  log(
    `read ${entryById.size.toLocaleString('en-US')} entries as the loader does and indexed their blocking keys in ${figures.index_build_s} s`,
  );

  const inProcess = candidateStage(index, entryById, queries, figures, notes);

  let returnedOf: Returned[];
  if (IN_PROCESS) {
    returnedOf = inProcess;
    notes.push(
      '--in-process: quality graded on the in-memory candidate stage and scorers, not on the matching service.',
    );
  } else {
    returnedOf = await checkThroughService(context, entries, queries, figures);
    const differing = queries.filter((_, at) => key(returnedOf[at]) !== key(inProcess[at])).length;
    figures.queries_answered_otherwise_in_process = differing;
    // The in-memory stages' own grades beside the service's, to compare with an --in-process run.
    const inProcessQuality = matchingQuality(
      queries.map((query, at) => ({
        expected: expectedOf(query),
        returned: inProcess[at],
        groups: [`dataset:${query.dataset}`],
      })),
      new Set(['hit']),
    );
    for (const [group, quality] of inProcessQuality) {
      const stem = `in_process_${groupStem(group)}`;
      figures[`${stem}precision_ratio`] = round(quality.precision, 4);
      figures[`${stem}recall_ratio`] = round(quality.recall, 4);
    }
    notes.push(
      `The in-memory candidate stage answered ${differing} of ${queries.length} queries otherwise than the service (entries or levels): the candidate-recall figures are measured on it.`,
    );
  }

  const outcomes: LabelledOutcome[] = queries.map((query, at) => ({
    expected: expectedOf(query),
    returned: returnedOf[at],
    groups: [
      `dataset:${query.dataset}`,
      `variant:${query.dataset}/${query.variant}`,
      ...(query.script ? [`script:${query.script}`] : []),
      ...(query.dataset === 'notices'
        ? [`evidence:notices/${carriesMoreThanNames(query) ? 'beyond_name' : 'name_only'}`]
        : []),
    ],
  }));
  const hits = matchingQuality(outcomes, new Set(['hit']));
  const withPossible = matchingQuality(outcomes, new Set(['hit', 'possible']));
  addQualityFigures(figures, hits, '');
  addQualityFigures(figures, withPossible, 'with_possible_');

  addWhatIfFigures(figures, outcomes);
  printFailures(queries, returnedOf, entryById);

  const near = NEAR_MISS_VARIANTS.reduce((sum, variant) => sum + (hits.get(`variant:${variant}`)?.falseHits ?? 0), 0);
  const formatting = FORMATTING_VARIANTS.map((variant) => hits.get(`variant:${variant}`)).filter(
    (group): group is GroupQuality => !!group,
  );
  const formattingPositives = formatting.reduce((sum, group) => sum + group.positives, 0);
  const formattingRecall =
    formatting.reduce((sum, group) => sum + group.truePositives, 0) / Math.max(1, formattingPositives);
  figures.near_miss_number_false_hits = near;
  figures.formatting_variants_recall_ratio = round(formattingRecall, 4);
  const persons = hits.get('dataset:notices')!;
  const goals: Record<string, Goal> = {
    persons: {
      target: 'notices: recall_ratio >= 0.98 at precision_ratio >= 0.95 (hits)',
      met: persons.recall >= 0.98 && persons.precision >= 0.95,
    },
    formatting: {
      target: `formatting_variants_recall_ratio = 1 (${FORMATTING_VARIANTS.join(', ')})`,
      met: formattingRecall === 1,
    },
    near_miss: { target: `near_miss_number_false_hits = 0 (${NEAR_MISS_VARIANTS.join(', ')})`, met: near === 0 },
    candidate_recall: { target: 'candidate_recall_ratio >= 0.995', met: figures.candidate_recall_ratio >= 0.995 },
    candidate_speed: {
      target: 'exhaustive_vs_candidate_time_ratio >= 100',
      met: figures.exhaustive_vs_candidate_time_ratio >= 100,
    },
  };
  context.report({
    name: REPORT,
    parameters: {
      entries_per_dataset: ENTRIES,
      queries_per_dataset: QUERIES,
      queries: queries.length,
      hard_negative_share: HARD_NEGATIVE_SHARE,
      seed: SEED,
      exhaustive_queries_per_dataset: EXHAUSTIVE_QUERIES,
      thresholds: THRESHOLDS || `default ${DEFAULT_THRESHOLDS.hit}/${DEFAULT_THRESHOLDS.possible}`,
      graded: IN_PROCESS ? 'in-process' : 'matching service, POST /v1/checks/batch',
    },
    figures,
    goals,
    notes: [
      'A query predicts an entry returned at level hit (figures without prefix) or at hit or possible (with_possible_). Counted per (query, entry): the labelled entry returned is a true positive, missed a false negative; any other entry returned is a false positive.',
      'Per variant and per script: the queries of that variant or script. false_hits: hard negatives that returned anything at that level.',
      'candidate_recall_ratio: of the true queries whose labelled entry scores at possible or above, the share whose candidate stage returned it (every query; scoring that one entry is what scoring all of them would give it). candidate_recall_pairs_ratio: on the exhaustive sample, of every (probe, entry) pair at possible or above when every entry of the dataset is scored, the share the candidate stage returned.',
      'exhaustive_vs_candidate_time_ratio: in-process, scoring every entry of the dataset against the candidate stage (key lookup in memory, then scoring the candidates) on the same sample; the service adds Postgres and HTTP (service_check_per_query_ms).',
      'Notices are graded with a product rule (apps/matching/src/match/match-level.ts): a hit needs corroboration beyond the name (an agreeing birth date or a shared identity document); name-only agreement is at most possible. The measure is unchanged (hits only), so a true name-only query answered possible counts as a miss. evidence_notices_name_only_* and evidence_notices_beyond_name_*: the notices queries without, and with, a birth date or an identity document, to show where the rule moves recall and precision.',
      `What-if figures, from the same answers, not what the service does: <dataset>_hit_at_<t>_*: that dataset's hit threshold raised to t (hits under it counted as possible); *hits_within_best_margin_*: a hit more than ${BEST_MARGIN} under the query's best hit in its dataset counted as possible.`,
      ...notes,
      ...weakest(hits),
    ],
  });
});

/**
 * The candidate stage in memory for every query: what it returns graded as the
 * service grades (the in-process answer), labelled candidate recall, and on a
 * sample, exhaustive scoring's pairs and time against the candidate stage's.
 */
function candidateStage(
  index: ReferenceIndex,
  entryById: Map<string, IndexedEntry>,
  queries: MatchingCase[],
  figures: Record<string, number>,
  notes: string[],
): Returned[] {
  const possibleOf = (dataset: string) => thresholdsOf(dataset).possible;
  const answers: Returned[] = [];
  let labelled = 0;
  let labelledFound = 0;
  const missedVariants: string[] = [];
  const sampled = new Map<string, number>();
  const pairs = new Map<string, { all: number; found: number }>();
  let exhaustiveMs = 0;
  let candidateMs = 0;
  let sampledProbes = 0;
  let candidatesReturned = 0;
  let probes = 0;
  for (const query of queries) {
    const answer = new Map<string, { entry: string; level: 'hit' | 'possible'; score: number }>();
    const candidateIds = new Set<string>();
    const probesOfIt = probesOfQuery(checkBodyOf(query.query));
    const inSample = (sampled.get(query.dataset) ?? 0) < EXHAUSTIVE_QUERIES;
    if (inSample) sampled.set(query.dataset, (sampled.get(query.dataset) ?? 0) + 1);
    for (const probe of probesOfIt) {
      probes++;
      let start = performance.now();
      const candidates = index.candidates(probe);
      const found = scored(probe, candidates, possibleOf(probe.dataset));
      const tookCandidates = performance.now() - start;
      candidatesReturned += candidates.length;
      for (const candidate of candidates) candidateIds.add(`${probe.dataset}/${candidate.entryId}`);
      for (const { entry, score, features } of found) {
        const id = `${probe.dataset}/${entry.entryId}`;
        const level = levelOf(probe.dataset, score, features);
        if (level && (!answer.has(id) || answer.get(id)!.score < score)) answer.set(id, { entry: id, level, score });
      }
      if (inSample) {
        start = performance.now();
        const everything = index.exhaustive(probe, possibleOf(probe.dataset));
        exhaustiveMs += performance.now() - start;
        candidateMs += tookCandidates;
        sampledProbes++;
        const returned = new Set(candidates.map((candidate) => candidate.entryId));
        const counts = pairs.get(probe.dataset) ?? { all: 0, found: 0 };
        counts.all += everything.length;
        counts.found += everything.filter(({ entry }) => returned.has(entry.entryId)).length;
        pairs.set(probe.dataset, counts);
      }
    }
    answers.push([...answer.values()].sort((a, b) => b.score - a.score));
    if (query.expected) {
      const id = `${query.expected.dataset}/${query.expected.entryId}`;
      const entry = entryById.get(id)!;
      const best = Math.max(
        0,
        ...probesOfIt
          .filter((probe) => probe.dataset === entry.dataset)
          .map((probe) => scored(probe, [entry], 0)[0]?.score ?? 0),
      );
      if (best >= possibleOf(entry.dataset)) {
        labelled++;
        if (candidateIds.has(id)) labelledFound++;
        else missedVariants.push(`${query.dataset}/${query.variant}`);
      }
    }
  }
  figures.candidate_recall_ratio = round(labelled === 0 ? 1 : labelledFound / labelled, 4);
  figures.candidate_recall_true_matches = labelled;
  figures.candidate_recall_missed = labelled - labelledFound;
  const allPairs = [...pairs.values()].reduce((sum, counts) => sum + counts.all, 0);
  const pairsFound = [...pairs.values()].reduce((sum, counts) => sum + counts.found, 0);
  figures.candidate_recall_pairs_ratio = round(allPairs === 0 ? 1 : pairsFound / allPairs, 4);
  figures.candidate_recall_pairs = allPairs;
  for (const [dataset, counts] of [...pairs.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    figures[`${figureStem(dataset)}_candidate_recall_pairs_ratio`] = round(
      counts.all ? counts.found / counts.all : 1,
      4,
    );
    figures[`${figureStem(dataset)}_candidate_recall_pairs`] = counts.all;
  }
  figures.candidates_per_probe_mean = round(candidatesReturned / Math.max(1, probes), 1);
  figures.exhaustive_sample_probes = sampledProbes;
  figures.exhaustive_per_probe_ms = round(exhaustiveMs / Math.max(1, sampledProbes), 1);
  figures.candidate_stage_per_probe_ms = round(candidateMs / Math.max(1, sampledProbes), 3);
  figures.exhaustive_vs_candidate_time_ratio = round(exhaustiveMs / Math.max(1e-9, candidateMs), 0);
  const missed = Object.entries(countBy(missedVariants)).map(([variant, count]) => `${variant} ${count}`);
  if (missed.length > 0) notes.push(`candidate stage missed: ${missed.join(', ')}`);
  log(
    `candidate stage: recall ${figures.candidate_recall_ratio} (${labelledFound}/${labelled} labelled), pairs ${figures.candidate_recall_pairs_ratio} (${pairsFound}/${allPairs}); ` +
      `exhaustive ${figures.exhaustive_per_probe_ms} ms per probe vs candidates ${figures.candidate_stage_per_probe_ms} ms (×${figures.exhaustive_vs_candidate_time_ratio}, ${sampledProbes} probes)`,
  );
  return answers;
}

/** Loads the entries with the loader CLI, starts intake and matching, and checks every query; the hits of each. */
async function checkThroughService(
  context: BenchContext,
  entries: Record<DatasetName, unknown[]>,
  queries: MatchingCase[],
  figures: Record<string, number>,
): Promise<Returned[]> {
  const environment = await openBenchEnvironment('matchq', context);

  let started = performance.now();
  for (const dataset of DATASETS) {
    const loadStarted = performance.now();
    await loadReferenceEntries(context, environment.databaseUrl, dataset, entries[dataset]);
    log(`loaded ${entries[dataset].length.toLocaleString('en-US')} ${dataset} entries in ${seconds(loadStarted)} s`);
  }
  figures.load_entries_per_s = Math.round((DATASETS.length * ENTRIES) / seconds(started));
  log(`discarded ${await discardLoadEvents(environment.databaseUrl)} reference.changed events of the loads`);

  const intake = await environment.startService('intake');
  const matching = await environment.startService(
    'matching',
    THRESHOLDS ? { MATCH_DATASET_THRESHOLDS: THRESHOLDS } : {},
  );
  const agencies = new Agencies(environment.databaseUrl, () => intake.url);
  const key = await agencies.key('FRA');
  await agencies.accepted(key, matching.url, 60_000);

  started = performance.now();
  const answers: Returned[] = [];
  for (let start = 0; start < queries.length; start += BATCH) {
    context.signal.throwIfAborted();
    const slice = queries.slice(start, start + BATCH);
    const { results } = await postJson<{ results: CheckResult[] }>(
      `${matching.url}/v1/checks/batch`,
      key,
      slice.map((query) => checkBodyOf(query.query)),
    );
    for (const result of results) {
      if (result.status !== 200)
        throw new Error(`query ${slice[result.index].query.externalRef} refused: ${JSON.stringify(result.error)}`);
      answers[start + result.index] = (result.hits ?? []).map((hit) => ({
        entry: `${hit.dataset}/${hit.entryId}`,
        level: hit.level,
        score: hit.score,
      }));
    }
  }
  figures.service_check_per_query_ms = round((performance.now() - started) / queries.length, 2);
  log(
    `checked ${queries.length} queries through the service in ${seconds(started)} s (${figures.service_check_per_query_ms} ms each)`,
  );
  return answers;
}

function addQualityFigures(figures: Record<string, number>, groups: Map<string, GroupQuality>, prefix: string): void {
  const sorted = [...groups.entries()].sort(([a], [b]) =>
    a === 'overall' ? -1 : b === 'overall' ? 1 : a.localeCompare(b),
  );
  for (const [group, quality] of sorted) {
    const stem = `${prefix}${groupStem(group)}`;
    const negativesOnly = quality.positives === 0;
    if (!negativesOnly) {
      figures[`${stem}precision_ratio`] = round(quality.precision, 4);
      figures[`${stem}recall_ratio`] = round(quality.recall, 4);
      figures[`${stem}f1_ratio`] = round(quality.f1, 4);
    }
    if (prefix === '') figures[`${stem}queries`] = quality.queries;
    if (quality.queries > quality.positives) figures[`${stem}false_hits`] = quality.falseHits;
  }
}

/**
 * What other grading would give, from the same answers: each dataset's hit
 * threshold raised; and hits kept only within BEST_MARGIN of the query's best
 * hit in that dataset (an entry that matches exactly makes one that matches
 * approximately the less likely), the others becoming possibles.
 */
function addWhatIfFigures(figures: Record<string, number>, outcomes: LabelledOutcome[]): void {
  const datasetOf = (entry: string) => entry.slice(0, entry.indexOf('/'));
  for (const threshold of THRESHOLD_SWEEP) {
    const demoted = outcomes.map((outcome) => ({
      ...outcome,
      returned: outcome.returned.map((found) =>
        found.level === 'hit' && found.score < threshold ? { ...found, level: 'possible' as const } : found,
      ),
    }));
    const quality = matchingQuality(demoted, new Set(['hit']));
    for (const dataset of DATASETS) {
      const group = quality.get(`dataset:${dataset}`);
      if (!group) continue;
      const stem = `${figureStem(dataset)}_hit_at_${String(threshold).replace('.', '_')}`;
      figures[`${stem}_precision_ratio`] = round(group.precision, 4);
      figures[`${stem}_recall_ratio`] = round(group.recall, 4);
    }
  }
  const margin = outcomes.map((outcome) => {
    const best = new Map<string, number>();
    for (const found of outcome.returned)
      if (found.level === 'hit')
        best.set(datasetOf(found.entry), Math.max(best.get(datasetOf(found.entry)) ?? 0, found.score));
    return {
      ...outcome,
      returned: outcome.returned.map((found) =>
        found.level === 'hit' && found.score < best.get(datasetOf(found.entry))! - BEST_MARGIN
          ? { ...found, level: 'possible' as const }
          : found,
      ),
    };
  });
  const quality = matchingQuality(margin, new Set(['hit']));
  for (const group of ['overall', ...DATASETS.map((dataset) => `dataset:${dataset}`)]) {
    const counts = quality.get(group);
    if (!counts) continue;
    const stem = `${groupStem(group)}hits_within_best_margin`;
    figures[`${stem}_precision_ratio`] = round(counts.precision, 4);
    figures[`${stem}_recall_ratio`] = round(counts.recall, 4);
  }
}

/** A few misses and false hits per variant, with what came back, to see what to fix. */
function printFailures(queries: MatchingCase[], answers: Returned[], entryById: Map<string, IndexedEntry>): void {
  if (FAILURES === 0) return;
  const shown = new Map<string, number>();
  for (const [at, query] of queries.entries()) {
    const hits = answers[at].filter((found) => found.level === 'hit');
    const expected = expectedOf(query);
    const missed = expected !== null && !hits.some((found) => found.entry === expected);
    const wrong = hits.filter((found) => found.entry !== expected);
    if (!missed && wrong.length === 0) continue;
    const variant = `${query.dataset}/${query.variant}`;
    const count = shown.get(variant) ?? 0;
    shown.set(variant, count + 1);
    if (count >= FAILURES) continue;
    const made = entryById.get(`${query.madeFrom.dataset}/${query.madeFrom.entryId}`)!;
    const probes = probesOfQuery(checkBodyOf(query.query)).filter((probe) => probe.dataset === made.dataset);
    const score = Math.max(0, ...probes.map((probe) => scored(probe, [made], 0)[0]?.score ?? 0));
    log(
      `${missed ? 'MISSED' : 'FALSE HIT'} ${variant} ${query.query.externalRef}: ${JSON.stringify(checkBodyOf(query.query)).slice(0, 400)}`,
    );
    log(
      `    made from ${query.madeFrom.entryId} (scores ${score}): ${JSON.stringify(describeEntry(made)).slice(0, 300)}`,
    );
    log(
      `    returned: ${
        answers[at]
          .slice(0, 3)
          .map((found) => `${found.entry} ${found.level} ${found.score}`)
          .join('; ') || 'nothing'
      }`,
    );
  }
  const totals = [...shown.entries()].map(([variant, count]) => `${variant} ${count}`).join(', ');
  if (totals) log(`failures per variant (misses and false hits at level hit): ${totals}`);
}

/** What an entry's facts say, briefly, for a failure line: name forms as their words, without their variants. */
function describeEntry(entry: IndexedEntry): unknown {
  const { nameForms: _forms, ...facts } = entry.facts as unknown as Record<string, unknown>;
  const words = (_key: string, value: unknown) => {
    const parts = (value as { parts?: { text: string }[] } | null)?.parts;
    return Array.isArray(parts) ? parts.map((part) => part.text).join(' ') : value;
  };
  return JSON.parse(JSON.stringify(facts, words));
}

function weakest(groups: Map<string, GroupQuality>): string[] {
  return [...groups.entries()]
    .filter(([group, quality]) => group.startsWith('variant:') && quality.positives > 0)
    .sort(([, a], [, b]) => a.f1 - b.f1)
    .slice(0, 5)
    .map(
      ([group, quality]) =>
        `weakest: ${group} F1 ${quality.f1.toFixed(3)} (precision ${quality.precision.toFixed(3)}, recall ${quality.recall.toFixed(3)}, ${quality.positives} queries)`,
    );
}

/** The entry a labelled query should find, as `dataset/entryId`; null for a hard negative. */
function expectedOf(query: MatchingCase): string | null {
  return query.expected && `${query.expected.dataset}/${query.expected.entryId}`;
}

function key(returned: Returned): string {
  return returned
    .map((found) => `${found.entry}:${found.level}`)
    .sort()
    .join(',');
}

function seconds(since: number): number {
  return Math.round((performance.now() - since) / 100) / 10;
}
