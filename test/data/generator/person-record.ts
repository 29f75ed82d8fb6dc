/**
 * Writes a person down as an agency sends them to intake: the `person` of a
 * `POST /v1/records` body. The name goes into full/given/family in Latin or
 * in the culture's own script, with `original` and `script` (ISO 15924) when
 * the culture's script is there; `scriptOf` says which script dominates.
 */
import { Culture, ScriptCode } from './cultures';
import { IdentityDocument } from './identity-documents';
import { NamePart, PersonFacts, PersonName } from './person-facts';

/** One entry of `person.names`, in the field order of intake's PersonNameDto. */
export interface PersonNameJson {
  full?: string;
  given?: string;
  family?: string;
  original?: string;
  script?: string;
}

export interface PersonJson {
  names: PersonNameJson[];
  dateOfBirth?: string;
  sex: 'male' | 'female';
  nationalities: string[];
  documents?: IdentityDocument[];
}

type Side = 'latin' | 'native';

export function personJson(facts: PersonFacts): PersonJson {
  return {
    names: [personNameJson(facts.name, facts.culture)],
    ...(facts.dateOfBirth === undefined ? {} : { dateOfBirth: facts.dateOfBirth }),
    sex: facts.sex,
    nationalities: [...facts.nationalities],
    ...(facts.documents.length === 0 ? {} : { documents: facts.documents.map((document) => ({ ...document })) }),
  };
}

export function personNameJson(name: PersonName, culture: Culture): PersonNameJson {
  const side: Side = name.form === 'native' ? 'native' : 'latin';
  const given = givenText(name, side);
  const family = familyText(name, side);
  const fields: PersonNameJson = (() => {
    switch (name.layout) {
      case 'fields':
        return { given, family };
      case 'fields_and_full':
        return { full: fullText(name, culture, side, 'usual'), given, family };
      case 'swapped_fields':
        return { given: family, family: given };
      case 'full_reversed':
        return { full: fullText(name, culture, side, 'reversed') };
    }
  })();
  if (name.form === 'latin') return fields;
  return { ...fields, original: fullText(name, culture, 'native', 'usual'), script: culture.script };
}

/** The script the name's main fields are written in: Latin, unless the record carries the name in its own script only. */
export function scriptOf(name: PersonName, culture: Culture): ScriptCode {
  return name.form === 'native' ? culture.script : 'Latn';
}

export function givenText(name: PersonName, side: Side): string {
  return [name.given, name.middle]
    .filter((part): part is NamePart => part !== undefined)
    .map((part) => part[side])
    .join(' ');
}

export function familyText(name: PersonName, side: Side): string {
  return name.family.map((part) => part[side]).join(' ');
}

/** The whole name, in the culture's order (family first in Chinese, Japanese, Korean) or the other one. */
export function fullText(name: PersonName, culture: Culture, side: Side, order: 'usual' | 'reversed'): string {
  const separator = side === 'native' ? culture.nativeSeparator : ' ';
  const familyFirst = order === 'usual' ? culture.familyFirst : !culture.familyFirst;
  const [first, second] = familyFirst
    ? [familyText(name, side), givenText(name, side)]
    : [givenText(name, side), familyText(name, side)];
  return `${first}${separator}${second}`;
}
