/**
 * The JSON shape of persons that crosscheck reads from agencies and from
 * reference files, turned into contract messages the same way everywhere.
 */
import type { MessageInitShape } from '@bufbuild/protobuf';
import { PartialDateSchema } from './gen/crosscheck/common/v1/common_pb';
import { type PersonNameJson, PersonNameSchema } from './gen/crosscheck/records/v1/records_pb';

/** `1971`, `1971-03` or `1971-03-14`. */
export const PARTIAL_DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function personNameFromJson(name: PersonNameJson): MessageInitShape<typeof PersonNameSchema> {
  return {
    full: name.full ?? [name.given, name.family].filter(Boolean).join(' '),
    given: name.given ?? '',
    family: name.family ?? '',
    original: name.original ?? '',
    script: name.script ?? '',
    alias: name.alias ?? false,
  };
}

/** A partial date as the contract carries it (0 = unknown), or undefined when absent or malformed. */
export function partialDateFromText(text: string | undefined): MessageInitShape<typeof PartialDateSchema> | undefined {
  const match = text ? PARTIAL_DATE_PATTERN.exec(text) : null;
  if (!match) return undefined;
  return { year: Number(match[1]), month: Number(match[2] ?? 0), day: Number(match[3] ?? 0) };
}
