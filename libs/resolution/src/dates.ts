/** Partial dates of birth (`1971`, `1971-03`, `1971-03-14`) compared as evidence, not equality. */
export interface PartialDate {
  year: number;
  /** 0 when unknown. */
  month: number;
  /** 0 when unknown. */
  day: number;
}

export interface DateAgreement {
  score: number;
  detail: string;
}

export function compareBirthDates(a: PartialDate | undefined, b: PartialDate | undefined): DateAgreement | undefined {
  if (!a?.year || !b?.year) return undefined;
  if (a.year !== b.year) {
    return Math.abs(a.year - b.year) === 1 ? { score: 0.3, detail: 'years one apart' } : { score: 0, detail: 'different years' };
  }
  if (!a.month || !b.month) return { score: 0.8, detail: 'same year, month unknown on one side' };
  if (a.month === b.month) {
    if (!a.day || !b.day) return { score: 0.9, detail: 'same year and month, day unknown on one side' };
    return a.day === b.day ? { score: 1, detail: 'same date' } : { score: 0.4, detail: 'same year and month, different day' };
  }
  if (a.day && b.day && a.month === b.day && a.day === b.month) return { score: 0.7, detail: 'day and month swapped' };
  return { score: 0.2, detail: 'same year, different month' };
}
