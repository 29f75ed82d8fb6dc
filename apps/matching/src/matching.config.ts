import { ServiceConfig } from '@crosscheck/runtime';
import { IsNumber, Max, Min } from 'class-validator';

export class MatchingConfig extends ServiceConfig {
  override PORT = 3003;
  override DATABASE_SCHEMA = 'matching';

  /** Score from which a match is a `hit`. */
  @IsNumber()
  @Min(0)
  @Max(1)
  MATCH_HIT_THRESHOLD: number = 0.85;

  /** Score from which a match is a `possible`; below it, no match. */
  @IsNumber()
  @Min(0)
  @Max(1)
  MATCH_POSSIBLE_THRESHOLD: number = 0.7;
}
