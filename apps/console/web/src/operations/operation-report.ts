/**
 * An operation's report as matching answers it (`GET /v1/operations/{code}/report`),
 * and the geometry of its daily chart: a pair of bars (checks, hits) per day,
 * both on one scale from 0 to the highest count. Pure.
 */
export interface OperationReport {
  operation: {
    code: string;
    name: string;
    startsOn: string;
    endsOn: string;
    coordinator: string;
    participants: string[];
  };
  checks: { day: string; agency: string; dataset: string; count: number }[];
  hits: { dataset: string; noticeColour: string | null; level: string; count: number }[];
  daily: { day: string; checks: number; hits: number }[];
  outcomes: { agency: string; outcome: string; count: number }[];
  linkedEntities: { entityId: string; agencies: string[] }[];
  totals: { checks: number; hits: number; outcomes: number; linkedEntities: number };
}

export interface DailyBar {
  day: string;
  series: 'checks' | 'hits';
  value: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Bars in a `width` × `height` box: each day a slot, its two bars side by side with a gap around them. */
export function dailyBars(daily: OperationReport['daily'], width: number, height: number): DailyBar[] {
  if (daily.length === 0) return [];
  const highest = Math.max(1, ...daily.flatMap((day) => [day.checks, day.hits]));
  const slot = width / daily.length;
  const bar = slot * 0.35;
  return daily.flatMap((day, index) =>
    (['checks', 'hits'] as const).map((series, which) => {
      const value = day[series];
      const barHeight = (value / highest) * height;
      return {
        day: day.day,
        series,
        value,
        x: index * slot + slot * 0.15 + which * bar,
        y: height - barHeight,
        width: bar,
        height: barHeight,
      };
    }),
  );
}

/** The report's address on the console's proxy, as JSON or as a CSV download. */
export function reportUrl(code: string, format: 'json' | 'csv'): string {
  return `/api/matching/v1/operations/${encodeURIComponent(code)}/report?format=${format}`;
}
