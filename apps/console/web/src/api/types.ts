/**
 * What the console reads from alerting and dedup, as their APIs answer it.
 * Records and reference entries are protobuf JSON (proto3: default values are
 * left out, enums are their full names), hence all the optional fields.
 */
import type { AlertStatus } from '@crosscheck/alert-lifecycle';
import type {
  ArtworkJson,
  FirearmJson,
  IdentityDocumentJson,
  NoticeJson,
  OrganisationJson,
  PartialDateJson,
  PersonJson,
  PersonNameJson,
  ReferenceEntryJson,
  SharedRecordJson,
  TravelDocumentJson,
  VehicleJson,
} from '@crosscheck/contracts';

/** The statuses of the alert life-cycle, from the library alerting itself judges by. */
export type { AlertStatus };
/** `link`: a network link, which has no match level. */
export type AlertLevel = 'hit' | 'possible' | 'link';
/** `hit_no_hit`: a hit on a restricted entry, told without the entry. */
export type AlertKind = 'alert' | 'hit_notice' | 'hit_no_hit' | 'network_link';
export type RecordKind = 'person' | 'travel_document' | 'vehicle' | 'firearm' | 'artwork' | 'organisation';
export type Dataset = 'notices' | 'sltd' | 'smv' | 'firearms' | 'works-of-art';
export type NoticeColour =
  'red' | 'yellow' | 'blue' | 'black' | 'green' | 'orange' | 'purple' | 'silver' | 'un_special';
export type AlertSort = 'newest' | 'oldest' | 'score' | 'updated';

export interface FeatureScore {
  feature: string;
  score: number;
  weight: number;
  detail: string;
}

export interface TriageStep {
  status: AlertStatus;
  reason: string;
  by: string;
  at: string;
}

export interface Alert {
  alertId: string;
  cursor: string;
  kind: AlertKind;
  agency: string;
  subscriptionId: string | null;
  subscriptionName: string | null;
  status: AlertStatus;
  retraction: { reason: string; at: string } | null;
  ownerDecision: {
    decision: 'confirmed' | 'rejected';
    reason: string;
    agency: string;
    at: string;
    disclosedTo?: string[];
  } | null;
  triage: TriageStep[];
  /** Null when the record is withheld from this agency (hit/no-hit), as are the entry's id, score and colour below. */
  entityId: string | null;
  recordId: string | null;
  recordOwner: string;
  recordKind: RecordKind;
  dataset: string;
  datasetVersion: number | null;
  entryId: string | null;
  entryOwner: string;
  noticeColour: NoticeColour | null;
  score: number | null;
  level: AlertLevel;
  features: FeatureScore[];
  record: SharedRecord | null;
  entry: ReferenceEntry | null;
  hitNoHit: HitNoHit | null;
  /** A network link (kind `network_link`): no dataset, entry or entry owner; both cases and the path instead. */
  networkLink: NetworkLink | null;
  traceId: string | null;
  raisedAt: string;
  updatedAt: string;
}

/** One agency's case at an end of a network link. */
export interface NetworkCase {
  agency: string;
  caseRef: string;
  entityId: string;
  recordId: string;
  externalRef: string;
  recordKind: string;
}

/** How one of the agency's cases reaches another agency's, edge by edge, as the agency may see it. */
export interface NetworkLink {
  linkId: string;
  ownCase: NetworkCase;
  otherCase: NetworkCase;
  path: { fromRecordId: string; toRecordId: string; reason: string; strength: string; explanation: string }[];
  score: number;
  explanation: string;
}

/** What both sides of a hit on restricted data are told: whom to contact, quoting which reference. */
export interface HitNoHit {
  reference: string;
  searchingAgency: string;
  ownerAgency: string;
  instantCheck: boolean;
  at: string;
  action: string;
  disclosed: boolean;
  /** Seen by the owner only: the searching agency drew this many answers on the entry within the probe window. */
  probeAlarm: { answers: number } | null;
}

/*
 * Records and reference entries arrive as the protobuf contract's JSON (toJson of SharedRecord and
 * ReferenceEntry): their types are the ones buf generates beside the messages, never restated here.
 */
export type PartialDate = PartialDateJson;
export type PersonName = PersonNameJson;
export type IdentityDocument = IdentityDocumentJson;
export type Person = PersonJson;
export type TravelDocument = TravelDocumentJson;
export type Vehicle = VehicleJson;
export type Firearm = FirearmJson;
export type Artwork = ArtworkJson;
export type Organisation = OrganisationJson;
export type SharedRecord = SharedRecordJson;
export type Notice = NoticeJson;
export type ReferenceEntry = ReferenceEntryJson;

/** The body of a record or entry: one of these, by kind. */
export type Bodies = Pick<
  SharedRecordJson,
  'person' | 'travelDocument' | 'vehicle' | 'firearm' | 'artwork' | 'organisation'
>;

export interface AlertPage {
  alerts: Alert[];
  nextCursor: string | null;
}

export interface Subscription extends SubscriptionBody {
  subscriptionId: string;
  agency: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface SubscriptionBody {
  name: string;
  datasets?: Dataset[];
  noticeColours?: NoticeColour[];
  recordKinds?: RecordKind[];
  countries?: string[];
  minScore?: number;
  levels?: AlertLevel[];
  webhookId?: string | null;
}

export interface Webhook {
  webhookId: string;
  url: string;
  description?: string;
  createdAt: string;
}

export interface SignedIn {
  agency: string;
  keyId: string;
  roles: string[];
}

/** dedup's view of an entity, limited to what the caller's agency may see. */
export interface EntityView {
  entityId: string;
  mergedFrom?: string;
  kind: string;
  records: EntityMember[];
  links: EntityLink[];
  possibleDuplicates: { entityId: string; recordId: string; score: number }[];
}

export interface EntityMember {
  id: string;
  owner: string;
  version: number;
  decision: string;
  score: number;
  joinedAt: string;
  record: SharedRecord | null;
}

export interface EntityLink {
  records: [string, string];
  agencies: [string, string];
  score: number;
}

/** dedup's network of an entity (`GET /v1/entities/{id}/network`), limited to what the caller's agency may see. */
export interface NetworkView {
  entityId: string;
  depth: number;
  entities: NetworkEntity[];
  edges: NetworkEdge[];
  truncated: boolean;
}

export interface NetworkEntity {
  entityId: string;
  kind: RecordKind;
  /** Hops from the entity asked about. */
  distance: number;
  /** The agencies whose records are shown: more than one is a link between their cases. */
  agencies: string[];
  records: { id: string; owner: string; externalRef: string; caseRef: string }[];
}

export type EdgeReason = 'phone' | 'email' | 'address' | 'identifier' | 'document' | 'registration' | 'relation';

export interface NetworkEdge {
  from: string;
  to: string;
  /** The two records that make the edge, on the `from` and the `to` entity. */
  records: [string, string];
  reason: EdgeReason;
  /** The shared value, or the declared role. */
  value: string;
  score: number;
  strength: 'declared' | 'strong' | 'weak';
  explanation: string;
  declaredBy?: string;
  since?: string;
  until?: string;
}
