/**
 * A record body as the API takes it (record-body.schema.ts), turned into the body of
 * the `SharedRecord` contract, with identifiers both as given and normalised:
 * one mapping for intake's records, the reference loaders' entries and the
 * instant checks' queries.
 */
import { MessageInitShape } from '@bufbuild/protobuf';
import {
  DocumentStatus,
  DocumentType,
  IdentityDocumentSchema,
  OrganisationIdentifierType,
  partialDateFromText,
  PersonIdentifierType,
  personNameFromJson,
  RecordKind,
  SharedRecordSchema,
  Sex,
} from '@crosscheck/contracts';
import { normalizeDocumentNumber, normalizeSerialNumber, normalizeVin } from '@crosscheck/resolution';
import { e164Of, normalizedAddress, normalizedEmail } from './contact-details';
import type { DeclaredRelationBody, IdentityDocumentBody, RecordBody, RecordKindName } from './record-body.schema';

const SEXES = { male: Sex.MALE, female: Sex.FEMALE, unknown: Sex.UNKNOWN } as const;
export const RECORD_KIND_CONTRACT: Record<RecordKindName, RecordKind> = {
  person: RecordKind.PERSON,
  travel_document: RecordKind.TRAVEL_DOCUMENT,
  vehicle: RecordKind.VEHICLE,
  firearm: RecordKind.FIREARM,
  artwork: RecordKind.ARTWORK,
  organisation: RecordKind.ORGANISATION,
};
const DOCUMENT_TYPES = {
  passport: DocumentType.PASSPORT,
  id_card: DocumentType.ID_CARD,
  visa: DocumentType.VISA,
  residence_permit: DocumentType.RESIDENCE_PERMIT,
  driving_licence: DocumentType.DRIVING_LICENCE,
  other: DocumentType.OTHER,
} as const;
const PERSON_IDENTIFIER_TYPES = {
  national_id: PersonIdentifierType.NATIONAL_ID,
  tax_id: PersonIdentifierType.TAX_ID,
  social_security: PersonIdentifierType.SOCIAL_SECURITY,
} as const;
const ORGANISATION_IDENTIFIER_TYPES = {
  company_registration: OrganisationIdentifierType.COMPANY_REGISTRATION,
  tax_id: OrganisationIdentifierType.TAX_ID,
  vat: OrganisationIdentifierType.VAT,
  association_registration: OrganisationIdentifierType.ASSOCIATION_REGISTRATION,
} as const;
const DOCUMENT_STATUSES = {
  stolen: DocumentStatus.STOLEN,
  lost: DocumentStatus.LOST,
  revoked: DocumentStatus.REVOKED,
  invalid: DocumentStatus.INVALID,
  stolen_blank: DocumentStatus.STOLEN_BLANK,
} as const;

export function recordBodyOf(content: RecordBody): MessageInitShape<typeof SharedRecordSchema>['body'] {
  switch (content.kind) {
    case 'person': {
      const person = content.person!;
      return {
        case: 'person',
        value: {
          names: person.names.map(personNameFromJson),
          dateOfBirth: partialDateFromText(person.dateOfBirth),
          sex: person.sex ? SEXES[person.sex] : Sex.UNSPECIFIED,
          nationalities: person.nationalities ?? [],
          placeOfBirth: person.placeOfBirth ?? '',
          documents: (person.documents ?? []).map(identityDocument),
          distinguishingMarks: person.distinguishingMarks ?? [],
          addresses: (person.addresses ?? []).map((address) => ({
            street: address.street ?? '',
            number: address.number ?? '',
            locality: address.locality ?? '',
            postcode: address.postcode ?? '',
            region: address.region ?? '',
            country: address.country ?? '',
            text: address.text ?? '',
            normalized: normalizedAddress(address),
          })),
          phones: (person.phones ?? []).map((phone) => ({
            number: phone.number,
            e164: e164Of(phone.number, phone.country) ?? '',
          })),
          emails: (person.emails ?? []).map((address) => ({ address, normalized: normalizedEmail(address) })),
          identifiers: (person.identifiers ?? []).map((identifier) => ({
            type: PERSON_IDENTIFIER_TYPES[identifier.type],
            number: identifier.number,
            numberNormalized: normalizeDocumentNumber(identifier.number),
            country: identifier.country,
          })),
          relations: (person.relations ?? []).map(declaredRelation),
        },
      };
    }
    case 'travel_document': {
      const document = content.travelDocument!;
      return {
        case: 'travelDocument',
        value: {
          document: identityDocument(document),
          status: DOCUMENT_STATUSES[document.status],
          holderName: document.holderName ?? '',
          issuedOn: partialDateFromText(document.issuedOn),
          expiresOn: partialDateFromText(document.expiresOn),
          mrz: document.mrz ?? '',
        },
      };
    }
    case 'vehicle': {
      const vehicle = content.vehicle!;
      return {
        case: 'vehicle',
        value: {
          vin: vehicle.vin ?? '',
          vinNormalized: normalizeVin(vehicle.vin ?? ''),
          plate: vehicle.plate ?? '',
          registrationCountry: vehicle.registrationCountry ?? '',
          make: vehicle.make ?? '',
          model: vehicle.model ?? '',
          colour: vehicle.colour ?? '',
          year: vehicle.year ?? 0,
          engineNumber: vehicle.engineNumber ?? '',
          vehicleType: vehicle.vehicleType ?? '',
        },
      };
    }
    case 'firearm': {
      const firearm = content.firearm!;
      return {
        case: 'firearm',
        value: {
          serialNumber: firearm.serialNumber,
          serialNormalized: normalizeSerialNumber(firearm.serialNumber),
          make: firearm.make,
          model: firearm.model ?? '',
          calibre: firearm.calibre ?? '',
          type: firearm.type ?? '',
        },
      };
    }
    case 'artwork':
      return { case: 'artwork', value: { ...content.artwork! } };
    case 'organisation': {
      const organisation = content.organisation!;
      return {
        case: 'organisation',
        value: {
          names: organisation.names.map((name) => ({
            name: name.name,
            script: name.script ?? '',
            alias: name.alias ?? false,
          })),
          organisationType: organisation.organisationType ?? '',
          legalForm: organisation.legalForm ?? '',
          registrationNumbers: (organisation.registrationNumbers ?? []).map((identifier) => ({
            type: ORGANISATION_IDENTIFIER_TYPES[identifier.type],
            number: identifier.number,
            numberNormalized: normalizeDocumentNumber(identifier.number),
            country: identifier.country,
          })),
          countries: organisation.countries ?? [],
          relations: (organisation.relations ?? []).map(declaredRelation),
        },
      };
    }
  }
}

function declaredRelation(relation: Pick<DeclaredRelationBody, 'to' | 'since' | 'until'> & { role: string }) {
  return {
    toExternalRef: relation.to,
    role: relation.role,
    since: partialDateFromText(relation.since),
    until: partialDateFromText(relation.until),
  };
}

function identityDocument(document: IdentityDocumentBody): MessageInitShape<typeof IdentityDocumentSchema> {
  return {
    number: document.number,
    numberNormalized: normalizeDocumentNumber(document.number),
    type: DOCUMENT_TYPES[document.type],
    issuingCountry: document.issuingCountry,
  };
}

/** The normalised form of the record's key identifier, stored beside the record for lookups. */
export function normalizedIdentifier(content: RecordBody): string | null {
  switch (content.kind) {
    case 'travel_document':
      return normalizeDocumentNumber(content.travelDocument!.number);
    case 'vehicle':
      return normalizeVin(content.vehicle!.vin ?? '');
    case 'firearm':
      return normalizeSerialNumber(content.firearm!.serialNumber);
    default:
      return null;
  }
}
