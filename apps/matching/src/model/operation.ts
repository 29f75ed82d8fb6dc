/**
 * A coordinated, time-boxed operation (code, name, period, coordinator,
 * participants) and the rules of tagging checks with it; the report as one
 * participant may read it, and its CSV form. Pure.
 */
import { type DisseminationRule, maySee } from '@crosscheck/auth';
import { AgencyCode, OperationCode } from '@crosscheck/records';
import { compileSchema, defineFormat } from '@crosscheck/runtime';
import { type StaticDecode, Type } from '@sinclair/typebox';

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

defineFormat('calendar-date', {
  rule: 'isIso8601',
  check: (value) => {
    const match = CALENDAR_DATE.exec(value);
    if (!match) return false;
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  },
  message: () => 'must be a date as YYYY-MM-DD',
});

/** An operation as its coordinator starts it. */
export const OperationInputSchema = Type.Object(
  {
    code: OperationCode,
    name: Type.String({ pattern: '\\S', 'x-message': 'must not be blank', maxLength: 200 }),
    startsOn: Type.String({ format: 'calendar-date', examples: ['2026-06-01'] }),
    endsOn: Type.String({ format: 'calendar-date', examples: ['2026-06-14'] }),
    /** The other participating agencies; the coordinator (the caller) takes part anyway. */
    participants: Type.Array(AgencyCode, { maxItems: 200 }),
  },
  { $id: 'OperationInput', additionalProperties: false },
);

export type OperationInput = StaticDecode<typeof OperationInputSchema>;

export const operationInput = compileSchema(OperationInputSchema, (input) =>
  input.endsOn < input.startsOn
    ? [{ field: 'endsOn', rule: 'notBeforeStart', message: 'must not be before startsOn' }]
    : [],
);

export interface Operation {
  code: string;
  name: string;
  startsOn: string;
  endsOn: string;
  coordinator: string;
  participants: string[];
}

export interface OperationReport {
  operation: Operation;
  checks: { day: string; agency: string; dataset: string; count: number }[];
  hits: { dataset: string; noticeColour: string | null; level: string; count: number }[];
  /** Checks and hits per UTC day of the period, for the chart. */
  daily: { day: string; checks: number; hits: number }[];
  outcomes: { agency: string; outcome: string; count: number }[];
  /** Entities holding records that two or more participants shared for the operation, and those participants. */
  linkedEntities: { entityId: string; agencies: string[] }[];
  totals: { checks: number; hits: number; outcomes: number; linkedEntities: number };
}

/** What was recorded for the operation, each hit and outcome with the entry it rests on. */
export interface OperationRecords {
  checks: OperationReport['checks'];
  hits: {
    day: string;
    dataset: string;
    noticeColour: string | null;
    level: string;
    entryOwner: string;
    entryDissemination: DisseminationRule;
  }[];
  outcomes: { agency: string; outcome: string; entryOwner: string; entryDissemination: DisseminationRule }[];
  taggedRecords: { entityId: string; owner: string; dissemination: DisseminationRule }[];
}

/**
 * The report as `reader` may see it: every check counts, but hits and the outcomes that followed them only on
 * entries the reader may see, and an entity links participants' cases only through records the reader may see;
 * so two participants' reports can differ. The daily counts run from the first day to `today` or the last.
 */
export function operationReport(
  operation: Operation,
  recorded: OperationRecords,
  reader: string,
  today: string,
): OperationReport {
  const visible = <Row extends { entryOwner: string; entryDissemination: DisseminationRule }>(rows: Row[]) =>
    rows.filter((row) => maySee(reader, { owner: row.entryOwner, dissemination: row.entryDissemination }));
  const hits = countBy(visible(recorded.hits), (hit) => ({
    dataset: hit.dataset,
    noticeColour: hit.noticeColour,
    level: hit.level,
  })).sort((a, b) => a.dataset.localeCompare(b.dataset) || b.count - a.count);
  const outcomes = countBy(visible(recorded.outcomes), (row) => ({ agency: row.agency, outcome: row.outcome })).sort(
    (a, b) => a.agency.localeCompare(b.agency) || a.outcome.localeCompare(b.outcome),
  );
  const agenciesOf = new Map<string, Set<string>>();
  for (const record of recorded.taggedRecords) {
    if (!maySee(reader, { owner: record.owner, dissemination: record.dissemination })) continue;
    agenciesOf.set(record.entityId, (agenciesOf.get(record.entityId) ?? new Set()).add(record.owner));
  }
  const linkedEntities = [...agenciesOf]
    .filter(([, agencies]) => agencies.size >= 2)
    .map(([entityId, agencies]) => ({ entityId, agencies: [...agencies].sort() }))
    .sort((a, b) => b.agencies.length - a.agencies.length || a.entityId.localeCompare(b.entityId));
  return {
    operation,
    checks: recorded.checks,
    hits,
    daily: dailyCounts(operation, recorded.checks, visible(recorded.hits), today),
    outcomes,
    linkedEntities,
    totals: {
      checks: total(recorded.checks),
      hits: total(hits),
      outcomes: total(outcomes),
      linkedEntities: linkedEntities.length,
    },
  };
}

/** One row per day of the period (every day, so a chart shows the quiet ones), as far as today. */
function dailyCounts(
  operation: Operation,
  checks: { day: string; count: number }[],
  hits: { day: string }[],
  today: string,
): OperationReport['daily'] {
  const last = [operation.endsOn, today].sort()[0];
  const days: OperationReport['daily'] = [];
  for (let day = operation.startsOn; day <= last && days.length < 366; day = nextDay(day))
    days.push({
      day,
      checks: total(checks.filter((row) => row.day === day)),
      hits: hits.filter((hit) => hit.day === day).length,
    });
  return days;
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

function total(rows: { count: number }[]): number {
  return rows.reduce((sum, row) => sum + row.count, 0);
}

function countBy<Row, Key extends object>(rows: Row[], keyOf: (row: Row) => Key): (Key & { count: number })[] {
  const counted = new Map<string, Key & { count: number }>();
  for (const row of rows) {
    const key = keyOf(row);
    const id = JSON.stringify(key);
    const entry = counted.get(id) ?? { ...key, count: 0 };
    entry.count++;
    counted.set(id, entry);
  }
  return [...counted.values()];
}

/** The report as CSV: one section per table, a `section` column naming it. */
export function reportCsv(report: OperationReport): string {
  const rows = [
    'section,day,agency,dataset,notice_colour,level,outcome,count',
    ...report.checks.map((row) => ['checks', row.day, row.agency, row.dataset, '', '', '', row.count].join(',')),
    ...report.hits.map((row) =>
      ['hits', '', '', row.dataset, row.noticeColour ?? '', row.level, '', row.count].join(','),
    ),
    ...report.outcomes.map((row) => ['outcomes', '', row.agency, '', '', '', row.outcome, row.count].join(',')),
    ...report.linkedEntities.map((row) =>
      ['linked_entities', '', row.agencies.join(' '), '', '', '', '', row.agencies.length].join(','),
    ),
  ];
  return `${rows.join('\n')}\n`;
}
