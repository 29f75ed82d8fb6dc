/**
 * `npm run names:build-table`: learns how names in other scripts are spelled
 * in Latin letters, from public pairs of one name in two scripts, and writes
 * the compact table the name engine loads
 * (libs/resolution/src/names/learned/transliteration-table.generated.ts).
 *
 * Data (training splits only; the dev splits are for bench:names):
 *   ../shared/datasets/netranslit/<script>.train.tsv   Wikidata, CC0
 *   ../shared/datasets/google-ar2en/ar2en-train.txt     Apache-2.0 (Arabic)
 *
 * Model, per script: each character of the name emits a chunk of 0–5 Latin
 * letters, in order, and a Latin letter may be written with no character (at
 * a weight learned for the letter and the one after it: the e of Coupe / 쿠프,
 * see insertionContext). EM (forward-backward, 4 rounds) learns how likely
 * each chunk is for each character, then 2 rounds more on the pairs that read
 * as one name (see CLEAN_ROUNDS). The most likely alignment of every pair is
 * then counted in context (the character with its neighbours, `^`/`$` at the
 * ends), weighted by how often the pair occurs. The table keeps, for each
 * character, its most frequent chunk, and for a character with its left,
 * right or both neighbours the most frequent chunk where it differs from what
 * the shorter context would give, was seen often enough and has at least
 * half of that context's weight. Pairs whose best alignment is far less likely
 * than the median pair's are left out of the counts: they are mostly two
 * different names that Wikidata paired (hironori / 나가미네). Decoding (see
 * learned-transliteration.ts) takes the longest context known.
 *
 * Calibration: each model's table is then read back, and training names are
 * scored against another training name's Latin spelling of about the same
 * length; the log ratio 99.5% of them (Korean: 99.6%) stay under is kept
 * (`C` line) as the point where learned alignment stops counting as the same
 * name, and the same
 * for each word length in units with enough words (`N` lines: a ratio per
 * unit spreads wider over two units than over six; see alignmentSimilarity).
 *
 * Options: --datasets DIR (../shared/datasets) --rounds N (4) --models korean,chinese (all; the
 * others are kept from the table as it is; `none` rebuilds none). Every model is calibrated again.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  alignedLatin,
  insertionContext,
  insertionWeight,
  LearnedModel,
  MAX_CHUNK,
  KnownWhole,
  modelUnits,
} from '../../libs/resolution/src/names/learned/model-letters';

const root = path.resolve(__dirname, '../..');
const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const index = args.indexOf(`--${name}`);
  return index < 0 ? fallback : args[index + 1];
};
const DATASETS = path.resolve(root, option('datasets', '../shared/datasets'));
const ROUNDS = Number(option('rounds', '4'));
/** Only these models are rebuilt; the others are kept from the table as it is. */
const ONLY = option('models', 'arabic,hebrew,russian,korean,katakana,japanese,chinese').split(',') as LearnedModel[];
const OUTPUT = path.join(root, 'libs/resolution/src/names/learned/transliteration-table.generated.ts');

const MAX_SOURCE = 16;
const MAX_LATIN = 24;
/** Least weight for a context to be kept: trigram, bigram; and the least share of it its chunk must have. */
const MIN_TRIGRAM = 5;
const MIN_BIGRAM = 3;
const MIN_SHARE = 0.5;
/** Chunks less likely than this for a character are left out of the emission lines. */
const MIN_EMISSION = 0.01;
/** Pairs whose best alignment is this much less likely per character than the median are noise (another person's name) and not counted. */
const NOISE_LOG_MARGIN = 2.5;
/**
 * After the first EM rounds, this many more on the pairs whose best alignment is at most CLEAN_LOG_MARGIN less
 * likely per character than the median pair's. Chosen on the Korean training split (where about one pair in ten is
 * two names, such as a Japanese given name beside another family name): 2.5 cleans too little, 1.0 leaves out true
 * spellings; 1.5 keeps recall and lowers how often other people's names align.
 */
const CLEAN_ROUNDS = 2;
const CLEAN_LOG_MARGIN = 1.5;
const START = '^';
const END = '$';
/** Between the units of a context while counting (a unit may be two characters: Hebrew צ'). */
const SEPARATOR = '\u0001';

interface Pair {
  /** The name as written, and as the model's units (see model-letters.ts). */
  written: string;
  source: string[];
  latin: string;
  weight: number;
}

/**
 * Model name → its training files (netranslit script names; Arabic adds Google's pairs) and, where it is not
 * CALIBRATION_QUANTILE, the share of other people's names its calibration point stays above.
 */
const MODELS: Record<LearnedModel, { netranslit: string[]; ar2en?: boolean; calibrationQuantile?: number }> = {
  arabic: { netranslit: ['arabic'], ar2en: true },
  hebrew: { netranslit: ['hebrew'] },
  russian: { netranslit: ['russian'] },
  // Chosen on the training split: other people's Latin names of a word's own length flagged `possible` no more
  // often than before a final ㄹ before ㄹ was read as one l (0.995: a tenth more often; 0.997: recall falls).
  korean: { netranslit: ['korean'], calibrationQuantile: 0.996 },
  katakana: { netranslit: ['katakana'] },
  japanese: { netranslit: ['japanese'] },
  chinese: { netranslit: ['chinese'] },
};

const MARKS = /\p{M}/gu;
const NOT_LATIN_LETTER = /[^a-z]/g;
const SPACES = / /g;

function latinOf(text: string): string {
  return alignedLatin(text.normalize('NFD').replace(MARKS, '').toLowerCase().replace(NOT_LATIN_LETTER, ''));
}

/**
 * A closed Hangul syllable is learned as a whole when the training pairs show it this often (in pair weight),
 * else as its open syllable and final consonant (see model-letters.ts). Chosen on the training split.
 */
const MIN_WHOLE_SYLLABLE_WEIGHT = 20;

/** The closed Hangul syllables the Korean model learns whole: those the training pairs show often enough. */
function wholeSyllables(model: LearnedModel): KnownWhole | undefined {
  if (model !== 'korean') return undefined;
  const weights = new Map<string, number>();
  for (const { source, weight } of readPairs(model, () => true))
    for (const unit of source) weights.set(unit, (weights.get(unit) ?? 0) + weight);
  return (syllable) => (weights.get(syllable) ?? 0) >= MIN_WHOLE_SYLLABLE_WEIGHT;
}

function readPairs(model: LearnedModel, knownWhole?: KnownWhole): Pair[] {
  const pairs: Pair[] = [];
  const add = (sourceText: string, latinText: string, count: number) => {
    const source = modelUnits(sourceText, model, knownWhole);
    const latin = latinOf(latinText);
    if (source.length === 0 || latin.length === 0 || source.length > MAX_SOURCE || latin.length > MAX_LATIN) return;
    if (latin.length > source.length * MAX_CHUNK) return;
    pairs.push({ written: sourceText, source, latin, weight: 1 + Math.log(Math.max(1, count)) });
  };
  for (const script of MODELS[model].netranslit) {
    for (const line of readFileSync(path.join(DATASETS, 'netranslit', `${script}.train.tsv`), 'utf8').split('\n')) {
      // netranslit spaces every character: read as one word, so that a Hebrew letter and its geresh are one unit.
      const [latin, spaced, count] = line.split('\t');
      if (latin && spaced) add(spaced.replace(SPACES, ''), latin, Number(count) || 1);
    }
  }
  if (MODELS[model].ar2en) {
    for (const line of readFileSync(path.join(DATASETS, 'google-ar2en', 'ar2en-train.txt'), 'utf8').split('\n')) {
      const [source, latin] = line.split('\t');
      if (latin && source) add(source, latin, 1);
    }
  }
  return pairs;
}

type Emissions = Map<string, Map<string, number>>;
/**
 * How likely a Latin letter is to be written with nothing in the other script, alone (`e`) and before the letter
 * after it (`e$`, a silent final e; see insertionContext).
 */
type Insertions = Map<string, number>;

interface Model {
  emissions: Emissions;
  insertions: Insertions;
}

const emissionOf = (table: Emissions, char: string, chunk: string, fallback: number) =>
  table.get(char)?.get(chunk) ?? fallback;
const INITIAL_INSERTION = 0.01;
/** Bounds of a letter's insertion weight: never certain, never impossible. */
const MIN_INSERTION = 1e-4;
const MAX_INSERTION = 0.5;
/**
 * A letter's insertion weight in a context (see insertionContext) is kept where the context occurs with this much
 * pair weight; it is drawn toward the letter's own weight as if the letter's weight had been seen this many times
 * more (INSERTION_CONTEXT_PRIOR), so that a context seen a few times does not decide alone.
 */
const MIN_INSERTION_CONTEXT_WEIGHT = 30;
const INSERTION_CONTEXT_PRIOR = 10;

const clampInsertion = (weight: number) => Math.min(MAX_INSERTION, Math.max(MIN_INSERTION, weight));

/**
 * One EM round: expected counts of (character, chunk) under the current model, normalised per character; and of
 * each Latin letter written with no character, as a share of that letter's occurrences, alone and in context.
 */
function emRound(pairs: Pair[], model: Model | undefined): Model {
  const counts: Emissions = new Map();
  // Keyed by the letter and by the letter in context (see insertionContext).
  const inserted = new Map<string, number>();
  const occurrences = new Map<string, number>();
  const initial = (chunk: string) => (chunk.length === 0 ? 0.2 : 1);
  const insertion = (latin: string, j: number) =>
    (model && insertionWeight(model.insertions, latin, j)) ?? INITIAL_INSERTION;
  const add = (table: Map<string, number>, key: string, weight: number) =>
    table.set(key, (table.get(key) ?? 0) + weight);
  for (const { source, latin, weight } of pairs) {
    const n = source.length;
    const m = latin.length;
    const p = (i: number, chunk: string) =>
      model ? emissionOf(model.emissions, source[i], chunk, 1e-6) : initial(chunk);
    // forward[i][j]: source[0..i) emitted latin[0..j), with letters inserted between.
    const forward = new Float64Array((n + 1) * (m + 1));
    const backward = new Float64Array((n + 1) * (m + 1));
    forward[0] = 1;
    for (let i = 0; i <= n; i++) {
      for (let j = 0; j <= m; j++) {
        const here = forward[i * (m + 1) + j];
        if (here === 0) continue;
        if (j < m) forward[i * (m + 1) + j + 1] += here * insertion(latin, j);
        if (i === n) continue;
        for (let k = 0; k <= MAX_CHUNK && j + k <= m; k++)
          forward[(i + 1) * (m + 1) + j + k] += here * p(i, latin.slice(j, j + k));
      }
    }
    const total = forward[n * (m + 1) + m];
    if (!(total > 0)) continue;
    for (let i = n; i >= 0; i--) {
      for (let j = m; j >= 0; j--) {
        if (i === n && j === m) {
          backward[n * (m + 1) + m] = 1;
          continue;
        }
        let sum = j < m ? insertion(latin, j) * backward[i * (m + 1) + j + 1] : 0;
        if (i < n)
          for (let k = 0; k <= MAX_CHUNK && j + k <= m; k++)
            sum += p(i, latin.slice(j, j + k)) * backward[(i + 1) * (m + 1) + j + k];
        backward[i * (m + 1) + j] = sum;
      }
    }
    for (let j = 0; j < m; j++) {
      add(occurrences, latin[j], weight);
      add(occurrences, insertionContext(latin, j), weight);
    }
    for (let i = 0; i <= n; i++) {
      for (let j = 0; j <= m; j++) {
        const before = forward[i * (m + 1) + j];
        if (before === 0) continue;
        if (j < m) {
          const posterior = (before * insertion(latin, j) * backward[i * (m + 1) + j + 1]) / total;
          if (posterior >= 1e-4) {
            add(inserted, latin[j], posterior * weight);
            add(inserted, insertionContext(latin, j), posterior * weight);
          }
        }
        if (i === n) continue;
        for (let k = 0; k <= MAX_CHUNK && j + k <= m; k++) {
          const chunk = latin.slice(j, j + k);
          const posterior = (before * p(i, chunk) * backward[(i + 1) * (m + 1) + j + k]) / total;
          if (posterior < 1e-4) continue;
          let row = counts.get(source[i]);
          if (!row) counts.set(source[i], (row = new Map()));
          row.set(chunk, (row.get(chunk) ?? 0) + posterior * weight);
        }
      }
    }
  }
  for (const row of counts.values()) {
    let sum = 0;
    for (const value of row.values()) sum += value;
    for (const [chunk, value] of row) row.set(chunk, value / sum);
  }
  const insertions: Insertions = new Map();
  for (const [letter, seen] of occurrences)
    if (letter.length === 1) insertions.set(letter, clampInsertion((inserted.get(letter) ?? 0) / seen));
  for (const [context, seen] of occurrences) {
    if (context.length === 1 || seen < MIN_INSERTION_CONTEXT_WEIGHT) continue;
    const letterWeight = insertions.get(context[0])!;
    const weight =
      ((inserted.get(context) ?? 0) + INSERTION_CONTEXT_PRIOR * letterWeight) / (seen + INSERTION_CONTEXT_PRIOR);
    insertions.set(context, clampInsertion(weight));
  }
  return { emissions: counts, insertions };
}

/** The most likely chunks of one pair (letters written with no character left out) with their log-likelihood per character, or undefined when none covers it. */
function viterbi(pair: Pair, model: Model): { chunks: string[]; perChar: number } | undefined {
  const { source, latin } = pair;
  const n = source.length;
  const m = latin.length;
  const best = new Float64Array((n + 1) * (m + 1)).fill(-Infinity);
  // The chunk length that reached a cell, or INSERTED when a letter written with no character did.
  const back = new Int8Array((n + 1) * (m + 1)).fill(-1);
  const INSERTED = 100;
  best[0] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      const here = best[i * (m + 1) + j];
      if (here === -Infinity) continue;
      if (j < m) {
        const score = here + Math.log(insertionWeight(model.insertions, latin, j) ?? MIN_INSERTION);
        if (score > best[i * (m + 1) + j + 1]) {
          best[i * (m + 1) + j + 1] = score;
          back[i * (m + 1) + j + 1] = INSERTED;
        }
      }
      if (i === n) continue;
      for (let k = 0; k <= MAX_CHUNK && j + k <= m; k++) {
        const probability = emissionOf(model.emissions, source[i], latin.slice(j, j + k), 0);
        if (probability <= 0) continue;
        const score = here + Math.log(probability);
        const cell = (i + 1) * (m + 1) + j + k;
        if (score > best[cell]) {
          best[cell] = score;
          back[cell] = k;
        }
      }
    }
  }
  const total = best[n * (m + 1) + m];
  if (total === -Infinity) return undefined;
  const chunks: string[] = new Array(n);
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const k = back[i * (m + 1) + j];
    if (k === INSERTED) {
      j--;
      continue;
    }
    chunks[i - 1] = latin.slice(j - k, j);
    j -= k;
    i--;
  }
  return { chunks, perChar: total / n };
}

type Counts = Map<string, Map<string, number>>;

function count(table: Counts, context: string, chunk: string, weight: number): void {
  let row = table.get(context);
  if (!row) table.set(context, (row = new Map()));
  row.set(chunk, (row.get(chunk) ?? 0) + weight);
}

function argmax(row: Map<string, number>): { chunk: string; weight: number; total: number } {
  let chunk = '';
  let weight = -1;
  let total = 0;
  for (const [candidate, value] of row) {
    total += value;
    if (value > weight || (value === weight && candidate < chunk)) {
      chunk = candidate;
      weight = value;
    }
  }
  return { chunk, weight, total };
}

/**
 * Lines `level TAB context TAB chunk` of one model; levels: 1 character, L left+character, R character+right, 3 both;
 * and `P TAB character TAB chunk TAB probability`, the emissions EM learned.
 */
function buildModel(model: LearnedModel): { lines: string[]; pairs: number; aligned: number } {
  const pairs = readPairs(model, wholeSyllables(model));
  let learned: Model | undefined;
  for (let round = 0; round < ROUNDS; round++) learned = emRound(pairs, learned);
  const alignments = pairs.map((pair) => ({ pair, alignment: viterbi(pair, learned!) }));
  // EM again on the pairs that read as one name: two different names paired teach a character chunks it never spells.
  const oneName = noiseFloor(alignments, CLEAN_LOG_MARGIN);
  const clean = alignments.filter(({ alignment }) => alignment && alignment.perChar >= oneName).map(({ pair }) => pair);
  for (let round = 0; round < CLEAN_ROUNDS; round++) learned = emRound(clean, learned);
  // The spellings in context are counted from the alignments before the clean rounds: their sharper emissions draw
  // the commonest spelling over rarer ones (베이더 `bader`, not `beider`), which Jaro-Winkler then takes for another
  // name (Baker). The clean emissions serve the alignment scores.
  const floor = noiseFloor(alignments, NOISE_LOG_MARGIN);
  const unigram: Counts = new Map();
  const left: Counts = new Map();
  const right: Counts = new Map();
  const trigram: Counts = new Map();
  let aligned = 0;
  for (const { pair, alignment } of alignments) {
    if (!alignment || alignment.perChar < floor) continue;
    const { chunks } = alignment;
    aligned++;
    const chars = [START, ...pair.source, END];
    for (let i = 0; i < pair.source.length; i++) {
      const [before, char, after] = [chars[i], chars[i + 1], chars[i + 2]];
      count(unigram, char, chunks[i], pair.weight);
      count(left, before + SEPARATOR + char, chunks[i], pair.weight);
      count(right, char + SEPARATOR + after, chunks[i], pair.weight);
      count(trigram, before + SEPARATOR + char + SEPARATOR + after, chunks[i], pair.weight);
    }
  }
  const lines: string[] = [];
  // How likely each chunk is for each character, for scoring how well a Latin name aligns to a name in this script.
  for (const [char, row] of learned!.emissions) {
    for (const [chunk, probability] of row)
      if (probability >= MIN_EMISSION) lines.push(`P\t${char}\t${chunk}\t${probability.toFixed(3)}`);
  }
  // How likely each Latin letter is to be written with no character, alone and in context.
  for (const [letter, weight] of learned!.insertions) lines.push(`I\t${letter}\t${weight.toPrecision(3)}`);
  const unigramChunk = new Map<string, string>();
  for (const [char, row] of unigram) {
    const best = argmax(row).chunk;
    unigramChunk.set(char, best);
    lines.push(`1\t${char}\t${best}`);
  }
  const kept = { L: new Map<string, string>(), R: new Map<string, string>() };
  for (const [level, table] of [
    ['L', left],
    ['R', right],
  ] as const) {
    for (const [context, row] of table) {
      const best = argmax(row);
      if (best.total < MIN_BIGRAM || best.weight < best.total * MIN_SHARE) continue;
      const [first, second] = context.split(SEPARATOR);
      const char = level === 'L' ? second : first;
      if (best.chunk === unigramChunk.get(char)) continue;
      kept[level].set(first + second, best.chunk);
      lines.push(`${level}\t${first + second}\t${best.chunk}`);
    }
  }
  for (const [context, row] of trigram) {
    const best = argmax(row);
    if (best.total < MIN_TRIGRAM || best.weight < best.total * MIN_SHARE) continue;
    const [before, char, after] = context.split(SEPARATOR);
    const backoff = kept.R.get(char + after) ?? kept.L.get(before + char) ?? unigramChunk.get(char);
    if (best.chunk !== backoff) lines.push(`3\t${before + char + after}\t${best.chunk}`);
  }
  return { lines, pairs: pairs.length, aligned };
}

/** The log-likelihood per character `margin` below the median pair's best alignment. */
function noiseFloor(alignments: { alignment?: { perChar: number } }[], margin: number): number {
  const perChar = alignments.flatMap(({ alignment }) => (alignment ? [alignment.perChar] : [])).sort((a, b) => a - b);
  return perChar[Math.floor(perChar.length / 2)] - margin;
}

function main(): void {
  const sections: string[] = [];
  const summary: string[] = [];
  const kept = keptSections();
  for (const model of Object.keys(MODELS) as LearnedModel[]) {
    if (!ONLY.includes(model)) {
      sections.push(...kept.sections.get(model)!);
      summary.push(kept.summary.get(model)!);
      continue;
    }
    const started = Date.now();
    const { lines, pairs, aligned } = buildModel(model);
    sections.push(`#${model}`, ...lines.sort());
    summary.push(
      `${model}: ${pairs} pairs, ${aligned} counted, ${lines.length} table lines (${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
    process.stdout.write(`${summary[summary.length - 1]}\n`);
  }
  writeTable(sections, summary);
  // Calibration, with the table just written: where Latin names of other people fall for each model.
  const calibrated: string[] = [];
  // Every model, rebuilt or kept: the calibration follows the engine's scoring, which may have changed.
  for (const line of sections) {
    if (line.startsWith('C\t') || line.startsWith('N\t')) continue;
    calibrated.push(line);
    if (line.startsWith('#')) calibrated.push(...calibrationLines(line.slice(1) as LearnedModel));
  }
  writeTable(calibrated, summary);
}

/** The sections (calibration included) and summary lines of the table as it is, for the models not rebuilt. */
function keptSections(): { sections: Map<string, string[]>; summary: Map<string, string> } {
  const sections = new Map<string, string[]>();
  const summary = new Map<string, string>();
  if (ONLY.length === Object.keys(MODELS).length) return { sections, summary };
  const source = readFileSync(OUTPUT, 'utf8');
  const table = JSON.parse(source.slice(source.indexOf('= ') + 2, source.lastIndexOf(';'))) as string;
  let current: string[] = [];
  for (const line of table.split('\n')) {
    if (line.startsWith('#')) sections.set(line.slice(1), (current = []));
    current.push(line);
  }
  for (const match of source.matchAll(/^ \* (\w+): (\d+ pairs.*)$/gm))
    summary.set(match[1], `${match[1]}: ${match[2]}`);
  return { sections, summary };
}

/** Share of other people's Latin names the calibration point stays above. */
const CALIBRATION_QUANTILE = 0.995;
const CALIBRATION_PAIRS = 20_000;
/** Fewest training words of one length for that length to have a calibration of its own. */
const CALIBRATION_MIN_WORDS = 1000;
/** Another person's Latin name is drawn among those this many letters longer or shorter at most than the word's own. */
const CALIBRATION_LENGTH_SLACK = 1;
const CALIBRATION_DRAWS = 50;

/**
 * `C TAB ratio`: the log ratio 99.5% (or the model's calibrationQuantile) of training names paired with another
 * training name's Latin spelling stay under; and `N TAB units TAB ratio`, the same for words of one length in
 * units, for each length with enough words. The other name is drawn among names about as long as the word's own Latin spelling: the
 * other people a name must be told from are those whose names could be its spelling.
 */
function calibrationLines(model: LearnedModel): string[] {
  // Loaded here, after the table is written, so it reads the new table.
  const { alignmentLogRatio, CALIBRATED_UNITS, learnedUnits } =
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('../../libs/resolution/src/names/learned/learned-transliteration') as typeof import('../../libs/resolution/src/names/learned/learned-transliteration');
  const pairs = readPairs(model);
  const all: number[] = [];
  const byUnits = new Map<number, number[]>();
  for (let i = 0; i < CALIBRATION_PAIRS && i < pairs.length; i++) {
    const pair = pairs[i];
    let other: Pair | undefined;
    for (let draw = 1; draw <= CALIBRATION_DRAWS && !other; draw++) {
      const candidate = pairs[(i * 7919 + draw * 104729) % pairs.length];
      if (
        candidate.latin !== pair.latin &&
        Math.abs(candidate.latin.length - pair.latin.length) <= CALIBRATION_LENGTH_SLACK
      )
        other = candidate;
    }
    if (!other) continue;
    // As written, for the engine to read as it does.
    const { written } = pair;
    const ratio = alignmentLogRatio(written, other.latin, model);
    if (ratio === undefined) continue;
    all.push(ratio);
    const units = Math.min(learnedUnits(written, model).length, CALIBRATED_UNITS);
    const ratios = byUnits.get(units) ?? [];
    ratios.push(ratio);
    byUnits.set(units, ratios);
  }
  const share = MODELS[model].calibrationQuantile ?? CALIBRATION_QUANTILE;
  const lines = [`C\t${quantile(all, share).toFixed(3)}`];
  for (const [units, ratios] of [...byUnits].sort(([a], [b]) => a - b))
    if (ratios.length >= CALIBRATION_MIN_WORDS) lines.push(`N\t${units}\t${quantile(ratios, share).toFixed(3)}`);
  return lines;
}

function quantile(ratios: number[], share: number): number {
  ratios.sort((a, b) => a - b);
  return ratios[Math.floor(share * (ratios.length - 1))];
}

function writeTable(sections: string[], summary: string[]): void {
  const text = sections.join('\n');
  const source = [
    '/**',
    ' * Generated by `npm run names:build-table` (scripts/names/build-transliteration-table.ts); do not edit.',
    ' * Learned from netranslit (Wikidata, CC0) and google/transliteration ar2en (Apache-2.0) training splits.',
    ...summary.map((line) => ` * ${line}`),
    ' */',
    `export const TRANSLITERATION_TABLE = ${JSON.stringify(text)};`,
    '',
  ].join('\n');
  writeFileSync(OUTPUT, source);
  process.stdout.write(`wrote ${path.relative(root, OUTPUT)} (${(Buffer.byteLength(source) / 1024).toFixed(0)} KiB)\n`);
}

main();
