/**
 * What each dataset's query maker offers the matching set: the variants it
 * makes, the entries it may make them of, and how. A made query carries only
 * its body; matching-cases.ts adds the envelope and the labels.
 */
import { ScriptCode } from '../generator/cultures';
import { PersonFacts } from '../generator/person-facts';
import { personJson, scriptOf } from '../generator/person-record';
import { Prng } from '../generator/prng';
import { PersonJson, ReferenceDataset, ReferenceQueryBody } from './reference-entries';

export interface MadeQuery {
  body: ReferenceQueryBody;
  /** Person queries: the script their name fields are written in. */
  script?: ScriptCode;
}

export interface CaseMaker<Variant extends string = string> {
  dataset: ReferenceDataset;
  /** True variants: the query is the entry, written otherwise. */
  matches: readonly Variant[];
  /** Hard negatives: the query looks like the entry but is something else. */
  hardNegatives: readonly Variant[];
  /** How many entries queries can be made of: those no other entry could be taken for. */
  targetCount: number;
  entryIdOf(target: number): string;
  /** A query of the variant made of target `target`; undefined when the variant does not apply to it. */
  make(variant: Variant, rng: Prng, target: number): MadeQuery | undefined;
}

/** A person as a query carries them: without the documents a name-and-birth check leaves out. */
export function personQuery(
  facts: PersonFacts,
  withDocuments = false,
): { body: ReferenceQueryBody; script: ScriptCode } {
  const { documents, ...person } = personJson(facts);
  const body: PersonJson = withDocuments && documents ? { ...person, documents } : person;
  return { body: { kind: 'person', person: body }, script: scriptOf(facts.name, facts.culture) };
}
