import { ServiceConfig } from '@crosscheck/runtime';
import { IsInt, IsNumber, Matches, Max, Min } from 'class-validator';

export class MatchingConfig extends ServiceConfig {
  override PORT = 3003;
  override DATABASE_SCHEMA = 'matching';

  /** Score from which a match is a `hit`, unless the dataset has its own. */
  @IsNumber()
  @Min(0)
  @Max(1)
  MATCH_HIT_THRESHOLD: number = 0.85;

  /** Score from which a match is a `possible`; below it, no match. */
  @IsNumber()
  @Min(0)
  @Max(1)
  MATCH_POSSIBLE_THRESHOLD: number = 0.7;

  /** Per-dataset thresholds over the two above: `sltd=0.9/0.8,smv=0.9/0.75` (hit/possible). */
  @Matches(
    /^$|^[a-z-]+=(0(\.\d+)?|1(\.0+)?)\/(0(\.\d+)?|1(\.0+)?)(,[a-z-]+=(0(\.\d+)?|1(\.0+)?)\/(0(\.\d+)?|1(\.0+)?))*$/,
    {
      message: 'must list dataset=hit/possible pairs, e.g. sltd=0.9/0.8,smv=0.9/0.75',
    },
  )
  MATCH_DATASET_THRESHOLDS: string = '';

  /**
   * Candidates scored per probe, those sharing the most (rarity-weighted) blocking keys first. Names
   * written in Hangul, kana or Han share only coarse sound keys with their Latin twins, and in a
   * crowded dataset their twin can rank behind others sharing the same keys: 100 keeps it in reach
   * at the cost of reading and scoring twice the entries of the old 50 (bench:names, bench:matching).
   */
  @IsInt()
  @Min(10)
  @Max(1000)
  MATCH_CANDIDATES_PER_PROBE: number = 100;

  /** Hit/no-hit answers one agency may draw on one restricted entry within the probe window before the alarm. */
  @IsInt()
  @Min(1)
  HIT_NO_HIT_ALARM_ANSWERS: number = 100;

  /** The probe window, in minutes: answers older than this no longer count towards the alarm. */
  @IsInt()
  @Min(1)
  HIT_NO_HIT_ALARM_WINDOW_MINUTES: number = 60;

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
