import { type FeatureEvidence, YEAR_ONLY_AGREEMENT_WEIGHT } from '@crosscheck/resolution';
import { levelOf } from './match-level';

const thresholds = { hit: 0.85, possible: 0.7 };
const evidence = (feature: string, score: number, weight = 1): FeatureEvidence => ({
  feature,
  score,
  weight,
  detail: '',
});
const name = evidence('name', 1);
/** As compareBirthDates weighs a date known to one side as a year only. */
const yearOnly = evidence('date_of_birth', 0.9, YEAR_ONLY_AGREEMENT_WEIGHT);

describe('levelOf', () => {
  it.each([
    ['a notice, name and the same birth date', 'notices', 0.97, [name, evidence('date_of_birth', 1)], 'hit'],
    ['a notice, name and only the year, agreeing', 'notices', 0.95, [name, yearOnly], 'hit'],
    [
      'a notice, a name agreeing loosely and only the year',
      'notices',
      0.88,
      [evidence('name', 0.9), yearOnly],
      'possible',
    ],
    ['a notice, name and day and month swapped', 'notices', 0.9, [name, evidence('date_of_birth', 0.85)], 'hit'],
    [
      'a notice, name and a shared passport, no birth date',
      'notices',
      0.96,
      [name, evidence('identity_document', 1)],
      'hit',
    ],
    ['a notice, the name alone', 'notices', 0.99, [name], 'possible'],
    [
      'a notice, name, sex and nationality',
      'notices',
      0.95,
      [name, evidence('sex', 1), evidence('nationality', 1)],
      'possible',
    ],
    ['a notice, name and a year off by one', 'notices', 0.86, [name, evidence('date_of_birth', 0.6)], 'possible'],
    [
      'a notice, name and a document one edit away',
      'notices',
      0.88,
      [name, evidence('identity_document', 0.75)],
      'possible',
    ],
    ['a notice below the possible threshold', 'notices', 0.6, [name], undefined],
    ['a notice between the thresholds, corroborated', 'notices', 0.8, [name, evidence('date_of_birth', 1)], 'possible'],
    ['a stolen document: its number is the evidence', 'sltd', 0.95, [evidence('document_number', 1)], 'hit'],
    ['a vehicle by VIN', 'smv', 1, [evidence('vin', 1)], 'hit'],
  ] as const)('%s: %s', (_, dataset, score, features, level) => {
    expect(levelOf(dataset, score, [...features], thresholds)).toBe(level);
  });
});
