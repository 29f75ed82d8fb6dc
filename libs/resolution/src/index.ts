/**
 * Entity resolution, pure: names, dates and identifiers normalised and
 * compared; one facts extractor and one scoring function per record kind;
 * blocking keys for candidate lookup. No I/O; dedup and matching store the
 * facts and keys and call the scorers.
 */
export type { FeatureEvidence, PairScore } from './evidence';
export * from './dates';
export * from './names';
export * from './identifiers';
export { documentFactsOf } from './kinds/identity-document';
export type { DocumentFacts, DocumentTypeName, IdentityDocumentLike } from './kinds/identity-document';
export {
  COMMON_VALUE_RECORDS,
  CONTACT_ATTRIBUTES,
  contactValuesOf,
  RARE_VALUE_RECORDS,
  rarity,
} from './kinds/contact-details';
export type { AddressFacts, CarriersOf, ContactAttribute, ContactFacts, ContactValue } from './kinds/contact-details';
export { personBlockingKey, personFactsOf, personNameForms, scorePersons } from './kinds/person';
export type { PersonFacts, PersonLike, PersonNameLike, PersonSex } from './kinds/person';
export { scoreTravelDocuments, travelDocumentFactsOf } from './kinds/travel-document';
export type { TravelDocumentFacts, TravelDocumentLike } from './kinds/travel-document';
export { scoreVehicles, vehicleFactsOf } from './kinds/vehicle';
export type { VehicleFacts, VehicleLike } from './kinds/vehicle';
export { calibreOf, firearmFactsOf, scoreFirearms } from './kinds/firearm';
export type { FirearmFacts, FirearmLike } from './kinds/firearm';
export { artworkFactsOf, scoreArtworks } from './kinds/artwork';
export type { ArtworkFacts, ArtworkLike } from './kinds/artwork';
export { organisationFactsOf, scoreOrganisations } from './kinds/organisation';
export type { OrganisationFacts, OrganisationLike, RegistrationFacts } from './kinds/organisation';
export * from './records';
export * from './blocking';
export * from './candidate-ranking';
export * from './keys-read';
export { derivationRevision } from './derivation-revision';
