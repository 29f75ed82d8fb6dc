import { configClass, serviceRules, ServiceSettings, withDefault } from '@crosscheck/runtime';
import { Type } from '@sinclair/typebox';

const score = (value: number) => Type.Number({ minimum: 0, maximum: 1, default: value });
const SCORE = '(0(\\.\\d+)?|1(\\.0+)?)';
const DATASET_THRESHOLDS = `[a-z-]+=${SCORE}/${SCORE}`;

export const MatchingSettings = Type.Object({
  ...ServiceSettings.properties,
  PORT: withDefault(ServiceSettings.properties.PORT, 3003),
  DATABASE_SCHEMA: withDefault(ServiceSettings.properties.DATABASE_SCHEMA, 'matching'),
  /** Score from which a match is a `hit`, unless the dataset has its own. */
  MATCH_HIT_THRESHOLD: score(0.85),
  /** Score from which a match is a `possible`; below it, no match. */
  MATCH_POSSIBLE_THRESHOLD: score(0.7),
  /** Per-dataset thresholds over the two above: `sltd=0.9/0.8,smv=0.9/0.75` (hit/possible). */
  MATCH_DATASET_THRESHOLDS: Type.String({
    pattern: `^$|^${DATASET_THRESHOLDS}(,${DATASET_THRESHOLDS})*$`,
    'x-message': 'must list dataset=hit/possible pairs, e.g. sltd=0.9/0.8,smv=0.9/0.75',
    default: '',
  }),
  /**
   * Candidates scored per probe, those sharing the most (rarity-weighted) blocking keys first. Names
   * written in Hangul, kana or Han share only coarse sound keys with their Latin twins, and in a
   * crowded dataset their twin can rank behind others sharing the same keys: 100 keeps it in reach
   * at the cost of reading and scoring twice the entries of the old 50 (bench:names, bench:matching).
   */
  MATCH_CANDIDATES_PER_PROBE: Type.Integer({ minimum: 10, maximum: 1000, default: 100 }),
  /** Hit/no-hit answers one agency may draw on one restricted entry within the probe window before the alarm. */
  HIT_NO_HIT_ALARM_ANSWERS: Type.Integer({ minimum: 1, default: 100 }),
  /** The probe window, in minutes: answers older than this no longer count towards the alarm. */
  HIT_NO_HIT_ALARM_WINDOW_MINUTES: Type.Integer({ minimum: 1, default: 60 }),
});

export class MatchingConfig extends configClass(MatchingSettings, serviceRules) {
  thresholdsOf(dataset: string): { hit: number; possible: number } {
    for (const pair of this.MATCH_DATASET_THRESHOLDS.split(',').filter(Boolean)) {
      const [name, levels] = pair.split('=');
      if (name !== dataset) continue;
      const [hit, possible] = levels.split('/').map(Number);
      return { hit, possible };
    }
    return { hit: this.MATCH_HIT_THRESHOLD, possible: this.MATCH_POSSIBLE_THRESHOLD };
  }
}
