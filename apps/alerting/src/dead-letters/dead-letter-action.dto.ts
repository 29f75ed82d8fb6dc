import { IsString, MaxLength, MinLength } from 'class-validator';

/** Why an operator replays or discards a dead letter; kept on it and in the audit log. */
export class DeadLetterActionDto {
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  reason!: string;
}
