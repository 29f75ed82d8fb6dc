/**
 * A pair's score and the evidence behind it, feature by feature, so an
 * analyst can see why two records matched. The score is the weighted mean of
 * the features' scores: a feature present on one side only is no evidence
 * either way and is left out, and weights differ by outcome (two sexes that
 * agree say little, two that differ say much more).
 */

export interface FeatureEvidence {
  /** `name`, `date_of_birth`, `vin`... */
  feature: string;
  /** How far the two records agree on this feature, in [0,1]. */
  score: number;
  /** How much this agreement (or disagreement) counts. */
  weight: number;
  /** For a person to read: `family name: Ivanov ≈ Ivanoff (JW 0.91)`. */
  detail: string;
}

export interface PairScore {
  /** In [0,1], rounded to 3 decimals; 0 when the records share no feature to compare. */
  score: number;
  features: FeatureEvidence[];
  /**
   * Set when the pair was scored only as far as needed to know it cannot reach
   * the floor its caller asked for (scoreRecords): `score` is then the most it
   * could reach, and `features` leave out what was not compared.
   */
  capped?: true;
}

export function pairScore(features: FeatureEvidence[]): PairScore {
  let weight = 0;
  let total = 0;
  for (const feature of features) {
    weight += feature.weight;
    total += feature.score * feature.weight;
  }
  return { score: weight === 0 ? 0 : round(total / weight), features };
}

export function feature(name: string, score: number, weight: number, detail: string): FeatureEvidence {
  return { feature: name, score: round(score), weight: round(weight), detail };
}

/**
 * The weight of a feature that counts more the less it agrees: `base` when it
 * agrees fully (from 0.9 up), rising linearly to `base + extra` at no agreement.
 */
export function weightByDisagreement(score: number, base: number, extra: number): number {
  return base + (extra * Math.max(0, 0.9 - score)) / 0.9;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
