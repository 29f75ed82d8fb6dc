/**
 * The public name data in ../shared/datasets (see its README), read for
 * bench:names: pairs of one name in Latin and another script (netranslit dev
 * splits), a real list of persons (US Congress) and persons on no list (yente
 * negatives), and the FEBRL deduplication sets. Nothing here is ours.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';

/** ../shared/datasets beside the clone, or CROSSCHECK_DATASETS (a clone elsewhere, such as a git worktree). */
export const DATASETS =
  process.env.CROSSCHECK_DATASETS ?? path.resolve(__dirname, '..', '..', '..', 'shared', 'datasets');

/** netranslit's scripts, by file name, with the ISO 15924 code a record would give. */
export const CROSS_SCRIPTS = {
  russian: 'Cyrl',
  arabic: 'Arab',
  hebrew: 'Hebr',
  korean: 'Kore',
  katakana: 'Jpan',
  japanese: 'Jpan',
  chinese: 'Hani',
} as const;
export type CrossScript = keyof typeof CROSS_SCRIPTS;

export interface ScriptPair {
  latin: string;
  other: string;
}

/** A seeded shuffle (mulberry32), so every run draws the same sample. */
export function shuffled<T>(items: T[], seed: number): T[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/** Dev pairs of one script: one per distinct Latin name and per distinct other-script name, in file order. */
export function scriptPairs(script: CrossScript, split: 'dev' | 'train' = 'dev'): ScriptPair[] {
  const pairs: ScriptPair[] = [];
  const seenLatin = new Set<string>();
  const seenOther = new Set<string>();
  for (const line of readFileSync(path.join(DATASETS, 'netranslit', `${script}.${split}.tsv`), 'utf8').split('\n')) {
    const [latin, spaced] = line.split('\t');
    if (!latin || !spaced) continue;
    const other = spaced.replace(/ /g, '');
    if (seenLatin.has(latin) || seenOther.has(other)) continue;
    seenLatin.add(latin);
    seenOther.add(other);
    pairs.push({ latin, other });
  }
  return pairs;
}

export interface ListedPerson {
  fullName: string;
  first: string;
  last: string;
  dateOfBirth: string;
}

function readCsv(file: string): Record<string, string>[] {
  return parse(readFileSync(file, 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
    relax_column_count: true,
  });
}

/** yente's files: the US Congress list (positives) or persons on no list (negatives_us, negatives_global). */
export function yentePersons(
  name: 'positives_us_congress_untreated' | 'negatives_us' | 'negatives_global',
): ListedPerson[] {
  return readCsv(path.join(DATASETS, 'yente', `${name}.csv`)).map((row) => ({
    fullName: row.full_name ?? '',
    first: row.first_name ?? '',
    last: row.last_name ?? '',
    dateOfBirth: row.date_of_birth ?? '',
  }));
}

export interface FebrlRecord {
  id: string;
  /** Records are the same person exactly when they share this. */
  person: string;
  given: string;
  family: string;
  dateOfBirth: string;
  socSecId: string;
  streetNumber: string;
  /** The street. */
  address1: string;
  /** A building or property name. */
  address2: string;
  suburb: string;
  postcode: string;
  /** An Australian state or territory, lower case (`nsw`). */
  state: string;
}

export function febrlRecords(set: 1 | 2 | 3): FebrlRecord[] {
  return readCsv(path.join(DATASETS, 'febrl', `dataset${set}.csv`)).map((row) => ({
    id: row.rec_id,
    person: row.rec_id.split('-')[1],
    given: row.given_name ?? '',
    family: row.surname ?? '',
    dateOfBirth: row.date_of_birth ?? '',
    socSecId: row.soc_sec_id ?? '',
    streetNumber: row.street_number ?? '',
    address1: row.address_1 ?? '',
    address2: row.address_2 ?? '',
    suburb: row.suburb ?? '',
    postcode: row.postcode ?? '',
    state: row.state ?? '',
  }));
}
