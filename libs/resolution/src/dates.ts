/**
 * Partial dates of birth (`1971`, `1971-03`, `1971-03-14`) compared as
 * evidence, not equality: how much two dates agree (score) and how much that
 * says (weight). Two full dates that agree say a lot; a year that agrees with
 * a full date says little; two full dates years apart say a lot against.
 * Typing slips count as weak agreement: day and month swapped, year off by one.
 */

/** Partial dates of birth (`1971`, `1971-03`, `1971-03-14`) compared as evidence, not equality. */
export interface PartialDate {
  year: number;
  /** 0 when unknown. */
  month: number;
  /** 0 when unknown. */
  day: number;
}

export interface DateAgreement {
  /** How far the dates agree, in [0,1]. */
  score: number;
  /** How much this comparison says, the weight of the evidence in a score. */
  weight: number;
  detail: string;
}

/** The date as a record gives it, or undefined when the year is unknown; impossible months and days count as unknown. */
export function partialDateOf(
  date: { year?: number; month?: number; day?: number } | undefined,
): PartialDate | undefined {
  if (!date || date.year === undefined || !Number.isInteger(date.year) || date.year <= 0) return undefined;
  const month = Number.isInteger(date.month) && date.month! >= 1 && date.month! <= 12 ? date.month! : 0;
  const day = month && Number.isInteger(date.day) && date.day! >= 1 && date.day! <= 31 ? date.day! : 0;
  return { year: date.year, month, day };
}

/** `1971-03-14`, `1971-03`, `1971`. */
export function formatPartialDate(date: PartialDate): string {
  if (!date.month) return String(date.year);
  const month = date.month < 10 ? `-0${date.month}` : `-${date.month}`;
  if (!date.day) return `${date.year}${month}`;
  return `${date.year}${month}${date.day < 10 ? '-0' : '-'}${date.day}`;
}

const agree = (score: number, weight: number, detail: string): DateAgreement => ({ score, weight, detail });

/** The weight of two dates that agree as far as one of them goes, which is the year alone: little evidence. */
export const YEAR_ONLY_AGREEMENT_WEIGHT = 0.15;

/** Undefined when either side has no year: then the dates say nothing. */
export function compareBirthDates(a: PartialDate | undefined, b: PartialDate | undefined): DateAgreement | undefined {
  if (!a?.year || !b?.year) return undefined;
  const both = `${formatPartialDate(a)} vs ${formatPartialDate(b)}`;
  const full = a.month > 0 && a.day > 0 && b.month > 0 && b.day > 0;
  const years = Math.abs(a.year - b.year);
  if (years > 1) return agree(0, full ? 0.6 : 0.45, `born years apart: ${both}`);
  if (years === 1) {
    // One digit of a year mistyped is a common error; the day and month agreeing says so.
    if (full && a.month === b.month && a.day === b.day)
      return agree(0.85, 0.45, `year off by one, same day and month: ${both}`);
    if (full) return agree(0.1, 0.45, `years one apart: ${both}`);
    if (a.month && a.month === b.month) return agree(0.6, 0.3, `year off by one, same month: ${both}`);
    return agree(0.3, 0.3, `years one apart: ${both}`);
  }
  if (!a.month || !b.month) {
    return a.month || b.month
      ? agree(0.9, YEAR_ONLY_AGREEMENT_WEIGHT, `same year, month unknown on one side: ${both}`)
      : agree(1, YEAR_ONLY_AGREEMENT_WEIGHT, `same year, only the year known: ${both}`);
  }
  if (a.month === b.month) {
    if (!a.day || !b.day) return agree(0.95, 0.25, `same year and month, day unknown on one side: ${both}`);
    return a.day === b.day
      ? agree(1, 0.45, `same date: ${formatPartialDate(a)}`)
      : agree(0.2, 0.5, `same year and month, another day: ${both}`);
  }
  if (!a.day || !b.day) return agree(0.1, 0.35, `same year, another month: ${both}`);
  if (a.month === b.day && a.day === b.month) return agree(0.85, 0.45, `day and month swapped: ${both}`);
  if (a.day === b.day) return agree(0.2, 0.5, `same year and day, another month: ${both}`);
  return agree(0.05, 0.5, `same year, another month and day: ${both}`);
}
