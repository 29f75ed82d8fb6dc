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
import { foldHan } from './han-forms';
import { TRANSLITERATION_TABLE } from './transliteration-table.generated';

/** The learned models: one per script, kana and kanji as Japanese writes them. */
export type LearnedModel = 'arabic' | 'hebrew' | 'russian' | 'korean' | 'katakana' | 'japanese' | 'chinese';

interface ModelTable {
  single: Map<string, string>;
  left: Map<string, string>;
  right: Map<string, string>;
  both: Map<string, string>;
}

const START = '^';
const END = '$';
const WORD_BREAK = /[\s\p{P}\p{Z}]+/u;
const MARKS_AND_LENGTH = /[\p{M}ー]/gu;

let tables: Map<string, ModelTable> | undefined;

function loadTables(): Map<string, ModelTable> {
  const loaded = new Map<string, ModelTable>();
  let current: ModelTable | undefined;
  for (const line of TRANSLITERATION_TABLE.split('\n')) {
    if (line.startsWith('#')) {
      current = { single: new Map(), left: new Map(), right: new Map(), both: new Map() };
      loaded.set(line.slice(1), current);
      continue;
    }
    const [level, context, chunk] = line.split('\t');
    if (!current || context === undefined) continue;
    const map = level === '1' ? current.single : level === 'L' ? current.left : level === 'R' ? current.right : current.both;
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
  const table = tableOf(model);
  const normalized = text.normalize('NFKC').toLowerCase();
  return (model === 'chinese' ? foldHan(normalized) : normalized)
    .split(WORD_BREAK)
    .map((word) => learnedWord([...word.replace(MARKS_AND_LENGTH, '')], table))
    .filter((word) => word.length > 0)
    .join(' ');
}

function learnedWord(chars: string[], table: ModelTable): string {
  let out = '';
  for (let index = 0; index < chars.length; index++) {
    const before = index === 0 ? START : chars[index - 1];
    const char = chars[index];
    const after = index === chars.length - 1 ? END : chars[index + 1];
    const chunk = table.both.get(before + char + after) ?? table.right.get(char + after) ?? table.left.get(before + char) ?? table.single.get(char);
    out += chunk ?? char;
  }
  return out;
}

/** How big the loaded tables are: entries per model, for the benchmark's report. */
export function learnedTableSize(): Record<string, number> {
  tables ??= loadTables();
  return Object.fromEntries([...tables].map(([model, table]) => [model, table.single.size + table.left.size + table.right.size + table.both.size]));
}
