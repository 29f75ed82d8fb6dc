/**
 * One line of the project's NDJSON notice format, checked and turned into a
 * `ReferenceEntry`. Errors name the field and the rule.
 */
import { create } from '@bufbuild/protobuf';
import {
  DisseminationScope,
  NoticeColour,
  PARTIAL_DATE_PATTERN,
  partialDateFromText,
  PersonNameJson,
  personNameFromJson,
  ReferenceEntry,
  ReferenceEntrySchema,
  Sex,
} from '@crosscheck/contracts';

export interface NoticeLine {
  entryId: string;
  colour: string;
  noticeRef?: string;
  charges?: string;
  subject: {
    names: PersonNameJson[];
    dateOfBirth?: string;
    sex?: 'male' | 'female' | 'unknown';
    nationalities?: string[];
  };
}

const COLOURS: Record<string, NoticeColour> = {
  red: NoticeColour.RED,
  yellow: NoticeColour.YELLOW,
  blue: NoticeColour.BLUE,
  black: NoticeColour.BLACK,
  green: NoticeColour.GREEN,
  orange: NoticeColour.ORANGE,
  purple: NoticeColour.PURPLE,
  silver: NoticeColour.SILVER,
  un: NoticeColour.UN_SPECIAL,
};
const SEXES = { male: Sex.MALE, female: Sex.FEMALE, unknown: Sex.UNKNOWN } as const;

export class BadLine extends Error {}

export function parseNoticeLine(text: string, dataset: string, owner: string): ReferenceEntry {
  let line: NoticeLine;
  try {
    line = JSON.parse(text) as NoticeLine;
  } catch {
    throw new BadLine('not valid JSON');
  }
  if (typeof line.entryId !== 'string' || !line.entryId.trim()) throw new BadLine('entryId: must be a non-empty string');
  const colour = COLOURS[line.colour];
  if (!colour) throw new BadLine(`colour: must be one of ${Object.keys(COLOURS).join(', ')}`);
  const names = line.subject?.names;
  if (!Array.isArray(names) || names.length === 0) throw new BadLine('subject.names: must list at least one name');
  names.forEach((name, index) => {
    if (![name.full, name.given, name.family].some((part) => typeof part === 'string' && part.trim())) {
      throw new BadLine(`subject.names[${index}]: needs at least one of full, given or family`);
    }
  });
  if (line.subject.dateOfBirth && !PARTIAL_DATE_PATTERN.test(line.subject.dateOfBirth)) throw new BadLine('subject.dateOfBirth: must be YYYY, YYYY-MM or YYYY-MM-DD');

  return create(ReferenceEntrySchema, {
    entryId: line.entryId,
    dataset,
    owner,
    dissemination: { scope: DisseminationScope.ALL },
    body: {
      case: 'notice',
      value: {
        colour,
        noticeRef: line.noticeRef ?? '',
        charges: line.charges ?? '',
        subject: {
          names: names.map(personNameFromJson),
          dateOfBirth: partialDateFromText(line.subject.dateOfBirth),
          sex: line.subject.sex ? SEXES[line.subject.sex] : Sex.UNSPECIFIED,
          nationalities: line.subject.nationalities ?? [],
        },
      },
    },
  });
}
