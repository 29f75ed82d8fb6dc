import {
  absoluteTime,
  datasetLabel,
  enumLabel,
  featureLabel,
  memberDecision,
  noticeColourOf,
  partialDate,
  percent,
  relativeTime,
} from './labels';

describe('enumLabel', () => {
  it.each([
    ['SEX_MALE', 'male'],
    ['DOCUMENT_TYPE_PASSPORT', 'passport'],
    ['DOCUMENT_TYPE_ID_CARD', 'ID card'],
    ['DOCUMENT_STATUS_STOLEN_BLANK', 'stolen blank'],
    ['NOTICE_COLOUR_UN_SPECIAL', 'UN special'],
    ['RECORD_KIND_TRAVEL_DOCUMENT', 'travel document'],
    ['SEX_UNSPECIFIED', ''],
    [undefined, ''],
  ])('%p → %p', (value, expected) => {
    expect(enumLabel(value)).toBe(expected);
  });

  it('turns a notice colour enum into the colour alerting names', () => {
    expect(noticeColourOf('NOTICE_COLOUR_RED')).toBe('red');
    expect(noticeColourOf('NOTICE_COLOUR_UN_SPECIAL')).toBe('un_special');
  });
});

describe('partialDate', () => {
  it.each([
    [{ year: 1971, month: 3, day: 14 }, '14 Mar 1971'],
    [{ year: 1971, month: 3 }, 'Mar 1971'],
    [{ year: 1971 }, '1971'],
    [{}, ''],
    [undefined, ''],
  ])('%p → %p', (date, expected) => {
    expect(partialDate(date)).toBe(expected);
  });
});

describe('relativeTime', () => {
  const now = Date.parse('2026-03-14T12:00:00Z');
  it.each([
    ['2026-03-14T11:59:40Z', 'just now'],
    ['2026-03-14T11:55:00Z', '5 min ago'],
    ['2026-03-14T09:00:00Z', '3 h ago'],
    ['2026-03-13T12:00:00Z', 'yesterday'],
    ['2026-03-10T12:00:00Z', '4 days ago'],
    ['2026-01-02T08:05:00Z', '2 Jan 2026, 08:05 UTC'],
    ['not a date', ''],
  ])('%s → %p', (iso, expected) => {
    expect(relativeTime(iso, now)).toBe(expected);
  });

  it('writes absolute times in UTC, so agencies in other zones read the same', () => {
    expect(absoluteTime('2026-03-14T09:41:00+02:00')).toBe('14 Mar 2026, 07:41 UTC');
  });
});

it('names features, datasets and scores for people', () => {
  expect(featureLabel('date_of_birth')).toBe('Date of birth');
  expect(featureLabel('engine_number')).toBe('Engine number');
  expect(datasetLabel('sltd')).toBe('Stolen and lost travel documents');
  expect(datasetLabel('custom')).toBe('custom');
  expect(percent(0.876)).toBe('88%');
});

it('says how a record came into its entity', () => {
  expect(memberDecision('new_entity', 0)).toBe('first record of the entity');
  expect(memberDecision('joined_entity', 0.962)).toBe('joined at 96%');
  expect(memberDecision('merged_entities', 0.91)).toBe('merged entities (91%)');
  expect(memberDecision('unchanged', 0)).toBe('unchanged');
});
