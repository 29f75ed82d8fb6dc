/**
 * Any record kind through one door: facts tagged with their kind (what dedup
 * and matching store), extracted from a record body and scored pairwise,
 * never across kinds.
 */
import { PairScore } from './evidence';
import type { CarriersOf } from './kinds/contact-details';
import { ArtworkFacts, artworkFactsOf, ArtworkLike, scoreArtworks } from './kinds/artwork';
import { FirearmFacts, firearmFactsOf, FirearmLike, scoreFirearms } from './kinds/firearm';
import { OrganisationFacts, organisationFactsOf, OrganisationLike, scoreOrganisations } from './kinds/organisation';
import { PersonFacts, personFactsOf, PersonLike, scorePersons } from './kinds/person';
import {
  scoreTravelDocuments,
  TravelDocumentFacts,
  travelDocumentFactsOf,
  TravelDocumentLike,
} from './kinds/travel-document';
import { scoreVehicles, VehicleFacts, vehicleFactsOf, VehicleLike } from './kinds/vehicle';

/** Record kinds as the API and the entities table name them. */
export type RecordKindName = 'person' | 'travel_document' | 'vehicle' | 'firearm' | 'artwork' | 'organisation';

export type RecordFacts =
  | ({ kind: 'person' } & PersonFacts)
  | ({ kind: 'travel_document' } & TravelDocumentFacts)
  | ({ kind: 'vehicle' } & VehicleFacts)
  | ({ kind: 'firearm' } & FirearmFacts)
  | ({ kind: 'artwork' } & ArtworkFacts)
  | ({ kind: 'organisation' } & OrganisationFacts);

export type RecordLike = PersonLike | TravelDocumentLike | VehicleLike | FirearmLike | ArtworkLike | OrganisationLike;

/**
 * SharedRecord's `body` oneof once set (its cases are camelCase:
 * `travelDocument`), each value as resolution reads it, so callers can pass
 * `record.body` as it is.
 */
export type RecordBodyLike =
  | { case: 'person'; value: PersonLike }
  | { case: 'travelDocument'; value: TravelDocumentLike }
  | { case: 'vehicle'; value: VehicleLike }
  | { case: 'firearm'; value: FirearmLike }
  | { case: 'artwork'; value: ArtworkLike }
  | { case: 'organisation'; value: OrganisationLike };

const KIND_OF_BODY_CASE: Record<RecordBodyLike['case'], RecordKindName> = {
  person: 'person',
  travelDocument: 'travel_document',
  vehicle: 'vehicle',
  firearm: 'firearm',
  artwork: 'artwork',
  organisation: 'organisation',
};

/**
 * The facts of a record, from a SharedRecord's body (`recordFactsOf(record.body)`,
 * once its case is known to be set) or from a kind and the body's value.
 */
export function recordFactsOf(body: RecordBodyLike): RecordFacts;
export function recordFactsOf(kind: 'person', body: PersonLike): RecordFacts & { kind: 'person' };
export function recordFactsOf(
  kind: 'travel_document',
  body: TravelDocumentLike,
): RecordFacts & { kind: 'travel_document' };
export function recordFactsOf(kind: 'vehicle', body: VehicleLike): RecordFacts & { kind: 'vehicle' };
export function recordFactsOf(kind: 'firearm', body: FirearmLike): RecordFacts & { kind: 'firearm' };
export function recordFactsOf(kind: 'artwork', body: ArtworkLike): RecordFacts & { kind: 'artwork' };
export function recordFactsOf(kind: 'organisation', body: OrganisationLike): RecordFacts & { kind: 'organisation' };
export function recordFactsOf(kind: RecordKindName, body: RecordLike): RecordFacts;
export function recordFactsOf(kindOrBody: RecordKindName | RecordBodyLike, value?: RecordLike): RecordFacts {
  if (typeof kindOrBody === 'object') return factsOfKind(KIND_OF_BODY_CASE[kindOrBody.case], kindOrBody.value);
  if (value === undefined) throw new TypeError(`recordFactsOf: no body given for kind ${kindOrBody}`);
  return factsOfKind(kindOrBody, value);
}

function factsOfKind(kind: RecordKindName, body: RecordLike): RecordFacts {
  switch (kind) {
    case 'person':
      return { kind, ...personFactsOf(body as PersonLike) };
    case 'travel_document':
      return { kind, ...travelDocumentFactsOf(body as TravelDocumentLike) };
    case 'vehicle':
      return { kind, ...vehicleFactsOf(body as VehicleLike) };
    case 'firearm':
      return { kind, ...firearmFactsOf(body as FirearmLike) };
    case 'artwork':
      return { kind, ...artworkFactsOf(body as ArtworkLike) };
    case 'organisation':
      return { kind, ...organisationFactsOf(body as OrganisationLike) };
    default:
      throw new TypeError(`recordFactsOf: unknown record kind ${JSON.stringify(kind)}`);
  }
}

/**
 * The pair's score and evidence; undefined when the records are of different
 * kinds. `carriers`: how many records carry each shared contact value (see
 * contact-details.ts); without it, each is taken as the pair's alone.
 * `floor`: the least score the caller acts on; a pair that cannot reach it may
 * come back `capped`, scored no further than that shows (scorePersons says how).
 */
export function scoreRecords(
  a: RecordFacts,
  b: RecordFacts,
  carriers?: CarriersOf,
  floor?: number,
): PairScore | undefined {
  if (a.kind === 'person' && b.kind === 'person') return scorePersons(a, b, carriers, floor);
  if (a.kind === 'travel_document' && b.kind === 'travel_document') return scoreTravelDocuments(a, b);
  if (a.kind === 'vehicle' && b.kind === 'vehicle') return scoreVehicles(a, b);
  if (a.kind === 'firearm' && b.kind === 'firearm') return scoreFirearms(a, b);
  if (a.kind === 'artwork' && b.kind === 'artwork') return scoreArtworks(a, b);
  if (a.kind === 'organisation' && b.kind === 'organisation') return scoreOrganisations(a, b);
  return undefined;
}
