/**
 * How values read to an analyst: protobuf enum names as words, ISO dates,
 * partial dates of birth, relative times, scores as percentages.
 */
import type { AlertStatus, PartialDate } from '../api/types';

/** `SEX_MALE` → "male", `DOCUMENT_TYPE_ID_CARD` → "id card", `NOTICE_COLOUR_UN_SPECIAL` → "UN special". */
export function enumLabel(value: string | undefined | null): string {
  if (!value) return '';
  const words = value
    .replace(
      /^(SEX|DOCUMENT_TYPE|DOCUMENT_STATUS|NOTICE_COLOUR|RECORD_KIND|DISSEMINATION_SCOPE|ORGANISATION_IDENTIFIER_TYPE)_/,
      '',
    )
    .toLowerCase()
    .split('_')
    .filter(Boolean);
  if (words[0] === 'unspecified') return '';
  return words.map((word) => (word === 'un' ? 'UN' : word === 'id' ? 'ID' : word)).join(' ');
}

export function noticeColourOf(value: string | undefined | null): string {
  return enumLabel(value)
    .replace(/ /g, '_')
    .replace(/^UN_special$/, 'un_special');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `{year:1971, month:3, day:14}` → "14 Mar 1971"; `{year:1971}` → "1971"; nothing → "". */
export function partialDate(date: PartialDate | undefined): string {
  if (!date?.year) return '';
  const month = date.month ? MONTHS[date.month - 1] : undefined;
  return [date.month && date.day ? String(date.day) : undefined, month, String(date.year)].filter(Boolean).join(' ');
}

export function percent(score: number): string {
  return `${Math.round(score * 100)}%`;
}

const STATUS_LABELS: Record<AlertStatus, string> = {
  new: 'New',
  acknowledged: 'Acknowledged',
  confirmed: 'Confirmed',
  false_positive: 'False positive',
  retracted: 'Retracted',
};

export function statusLabel(status: AlertStatus): string {
  return STATUS_LABELS[status] ?? status;
}

const FEATURE_LABELS: Record<string, string> = {
  name: 'Name',
  date_of_birth: 'Date of birth',
  nationality: 'Nationality',
  sex: 'Sex',
  document: 'Identity document',
  documents: 'Identity documents',
  identifier: 'Identifier',
  vin: 'VIN',
  plate: 'Plate',
  serial: 'Serial number',
  serial_number: 'Serial number',
  make: 'Make',
  title: 'Title',
  maker: 'Maker',
  object_type: 'Object type',
};

/** `date_of_birth` → "Date of birth"; a feature not known here still reads as words. */
export function featureLabel(feature: string): string {
  if (FEATURE_LABELS[feature]) return FEATURE_LABELS[feature];
  const words = feature.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const DATASET_LABELS: Record<string, string> = {
  notices: 'Notices',
  sltd: 'Stolen and lost travel documents',
  smv: 'Stolen motor vehicles',
  firearms: 'Firearms',
  'works-of-art': 'Works of art',
};

export function datasetLabel(dataset: string): string {
  return DATASET_LABELS[dataset] ?? dataset;
}

/** "just now", "5 min ago", "3 h ago", "yesterday", "4 days ago", then the date. */
export function relativeTime(iso: string, now: number = Date.now()): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '';
  const seconds = Math.round((now - then) / 1000);
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  if (days === 1) return 'yesterday';
  if (days < 7) return `${days} days ago`;
  return absoluteTime(iso);
}

/** "14 Mar 2026, 09:41 UTC": unambiguous across the agencies' time zones. */
export function absoluteTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}, ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`;
}

/** How a record came to be in its entity, as dedup records it (`new_entity`, `joined_entity` with its score...). */
export function memberDecision(decision: string, score: number): string {
  const plain = decision.replace(/^resolution_decision_/i, '').toLowerCase();
  if (plain === 'new_entity') return 'first record of the entity';
  if (plain === 'joined_entity') return `joined at ${percent(score)}`;
  const words = plain.replace(/_/g, ' ');
  return score > 0 ? `${words} (${percent(score)})` : words;
}
