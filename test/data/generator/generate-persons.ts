/**
 * Labelled person records for measuring deduplication, in the manner of
 * FEBRL: originals of many cultures, and corrupted duplicates of them shared
 * by other agencies, each record saying which original it describes and how
 * it was corrupted. Hard negatives too: homonyms, distinct persons with the
 * same name born the same year. Pure and deterministic: one seed, one output.
 */
import type { PersonRecordInput } from '../../fixtures/records';
import { Culture, CultureId, CULTURES, ScriptCode } from './cultures';
import { applicableCorruptions, applyCorruptions, chooseCorruptions, Corruption } from './corruptions';
import { IdentityDocument } from './identity-documents';
import { cloneFacts, drawHomonym, drawPerson, PersonFacts } from './person-facts';
import { personJson, scriptOf } from './person-record';
import { Prng, streamSeed } from './prng';

/** The JSON body of `POST /v1/records` for a person, with the identity documents PersonRecordInput leaves out. */
export interface PersonRecordBody extends PersonRecordInput {
  person: PersonRecordInput['person'] & {
    sex: 'male' | 'female';
    nationalities: string[];
    documents?: IdentityDocument[];
  };
}

/** `homonym` marks an original drawn to share its name and birth year with an earlier one. */
export type RecordLabel = Corruption | 'homonym';

export interface LabelledRecord {
  /** The original person this record describes. */
  entityLabel: string;
  role: 'original' | 'duplicate';
  /** The agency that shares this record. */
  agency: string;
  /** The dominant script of the record's name fields: `Latn`, or the culture's when the name is only in its own script. */
  script: ScriptCode;
  culture: CultureId;
  /** What was done to this duplicate; [] for an original, ['homonym'] for a homonym original. */
  corruptions: RecordLabel[];
  /** For a homonym: the earlier original whose name and birth year it shares. */
  homonymOf?: string;
  record: PersonRecordBody;
}

export interface GeneratorOptions {
  seed: number;
  originals: number;
  maxDuplicatesPerOriginal: number;
  /** Share of originals that have duplicates at all (default 0.6); those have 1 to maxDuplicatesPerOriginal. */
  duplicateRate?: number;
  /** Share of originals drawn as homonyms of an earlier one (default 0.05). */
  homonymRate?: number;
  /** Codes of the agencies that share the records; default DEFAULT_AGENCIES. */
  agencies?: string[];
}

/** Plausible partner agencies; callers that create agencies pass their own codes. */
export const DEFAULT_AGENCIES: readonly string[] = [
  'FR-PN',
  'DE-BKA',
  'UA-NPU',
  'RU-MVD',
  'ES-CNP',
  'NL-KMAR',
  'PL-KGP',
  'GB-NCA',
];

/** Intake's rule for agency codes (AGENCY_CODE_RULE in apps/intake/src/manage-agencies/manage-agencies.dto.ts). */
export const AGENCY_CODE = /^[A-Z][A-Z0-9-]{1,15}$/;

const PURPOSES = ['investigation', 'border-check', 'immigration-check'] as const;
/** How often a duplicate comes from another agency than its original. */
const OTHER_AGENCY_RATE = 0.85;

interface Original {
  label: string;
  facts: PersonFacts;
  agency: string;
  homonymOf?: string;
}

/** A labelled record before shuffling: its externalRef is given once its place in the output is known. */
type UnnumberedRecord = Omit<LabelledRecord, 'record'> & { person: PersonRecordBody['person']; purpose: string };

export function generatePersons(options: GeneratorOptions): LabelledRecord[] {
  const settings = checked(options);
  const originals: Original[] = [];
  for (let index = 0; index < settings.originals; index++) {
    const rng = new Prng(streamSeed(settings.seed, 'original', index));
    const label = `s${settings.seed}-p${String(index + 1).padStart(6, '0')}`;
    const agency = rng.pick(settings.agencies);
    if (index > 0 && rng.chance(settings.homonymRate)) {
      const namesake = originals[rng.int(0, index - 1)];
      originals.push({ label, facts: drawHomonym(rng, namesake.facts), agency, homonymOf: namesake.label });
    } else {
      originals.push({ label, facts: drawPerson(rng, drawCulture(rng)), agency });
    }
  }

  const records: UnnumberedRecord[] = [];
  originals.forEach((original, index) => {
    const rng = new Prng(streamSeed(settings.seed, 'duplicates', index));
    records.push({
      entityLabel: original.label,
      role: 'original',
      agency: original.agency,
      script: scriptOf(original.facts.name, original.facts.culture),
      culture: original.facts.culture.id,
      corruptions: original.homonymOf ? ['homonym'] : [],
      ...(original.homonymOf ? { homonymOf: original.homonymOf } : {}),
      person: personJson(original.facts),
      purpose: rng.pick(PURPOSES),
    });
    const count =
      settings.maxDuplicatesPerOriginal > 0 && rng.chance(settings.duplicateRate)
        ? rng.int(1, settings.maxDuplicatesPerOriginal)
        : 0;
    for (let n = 0; n < count; n++) {
      const { facts, corruptions } = corruptedCopy(rng, original.facts);
      const others = settings.agencies.filter((agency) => agency !== original.agency);
      records.push({
        entityLabel: original.label,
        role: 'duplicate',
        agency: others.length > 0 && rng.chance(OTHER_AGENCY_RATE) ? rng.pick(others) : original.agency,
        script: scriptOf(facts.name, facts.culture),
        culture: facts.culture.id,
        corruptions,
        person: personJson(facts),
        purpose: rng.pick(PURPOSES),
      });
    }
  });

  // Shuffled so that duplicates do not follow their original; references are numbered after, so they give nothing away.
  new Prng(streamSeed(settings.seed, 'order')).shuffle(records);
  return records.map(({ person, purpose, ...labels }, index) => ({
    ...labels,
    record: {
      kind: 'person',
      externalRef: `gen${settings.seed}-${String(index + 1).padStart(7, '0')}`,
      dissemination: { scope: 'all' },
      purpose,
      person,
    },
  }));
}

/**
 * A corrupted copy whose name still differs from the original's. Corruptions
 * are each visible alone, but two may cancel out (a respelling undone by a
 * swap of identical names); such a draw is made again.
 */
function corruptedCopy(rng: Prng, original: PersonFacts): { facts: PersonFacts; corruptions: Corruption[] } {
  const originalJson = JSON.stringify(personJson(original));
  const applicable = applicableCorruptions(original);
  for (let attempt = 0; attempt < 50; attempt++) {
    const corruptions = chooseCorruptions(rng, applicable);
    const facts = cloneFacts(original);
    applyCorruptions(rng, facts, corruptions);
    if (JSON.stringify(personJson(facts)) !== originalJson && namesDifferWhenCorrupted(original, facts, corruptions))
      return { facts, corruptions };
  }
  throw new Error('corruptedCopy: no visible corruption in 50 draws');
}

function namesDifferWhenCorrupted(
  original: PersonFacts,
  copy: PersonFacts,
  corruptions: readonly Corruption[],
): boolean {
  const nameCorrupted = corruptions.some(
    (corruption) => !corruption.startsWith('dob_') && corruption !== 'document_separators',
  );
  return !nameCorrupted || JSON.stringify(personJson(copy).names) !== JSON.stringify(personJson(original).names);
}

function drawCulture(rng: Prng): Culture {
  return rng.weighted(CULTURES.map((culture) => [culture, culture.weight] as const));
}

function checked(options: GeneratorOptions): Required<GeneratorOptions> {
  const settings = { duplicateRate: 0.6, homonymRate: 0.05, agencies: [...DEFAULT_AGENCIES], ...options };
  const problems = [
    !Number.isInteger(settings.seed) || settings.seed < 0 || settings.seed > 0xffffffff
      ? 'seed must be an integer from 0 to 4294967295'
      : '',
    !Number.isInteger(settings.originals) || settings.originals < 1
      ? 'originals must be a whole number of at least 1'
      : '',
    !Number.isInteger(settings.maxDuplicatesPerOriginal) || settings.maxDuplicatesPerOriginal < 0
      ? 'maxDuplicatesPerOriginal must be a whole number of at least 0'
      : '',
    !(settings.duplicateRate >= 0 && settings.duplicateRate <= 1) ? 'duplicateRate must be between 0 and 1' : '',
    !(settings.homonymRate >= 0 && settings.homonymRate <= 1) ? 'homonymRate must be between 0 and 1' : '',
    settings.agencies.length === 0 ? 'agencies must name at least one agency' : '',
    ...settings.agencies
      .filter((agency) => !AGENCY_CODE.test(agency))
      .map((agency) => `agency "${agency}" is not an agency code (${AGENCY_CODE.source})`),
    new Set(settings.agencies).size !== settings.agencies.length ? 'agencies must not repeat' : '',
  ].filter(Boolean);
  if (problems.length > 0) throw new RangeError(`generatePersons: ${problems.join('; ')}`);
  return settings;
}
