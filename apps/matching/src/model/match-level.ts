/**
 * Grading a scored pair: `hit`, `possible` or nothing, by the dataset's
 * thresholds and one product rule. A hit on a notice asks an agency to act on
 * a person (arrest, for a red notice), and both sides are told of it; a name,
 * however well it agrees, is shared by namesakes, and a query in another
 * script or without a birth date cannot tell them apart. So a notice hit needs
 * corroboration beyond the name: a birth date that agrees as far as both sides
 * know it (a year alone only for a name that agrees closely), or a shared
 * identity document. Name-only agreement is at most
 * `possible`, for an analyst to look at.
 */
import { type FeatureEvidence, YEAR_ONLY_AGREEMENT_WEIGHT } from '@crosscheck/resolution';
import type { DatasetName } from './datasets';

export type MatchLevelName = 'hit' | 'possible';

/** A birth-date comparison at least this good agrees (same date, same year when only the year is known, day and month swapped). */
const BIRTH_DATE_AGREES = 0.85;
/** A birth date known to one side only as a year corroborates a name that agrees at least this closely: a year is shared by many namesakes. */
const NAME_FOR_YEAR_ONLY = 0.95;
/** The same document number, type and country, or the same number read with one OCR confusion. */
const DOCUMENT_SHARED = 0.95;

/** The datasets of persons, where a name alone does not make a hit. */
const NEEDS_CORROBORATION: ReadonlySet<DatasetName> = new Set(['notices']);

export function levelOf(
  dataset: DatasetName,
  score: number,
  features: FeatureEvidence[],
  thresholds: { hit: number; possible: number },
): MatchLevelName | undefined {
  if (score >= thresholds.hit)
    return !NEEDS_CORROBORATION.has(dataset) || isCorroborated(features) ? 'hit' : 'possible';
  if (score >= thresholds.possible) return 'possible';
  return undefined;
}

/** Evidence beyond the name: an agreeing birth date or a shared identity document. */
export function isCorroborated(features: FeatureEvidence[]): boolean {
  const name = features.find((evidence) => evidence.feature === 'name')?.score ?? 0;
  return features.some(
    (evidence) =>
      (evidence.feature === 'date_of_birth' &&
        evidence.score >= BIRTH_DATE_AGREES &&
        (evidence.weight > YEAR_ONLY_AGREEMENT_WEIGHT || name >= NAME_FOR_YEAR_ONLY)) ||
      (evidence.feature === 'identity_document' && evidence.score >= DOCUMENT_SHARED),
  );
}
