/**
 * The five reference datasets matching checks records against, and the shape
 * of one entry of each as a line of the project's NDJSON: a notice's subject
 * is a record's person, and the bodies of the other four are those of
 * travel_document, vehicle, firearm and artwork records (@crosscheck/records,
 * the schemas intake and the reference loader check with; imported as types
 * only).
 */
import type {
  ArtworkBody,
  FirearmBody,
  IdentityDocumentBody,
  PersonBody,
  PersonNameBody,
  TravelDocumentBody,
  VehicleBody,
} from '@crosscheck/records';
import type { ShareRecordInput } from '../../../apps/intake/src/share-record/share-record.schema';

export const REFERENCE_DATASETS = ['notices', 'sltd', 'smv', 'firearms', 'works-of-art'] as const;
export type ReferenceDataset = (typeof REFERENCE_DATASETS)[number];

/** The file each dataset is written to by generate-reference.cli.ts. */
export const DATASET_FILES: Record<ReferenceDataset, string> = {
  notices: 'notices.ndjson',
  sltd: 'sltd.ndjson',
  smv: 'smv.ndjson',
  firearms: 'firearms.ndjson',
  'works-of-art': 'works-of-art.ndjson',
};

export const NOTICE_COLOURS = ['red', 'yellow', 'blue', 'black', 'green', 'orange', 'purple', 'silver', 'un'] as const;
export type NoticeColour = (typeof NOTICE_COLOURS)[number];

export type PersonNameJson = PersonNameBody;
export type IdentityDocumentJson = IdentityDocumentBody;
export type PersonJson = PersonBody;
export type TravelDocumentJson = TravelDocumentBody;
/** A generated vehicle always has its VIN (a VIN is optional only in an instant check). */
export type VehicleJson = VehicleBody & { vin: string };
export type FirearmJson = FirearmBody;
export type ArtworkJson = ArtworkBody;

export interface NoticeEntry {
  entryId: string;
  colour: NoticeColour;
  noticeRef: string;
  /** Red notices only: what the person is wanted for. */
  charges?: string;
  subject: PersonJson;
}

export interface SltdEntry {
  entryId: string;
  travelDocument: TravelDocumentJson;
}

export interface SmvEntry {
  entryId: string;
  vehicle: VehicleJson;
}

export interface FirearmEntry {
  entryId: string;
  firearm: FirearmJson;
}

export interface ArtworkEntry {
  entryId: string;
  artwork: ArtworkJson;
}

export interface ReferenceEntries {
  notices: NoticeEntry;
  sltd: SltdEntry;
  smv: SmvEntry;
  firearms: FirearmEntry;
  'works-of-art': ArtworkEntry;
}

export type ReferenceEntry = ReferenceEntries[ReferenceDataset];

export type ReferenceData = { [D in ReferenceDataset]: ReferenceEntries[D][] };

/** What a record to check holds besides its envelope: its kind and the body of that kind. */
export type ReferenceQueryBody =
  | { kind: 'person'; person: PersonJson }
  | { kind: 'travel_document'; travelDocument: TravelDocumentJson }
  | { kind: 'vehicle'; vehicle: VehicleJson }
  | { kind: 'firearm'; firearm: FirearmJson }
  | { kind: 'artwork'; artwork: ArtworkJson };

/** A record to check, as `POST /v1/records` takes it. */
export type ReferenceQuery = Pick<ShareRecordInput, 'externalRef' | 'purpose'> & {
  dissemination: { scope: 'all' };
} & ReferenceQueryBody;

/** Entry ids carry a running number wide enough for the benchmark's ten million. */
export function runningNumber(index: number, width = 9): string {
  return String(index + 1).padStart(width, '0');
}
