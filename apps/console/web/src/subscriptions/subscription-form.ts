/**
 * A subscription as the form edits it (text for countries and the minimum
 * score) and as alerting takes it (lists and a number). Checks here are the
 * ones a person wants to hear about before pressing Save; alerting checks
 * everything again and its 400s are shown beside the fields too.
 */
import type { AlertLevel, Dataset, NoticeColour, RecordKind, Subscription, SubscriptionBody } from '../api/types';

export const DATASETS: Dataset[] = ['notices', 'sltd', 'smv', 'firearms', 'works-of-art'];
export const NOTICE_COLOURS: NoticeColour[] = [
  'red',
  'yellow',
  'blue',
  'black',
  'green',
  'orange',
  'purple',
  'silver',
  'un_special',
];
export const RECORD_KINDS: RecordKind[] = [
  'person',
  'travel_document',
  'vehicle',
  'firearm',
  'artwork',
  'organisation',
];
export const LEVELS: AlertLevel[] = ['hit', 'possible'];

export interface SubscriptionDraft {
  name: string;
  datasets: Dataset[];
  noticeColours: NoticeColour[];
  recordKinds: RecordKind[];
  countries: string;
  minScore: string;
  levels: AlertLevel[];
  webhookId: string;
}

export const EMPTY_DRAFT: SubscriptionDraft = {
  name: '',
  datasets: [],
  noticeColours: [],
  recordKinds: [],
  countries: '',
  minScore: '',
  levels: [],
  webhookId: '',
};

export function draftOf(subscription: Subscription): SubscriptionDraft {
  return {
    name: subscription.name,
    datasets: subscription.datasets ?? [],
    noticeColours: subscription.noticeColours ?? [],
    recordKinds: subscription.recordKinds ?? [],
    countries: (subscription.countries ?? []).join(', '),
    minScore:
      subscription.minScore === undefined || subscription.minScore === null ? '' : String(subscription.minScore),
    levels: subscription.levels ?? [],
    webhookId: subscription.webhookId ?? '',
  };
}

export type DraftProblems = Partial<Record<keyof SubscriptionDraft, string>>;

export function countriesOf(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((code) => code.trim().toUpperCase())
        .filter(Boolean),
    ),
  ];
}

export function problemsOf(draft: SubscriptionDraft): DraftProblems {
  const problems: DraftProblems = {};
  const name = draft.name.trim();
  if (name.length === 0) problems.name = 'Give the subscription a name.';
  else if (name.length > 100) problems.name = 'At most 100 characters.';
  const badCountries = countriesOf(draft.countries).filter((code) => !/^[A-Z]{3}$/.test(code));
  if (badCountries.length > 0)
    problems.countries = `Use ISO 3166 alpha-3 codes (like FRA, DEU): ${badCountries.join(', ')}`;
  if (draft.minScore.trim() !== '') {
    const score = Number(draft.minScore);
    if (!Number.isFinite(score) || score < 0 || score > 1) problems.minScore = 'A number from 0 to 1, like 0.8.';
  }
  return problems;
}

/** The whole body PUT and POST take; an empty filter is left out, which alerting reads as "any". */
export function bodyOf(draft: SubscriptionDraft): SubscriptionBody {
  const body: SubscriptionBody = { name: draft.name.trim() };
  if (draft.datasets.length > 0) body.datasets = draft.datasets;
  if (draft.noticeColours.length > 0) body.noticeColours = draft.noticeColours;
  if (draft.recordKinds.length > 0) body.recordKinds = draft.recordKinds;
  const countries = countriesOf(draft.countries);
  if (countries.length > 0) body.countries = countries;
  if (draft.minScore.trim() !== '') body.minScore = Number(draft.minScore);
  if (draft.levels.length > 0) body.levels = draft.levels;
  body.webhookId = draft.webhookId || null;
  return body;
}

/** Alerting names fields as the body does (`countries[1]`); the form shows each problem beside its field. */
export function serverProblems(details: { field: string; message: string }[]): DraftProblems {
  const problems: DraftProblems = {};
  for (const detail of details) {
    const field = detail.field.replace(/\[\d+\]$/, '').split('.')[0] as keyof SubscriptionDraft;
    if (field in EMPTY_DRAFT)
      problems[field] = problems[field] ? `${problems[field]}; ${detail.message}` : detail.message;
  }
  return problems;
}

/** "notices · red, yellow · hit · ≥ 80%": what a subscription listens for, in a line. */
export function summaryOf(subscription: SubscriptionBody): string[] {
  const parts: string[] = [];
  if (subscription.datasets?.length) parts.push(subscription.datasets.join(', '));
  if (subscription.noticeColours?.length)
    parts.push(`${subscription.noticeColours.map((colour) => colour.replace('_', ' ')).join(', ')} notices`);
  if (subscription.recordKinds?.length)
    parts.push(subscription.recordKinds.map((kind) => kind.replace('_', ' ')).join(', '));
  if (subscription.countries?.length) parts.push(subscription.countries.join(', '));
  if (subscription.levels?.length) parts.push(subscription.levels.join(' or '));
  if (subscription.minScore !== undefined && subscription.minScore !== null)
    parts.push(`score ≥ ${Math.round(subscription.minScore * 100)}%`);
  return parts.length > 0 ? parts : ['every hit your agency may see'];
}
