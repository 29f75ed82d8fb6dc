/**
 * Learned transliteration: a name in Arabic, Hebrew, Cyrillic, Hangul, kana or
 * Han characters spelled as the world most often spells it in Latin letters,
 * from a table learned on public pairs of names in two scripts (see
 * scripts/names/build-transliteration-table.ts for the model and the data).
 * Rule-based romanisation (latin.ts) spells a name by its own language's
 * rules: 伊莎貝拉 is `yi sha bei la`, リクルス is `rikurusu`, Александр is
 * `aleksandr`. Names in other scripts are very often foreign names written as
 * they sound, and the learned spelling is the one their Latin twin uses:
 * `isabela`, `rickles`, `alexander`. The name engine keeps both.
 *
 * Each character takes the chunk learned for it in its widest known context:
 * both neighbours, then the right one, then the left one, then alone.
 * Characters the table does not know are left to the rule-based romanisation.
 */
import { romanize } from 'es-hangul';
import { remembered } from '../remembered';
import { chunkSound } from './chunk-sounds';
import { alignedLatin, insertionWeight, LearnedModel, MAX_CHUNK, modelUnits, modelWords } from './model-letters';
import { TRANSLITERATION_TABLE } from './transliteration-table.generated';

export type { LearnedModel } from './model-letters';

interface ModelTable {
  /** How likely each Latin chunk is for a character (EM's emissions), and the log of the likeliest. */
  emissions: Map<string, Map<string, number>>;
  bestLog: Map<string, number>;
  /** Per character, each sound its chunks make (see chunk-sounds.ts) with the likeliest chunk's probability. */
  sounds: Map<string, Map<string, number>>;
  /** How likely each Latin letter is to be written with no character, alone and before the next (see insertionContext). */
  insertions: Map<string, number>;
  /**
   * The log ratio that 99.5% of Latin names of other people stay under (Korean: 99.6%, see the build; and
   * alignmentSimilarity); -3 until calibrated.
   */
  otherPersonLogRatio: number;
  /** The same for words of one length in units (the last: that many or more), where the training pairs had enough of them. */
  otherPersonLogRatioByUnits: Map<number, number>;
  /** A unit the model has emissions for: how the model reads a closed Hangul syllable (see model-letters.ts). */
  knownWhole: (unit: string) => boolean;
  single: Map<string, string>;
  left: Map<string, string>;
  right: Map<string, string>;
  both: Map<string, string>;
  /** The words and spellings the alignment read lately (see PREPARED_MAX). */
  preparedWords: Map<string, PreparedWord>;
  preparedLatins: Map<string, PreparedLatin>;
  /** alignmentSimilarity's answers lately given, by word, then by Latin spelling (see SIMILARITIES_MAX). */
  similarities: Map<string, Map<string, number>>;
  /** How many answers `similarities` holds. */
  similaritiesHeld: number;
}

const START = '^';
const END = '$';

let tables: Map<string, ModelTable> | undefined;

function loadTables(): Map<string, ModelTable> {
  const loaded = new Map<string, ModelTable>();
  let current: ModelTable | undefined;
  for (const line of TRANSLITERATION_TABLE.split('\n')) {
    if (line.startsWith('#')) {
      const emissions = new Map<string, Map<string, number>>();
      current = {
        emissions,
        knownWhole: (unit) => emissions.has(unit),
        bestLog: new Map(),
        sounds: new Map(),
        insertions: new Map(),
        otherPersonLogRatio: -3,
        otherPersonLogRatioByUnits: new Map(),
        single: new Map(),
        left: new Map(),
        right: new Map(),
        both: new Map(),
        preparedWords: new Map(),
        preparedLatins: new Map(),
        similarities: new Map(),
        similaritiesHeld: 0,
      };
      loaded.set(line.slice(1), current);
      continue;
    }
    const [level, context, chunk, probability] = line.split('\t');
    if (!current || context === undefined) continue;
    if (level === 'C') {
      current.otherPersonLogRatio = Number(context);
      continue;
    }
    if (level === 'N') {
      current.otherPersonLogRatioByUnits.set(Number(context), Number(chunk));
      continue;
    }
    if (level === 'I') {
      current.insertions.set(context, Number(chunk));
      continue;
    }
    if (level === 'P') {
      const row = current.emissions.get(context) ?? new Map<string, number>();
      row.set(chunk ?? '', Number(probability));
      current.emissions.set(context, row);
      current.bestLog.set(context, Math.max(current.bestLog.get(context) ?? -Infinity, Math.log(Number(probability))));
      const sounds = current.sounds.get(context) ?? new Map<string, number>();
      const sound = chunkSound(chunk ?? '');
      sounds.set(sound, Math.max(sounds.get(sound) ?? 0, Number(probability)));
      current.sounds.set(context, sounds);
      continue;
    }
    const map =
      level === '1' ? current.single : level === 'L' ? current.left : level === 'R' ? current.right : current.both;
    map.set(context, chunk ?? '');
  }
  return loaded;
}

function tableOf(model: LearnedModel): ModelTable {
  tables ??= loadTables();
  return tables.get(model)!;
}

/**
 * The name's words in learned Latin spelling, lower case, space-separated; a
 * character the model does not know is kept as it is, for the rule-based
 * romanisation to take. Empty when the text has no letters.
 */
export function learnedLatin(text: string, model: LearnedModel): string {
  return learnedWords(text, model)
    .map(({ latin }) => latin)
    .join(' ');
}

/** A word as the model reads it: its units, each with emissions of its own where the table has them (see model-letters.ts). */
export function learnedUnits(word: string, model: LearnedModel): string[] {
  return modelUnits(word, model, tableOf(model).knownWhole);
}

/** Each word of the name as the model reads it (see model-letters.ts) with its learned Latin spelling. */
export function learnedWords(text: string, model: LearnedModel): { word: string; latin: string }[] {
  const table = tableOf(model);
  return modelWords(text, model, table.knownWhole).map(({ word, units }) => ({
    word,
    latin: learnedWord(units, table),
  }));
}

function learnedWord(chars: string[], table: ModelTable): string {
  let out = '';
  for (let index = 0; index < chars.length; index++) {
    const before = index === 0 ? START : chars[index - 1];
    const char = chars[index];
    const after = index === chars.length - 1 ? END : chars[index + 1];
    const chunk =
      table.both.get(before + char + after) ??
      table.right.get(char + after) ??
      table.left.get(before + char) ??
      table.single.get(char);
    out += chunk ?? unknownUnit(char);
  }
  return out;
}

const HANGUL_SYLLABLE = /^\p{Script=Hangul}$/u;

/**
 * A unit the table does not know, kept as written for the rule-based romanisation; but a Hangul syllable the
 * training pairs never showed (뤄, 줴) is romanised by rule within the word: kept as written, it cut the word
 * in two parts around it, neither tied to the written word, and the word was no longer aligned under the model.
 */
function unknownUnit(unit: string): string {
  return HANGUL_SYLLABLE.test(unit) ? romanize(unit) : unit;
}

/** A chunk the table does not have for a character: a spelling the data never showed, not an impossible one; by length. */
const UNSEEN_CHUNK = [1e-4, 1e-4, 1e-4, 1e-6, 1e-8, 1e-10];
/**
 * A chunk the table does not have for a character but that sounds like one it has (`bour` for 버, seen as
 * `ber`): that chunk's probability, times this. Chosen on the training splits (0.01–0.05 alike; 0.1 and more
 * lifts other people's names as much as the true ones).
 */
const SOUND_ALIKE_SHARE = 0.02;

/**
 * How well a Latin word aligns to a word in another script under the learned
 * emissions: the log-likelihood of the Latin word given the other (summed over
 * every alignment) against that of the likeliest spelling, per character.
 * 0 when the Latin word is the likeliest spelling; more negative the less
 * likely it is. Undefined when the model knows none of the word's characters.
 */
export function alignmentLogRatio(word: string, written: string, model: LearnedModel): number | undefined {
  return alignment(word, written, model)?.ratio;
}

/** alignmentLogRatio, and how many units the model read the word as. */
function alignment(word: string, written: string, model: LearnedModel): { ratio: number; units: number } | undefined {
  const table = tableOf(model);
  const { units: source, bestLog, known } = preparedWord(table, word, model);
  const { latin, insertion, chunks, sounds } = preparedLatin(table, written);
  const m = latin.length;
  const n = source.length;
  if (n === 0 || m === 0 || known === 0) return undefined;
  // A local: an imported binding may be read through an accessor (as esbuild and tsx compile it), once per chunk.
  const maxChunk = MAX_CHUNK;
  let previous = new Float64Array(m + 1);
  let next = new Float64Array(m + 1);
  previous[0] = 1;
  for (let i = 0; i <= n; i++) {
    // Letters written with no character, before the next character's chunk (or after the last).
    for (let j = 0; j < m; j++) if (previous[j] !== 0) previous[j + 1] += previous[j] * insertion[j];
    if (i === n) break;
    next.fill(0);
    const row = table.emissions.get(source[i]);
    const soundRow = table.sounds.get(source[i]);
    for (let j = 0; j <= m; j++) {
      const here = previous[j];
      if (here === 0) continue;
      for (let k = 0; k <= maxChunk && j + k <= m; k++) {
        const at = j * (maxChunk + 1) + k;
        // (An empty chunk sounds like no other chunk.)
        const chunk = (chunks[at] ??= latin.slice(j, j + k));
        const probability =
          row?.get(chunk) ??
          (k === 0 || !soundRow
            ? UNSEEN_CHUNK[k]
            : Math.max(
                UNSEEN_CHUNK[k] ?? 0,
                SOUND_ALIKE_SHARE * (soundRow.get((sounds[at] ??= chunkSound(chunk))) ?? 0),
              ));
        if (probability > 0) next[j + k] += here * probability;
      }
    }
    [previous, next] = [next, previous];
  }
  const total = previous[m];
  return { ratio: total > 0 ? (Math.log(total) - bestLog) / n : -Infinity, units: n };
}

/** A written word as the alignment reads it: its units, and the log-likelihood of its likeliest spelling. */
interface PreparedWord {
  units: string[];
  bestLog: number;
  /** How many of its units the model has emissions for. */
  known: number;
}

/** A Latin spelling as the alignment reads it: doubled letters once, and each letter's weight of going unwritten. */
interface PreparedLatin {
  latin: string;
  insertion: Float64Array;
  /** Each chunk of the word, at start j and length k: `j * (MAX_CHUNK + 1) + k`, sliced when first needed. */
  chunks: (string | undefined)[];
  /** Each chunk's sound (chunk-sounds.ts), worked out when first needed. */
  sounds: (string | undefined)[];
}

/**
 * The words and spellings the alignment read lately, as it read them. Scoring a record reads its own words
 * against each of its 50 candidates' spellings and the candidates' words against its spellings, so each comes
 * back many times; reading them again was a fifth of the alignment's time. Cleared when full (5,000 of each per
 * model: a batch of 32 records and their candidates reads about that many); the next records' words are soon back in.
 */
const PREPARED_MAX = 5_000;

function preparedWord(table: ModelTable, word: string, model: LearnedModel): PreparedWord {
  return remembered(
    table.preparedWords,
    word,
    () => {
      const units = modelUnits(word, model, table.knownWhole);
      let bestLog = 0;
      let known = 0;
      for (const unit of units) {
        const best = table.bestLog.get(unit);
        if (best !== undefined) known++;
        bestLog += best ?? Math.log(UNSEEN_CHUNK[1]);
      }
      return { units, bestLog, known };
    },
    PREPARED_MAX,
  );
}

function preparedLatin(table: ModelTable, written: string): PreparedLatin {
  return remembered(
    table.preparedLatins,
    written,
    () => {
      const latin = alignedLatin(written);
      const m = latin.length;
      const insertion = new Float64Array(m);
      for (let j = 0; j < m; j++) insertion[j] = insertionWeight(table.insertions, latin, j) ?? 0;
      const size = (m + 1) * (MAX_CHUNK + 1);
      return { latin, insertion, chunks: new Array(size), sounds: new Array(size) };
    },
    PREPARED_MAX,
  );
}

const BEAM = 8;

/**
 * The `count` likeliest Latin spellings of a word under the learned emissions
 * (character by character, a beam search), for candidate keys: a Latin name
 * the alignment accepts is most often one of them or close to one.
 */
export function learnedSpellings(word: string, model: LearnedModel, count: number): string[] {
  const table = tableOf(model);
  let beam: { text: string; logProbability: number }[] = [{ text: '', logProbability: 0 }];
  for (const char of modelUnits(word, model, table.knownWhole)) {
    const row = table.emissions.get(char);
    if (!row) continue;
    const next: { text: string; logProbability: number }[] = [];
    for (const hypothesis of beam) {
      for (const [chunk, probability] of row)
        next.push({ text: hypothesis.text + chunk, logProbability: hypothesis.logProbability + Math.log(probability) });
    }
    beam = next.sort((a, b) => b.logProbability - a.logProbability).slice(0, Math.max(BEAM, count));
  }
  return [...new Set(beam.map((hypothesis) => hypothesis.text).filter((text) => text.length > 0))].slice(0, count);
}

/** Similarity at the calibration point: just under where matching's `possible` starts for a name alone. */
const AT_OTHER_PERSON = 0.76;
const BELOW_OTHER_PERSON_SLOPE = 0.4;

/** Words of this many units or more share one calibration (see otherPersonLogRatioByUnits); shared with the build. */
export const CALIBRATED_UNITS = 6;

/**
 * alignmentLogRatio as a similarity in [0,1], on the scale name parts are
 * compared on: 1 for the likeliest spelling, AT_OTHER_PERSON where the
 * model's calibration puts Latin names of other people for a word of as many
 * units (measured on the training pairs when the table is built: a ratio per
 * unit spreads wider over two units than over six), falling fast below it.
 */
export function alignmentSimilarity(word: string, latin: string, model: LearnedModel): number {
  // One word meets one spelling many times over: a name's rule and learned forms carry the same written word, and
  // a check's candidates share their commonest parts (100 notices of a Smith). The answer is remembered.
  const table = tableOf(model);
  let answers = table.similarities.get(word);
  let similarity = answers?.get(latin);
  if (similarity !== undefined) return similarity;
  if (table.similaritiesHeld >= SIMILARITIES_MAX) {
    table.similarities.clear();
    table.similaritiesHeld = 0;
    answers = undefined;
  }
  if (!answers) table.similarities.set(word, (answers = new Map()));
  similarity = calibratedSimilarity(table, word, latin, model);
  answers.set(latin, similarity);
  table.similaritiesHeld++;
  return similarity;
}

/**
 * Pairs are many more than words: dedup asks about 210 a record, 4,000 new ones a batch of 32, and 43 % of what it
 * asks was asked before (bench:dedup, 3,000 records). A number each: a few MiB when full.
 */
const SIMILARITIES_MAX = 50_000;

function calibratedSimilarity(table: ModelTable, word: string, latin: string, model: LearnedModel): number {
  const aligned = alignment(word, latin, model);
  if (aligned === undefined || aligned.ratio === -Infinity) return 0;
  const calibration =
    table.otherPersonLogRatioByUnits.get(Math.min(aligned.units, CALIBRATED_UNITS)) ?? table.otherPersonLogRatio;
  const position = aligned.ratio / calibration;
  const similarity =
    position <= 1
      ? 1 - (1 - AT_OTHER_PERSON) * Math.max(0, position)
      : AT_OTHER_PERSON - BELOW_OTHER_PERSON_SLOPE * (position - 1);
  return Math.max(0, Math.min(1, similarity));
}

/** How big the loaded tables are: entries per model, for the benchmark's report. */
export function learnedTableSize(): Record<string, number> {
  tables ??= loadTables();
  const emissionCount = (table: ModelTable) => [...table.emissions.values()].reduce((sum, row) => sum + row.size, 0);
  return Object.fromEntries(
    [...tables].map(([model, table]) => [
      model,
      emissionCount(table) + table.single.size + table.left.size + table.right.size + table.both.size,
    ]),
  );
}
