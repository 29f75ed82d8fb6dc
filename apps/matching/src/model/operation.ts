/**
 * A coordinated, time-boxed operation (code, name, period, coordinator,
 * participants) and the rules of tagging checks with it; the report's shape
 * and its CSV form. Pure.
 */
import { UpperCased } from '@crosscheck/records';
import { ArrayMaxSize, IsArray, IsISO8601, IsString, Matches, MaxLength } from 'class-validator';

export const OPERATION_CODE = /^[A-Z0-9][A-Z0-9-]{1,31}$/;

export class OperationDto {
  @IsString()
  @UpperCased()
  @Matches(OPERATION_CODE, { message: 'must be 2-32 upper-case letters, digits or "-"' })
  code!: string;

  @IsString()
  @Matches(/\S/, { message: 'must not be blank' })
  @MaxLength(200)
  name!: string;

  @IsISO8601({ strict: true }, { message: 'must be a date as YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date as YYYY-MM-DD' })
  startsOn!: string;

  @IsISO8601({ strict: true }, { message: 'must be a date as YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date as YYYY-MM-DD' })
  endsOn!: string;

  /** The other participating agencies; the coordinator (the caller) takes part anyway. */
  @IsArray()
  @ArrayMaxSize(200)
  @UpperCased()
  @Matches(/^[A-Z][A-Z0-9-]{1,15}$/, { each: true, message: 'each must be an agency code' })
  participants!: string[];
}

export interface Operation {
  code: string;
  name: string;
  startsOn: string;
  endsOn: string;
  coordinator: string;
  participants: string[];
}

/** Why an agency may not tag a check with the operation on `day` (YYYY-MM-DD), or undefined when it may. */
export function taggingProblem(operation: Operation, agency: string, day: string): string | undefined {
  if (!operation.participants.includes(agency)) return `${agency} does not take part in operation ${operation.code}`;
  if (day < operation.startsOn || day > operation.endsOn)
    return `operation ${operation.code} runs from ${operation.startsOn} to ${operation.endsOn}`;
  return undefined;
}

export interface OperationReport {
  operation: Operation;
  checks: { day: string; agency: string; dataset: string; count: number }[];
  hits: { dataset: string; noticeColour: string | null; level: string; count: number }[];
  totals: { checks: number; hits: number };
}

/** The report as CSV: one section per table, a `section` column naming it. */
export function reportCsv(report: OperationReport): string {
  const rows = [
    'section,day,agency,dataset,notice_colour,level,count',
    ...report.checks.map((row) => ['checks', row.day, row.agency, row.dataset, '', '', row.count].join(',')),
    ...report.hits.map((row) => ['hits', '', '', row.dataset, row.noticeColour ?? '', row.level, row.count].join(',')),
  ];
  return `${rows.join('\n')}\n`;
}
