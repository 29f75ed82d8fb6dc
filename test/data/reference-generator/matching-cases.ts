/**
 * A labelled set for measuring matching: reference entries, and records to
 * check against them, each labelled with the entry it must find (a true
 * variant of that entry) or with null (a hard negative: it only resembles the
 * entry it was made from). Variants are named so precision and recall can be
 * reported per dataset, per variant and, for persons, per script. Pure and
 * deterministic, like generateReferenceData, whose entries these are.
 */
import { ScriptCode } from '../generator/cultures';
import { Prng, streamSeed } from '../generator/prng';
import { artworkCases, ARTWORK_HARD_NEGATIVES, ARTWORK_MATCHES } from './artwork-cases';
import { drawArtwork } from './artworks';
import { CaseMaker } from './case-maker';
import { firearmCases, FIREARM_HARD_NEGATIVES, FIREARM_MATCHES } from './firearm-cases';
import { drawFirearm } from './firearms';
import { NoticeNames, noticeCases, NOTICE_HARD_NEGATIVES, NOTICE_MATCHES } from './notice-cases';
import { drawNotice } from './notices';
import {
  ReferenceData,
  ReferenceDataset,
  ReferenceQuery,
  ReferenceQueryBody,
  REFERENCE_DATASETS,
} from './reference-entries';
import { travelDocumentCases, TRAVEL_DOCUMENT_HARD_NEGATIVES, TRAVEL_DOCUMENT_MATCHES } from './travel-document-cases';
import { drawTravelDocument } from './travel-documents';
import { vehicleCases, VEHICLE_HARD_NEGATIVES, VEHICLE_MATCHES } from './vehicle-cases';
import { drawVehicle } from './vehicles';

/** Every variant, by the dataset whose entries it is made of: true variants, then hard negatives. */
export const MATCHING_VARIANTS = {
  notices: { matches: NOTICE_MATCHES, hardNegatives: NOTICE_HARD_NEGATIVES },
  sltd: { matches: TRAVEL_DOCUMENT_MATCHES, hardNegatives: TRAVEL_DOCUMENT_HARD_NEGATIVES },
  smv: { matches: VEHICLE_MATCHES, hardNegatives: VEHICLE_HARD_NEGATIVES },
  firearms: { matches: FIREARM_MATCHES, hardNegatives: FIREARM_HARD_NEGATIVES },
  'works-of-art': { matches: ARTWORK_MATCHES, hardNegatives: ARTWORK_HARD_NEGATIVES },
} as const satisfies Record<ReferenceDataset, { matches: readonly string[]; hardNegatives: readonly string[] }>;

type VariantsOf<D extends ReferenceDataset> = (typeof MATCHING_VARIANTS)[D]['matches' | 'hardNegatives'][number];
export type MatchingVariant = { [D in ReferenceDataset]: VariantsOf<D> }[ReferenceDataset];

export interface EntryRef {
  dataset: ReferenceDataset;
  entryId: string;
}

export interface MatchingCase {
  /** The record to check, ready for `POST /v1/records`. */
  query: ReferenceQuery;
  /** The entry matching must find; null for a hard negative, which must find nothing. */
  expected: EntryRef | null;
  /** The dataset whose entry the query was made of (a person carrying a reported passport is an `sltd` case). */
  dataset: ReferenceDataset;
  variant: MatchingVariant;
  /** The entry the query was made of: the one it matches, or the one it only resembles. */
  madeFrom: EntryRef;
  /** Person queries: the script of the name fields (`Latn`, `Cyrl`, `Arab`, `Hans`...). */
  script?: ScriptCode;
}

export interface MatchingCasesOptions {
  seed: number;
  /**
   * The first N entries of each dataset, as generateReferenceData gives them
   * for the same seed; per dataset when an object (a dataset left out has none).
   */
  entriesPerDataset: number | Partial<Record<ReferenceDataset, number>>;
  /** Queries made of each dataset's entries (default 200). */
  queriesPerDataset?: number;
  /** The share of them that are hard negatives (default 0.3). */
  hardNegativeShare?: number;
}

export interface MatchingCases {
  entries: ReferenceData;
  queries: MatchingCase[];
}

/** Draws of one target that may fail (a variant that does not apply, a query that would collide) before a case is given up. */
const ATTEMPTS = 40;

const PURPOSE: Record<ReferenceQueryBody['kind'], string> = {
  person: 'border-check',
  travel_document: 'border-check',
  vehicle: 'border-check',
  firearm: 'investigation',
  artwork: 'investigation',
};

export function generateMatchingCases(options: MatchingCasesOptions): MatchingCases {
  const { seed, counts, queriesPerDataset, hardNegativeShare } = checked(options);
  const range = (dataset: ReferenceDataset) => Array.from({ length: counts[dataset] }, (_, index) => index);
  const notices = range('notices').map((index) => drawNotice(seed, index));
  const documents = range('sltd').map((index) => drawTravelDocument(seed, index));
  const vehicles = range('smv').map((index) => drawVehicle(seed, index));
  const firearms = range('firearms').map((index) => drawFirearm(seed, index));
  const artworks = range('works-of-art').map((index) => drawArtwork(seed, index));

  const noticeNames = new NoticeNames(notices);
  const makers: CaseMaker[] = [
    noticeCases(notices, noticeNames),
    travelDocumentCases(documents, noticeNames),
    vehicleCases(vehicles),
    firearmCases(firearms),
    artworkCases(artworks),
  ];

  const cases: Omit<MatchingCase, 'query'>[] = [];
  const bodies: ReferenceQueryBody[] = [];
  for (const maker of makers) {
    if (maker.targetCount === 0) continue;
    const negatives = Math.round(queriesPerDataset * hardNegativeShare);
    for (let n = 0; n < queriesPerDataset; n++) {
      const negative = n < negatives;
      const variants = negative ? maker.hardNegatives : maker.matches;
      // Variants take turns, so every one is there however few queries are asked for.
      const variant = variants[(negative ? n : n - negatives) % variants.length];
      const rng = new Prng(streamSeed(seed, 'cases', maker.dataset, n));
      for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
        const target = rng.int(0, maker.targetCount - 1);
        const made = maker.make(variant, rng, target);
        if (!made) continue;
        const madeFrom = { dataset: maker.dataset, entryId: maker.entryIdOf(target) };
        cases.push({
          expected: negative ? null : madeFrom,
          dataset: maker.dataset,
          variant: variant as MatchingVariant,
          madeFrom,
          ...(made.script ? { script: made.script } : {}),
        });
        bodies.push(made.body);
        break;
      }
    }
  }

  // Shuffled so that neighbours give nothing away; references are numbered after.
  const order = new Prng(streamSeed(seed, 'cases', 'order')).shuffle(cases.map((_, index) => index));
  const queries = order.map((index, position): MatchingCase => {
    const body = bodies[index];
    const query = {
      externalRef: `case${seed}-${String(position + 1).padStart(6, '0')}`,
      dissemination: { scope: 'all' as const },
      purpose: PURPOSE[body.kind],
      ...body,
    };
    return { query, ...cases[index] };
  });

  return {
    entries: {
      notices: notices.map((notice) => notice.entry),
      sltd: documents.map((document) => document.entry),
      smv: vehicles.map((vehicle) => vehicle.entry),
      firearms: firearms.map((firearm) => firearm.entry),
      'works-of-art': artworks,
    },
    queries,
  };
}

function checked(options: MatchingCasesOptions) {
  const { seed, entriesPerDataset, queriesPerDataset = 200, hardNegativeShare = 0.3 } = options;
  const counts = Object.fromEntries(
    REFERENCE_DATASETS.map((dataset) => [
      dataset,
      typeof entriesPerDataset === 'number' ? entriesPerDataset : (entriesPerDataset[dataset] ?? 0),
    ]),
  ) as Record<ReferenceDataset, number>;
  const problems = [
    !Number.isInteger(seed) || seed < 0 || seed > 0xffffffff ? 'seed must be an integer from 0 to 4294967295' : '',
    ...Object.entries(counts).map(([dataset, count]) =>
      Number.isInteger(count) && count >= 0 ? '' : `entriesPerDataset.${dataset} must be a whole number of at least 0`,
    ),
    !Number.isInteger(queriesPerDataset) || queriesPerDataset < 0
      ? 'queriesPerDataset must be a whole number of at least 0'
      : '',
    !(hardNegativeShare >= 0 && hardNegativeShare <= 1) ? 'hardNegativeShare must be between 0 and 1' : '',
  ].filter(Boolean);
  if (problems.length > 0) throw new RangeError(`generateMatchingCases: ${problems.join('; ')}`);
  return { seed, counts, queriesPerDataset, hardNegativeShare };
}
