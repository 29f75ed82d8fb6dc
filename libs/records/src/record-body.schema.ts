/**
 * The bodies of the six record kinds as the API takes them (person, travel
 * document, vehicle, firearm, artwork, organisation): one schema per kind, the one place a
 * field is declared. What intake shares, what the reference loaders read and
 * what an instant check asks about are all checked by it, the OpenAPI
 * documents describe it, and the types the code reads are derived from it.
 * Kinds and fields are those of DESIGN.md's Data section.
 */
import { type StaticDecode, type TLiteral, Type, type TSchema, type TString, type TUnion } from '@sinclair/typebox';
import { FORMATS } from './record-formats';

export const RECORD_KINDS = ['person', 'travel_document', 'vehicle', 'firearm', 'artwork', 'organisation'] as const;
export type RecordKindName = (typeof RECORD_KINDS)[number];
export const DOCUMENT_TYPES = ['passport', 'id_card', 'visa', 'residence_permit', 'driving_licence', 'other'] as const;
export const DOCUMENT_STATUSES = ['stolen', 'lost', 'revoked', 'invalid', 'stolen_blank'] as const;
export const VEHICLE_TYPES = ['car', 'motorcycle', 'truck', 'bus', 'van', 'trailer', 'other'] as const;
export const PERSON_IDENTIFIER_TYPES = ['national_id', 'tax_id', 'social_security'] as const;
/**
 * A person's relations: associate and family to a person; used, owned and carried to a vehicle, document or
 * firearm; member, leader and associate to an organisation (relation-targets.ts checks the target's kind).
 */
export const RELATION_ROLES = ['associate', 'family', 'used', 'owned', 'carried', 'member', 'leader'] as const;
/** An organisation's relations to another organisation. */
export const ORGANISATION_RELATION_ROLES = ['associate', 'affiliate'] as const;
export const ORGANISATION_TYPES = ['criminal_group', 'company', 'association', 'other'] as const;
export const ORGANISATION_IDENTIFIER_TYPES = [
  'company_registration',
  'tax_id',
  'vat',
  'association_registration',
] as const;

/** One of a closed list of strings; `listed` says so as `must be one of a, b, c`. */
export function OneOf<const T extends readonly string[]>(
  values: T,
  options: { description?: string; listed?: boolean } = {},
): TUnion<[TLiteral<T[number]>]> {
  const { listed, ...rest } = options;
  // Typed as the union of the values; checked as `anyOf` one `const` each.
  return Type.Union(
    values.map((value) => Type.Literal(value)),
    { ...rest, ...(listed ? { 'x-message': `must be one of ${values.join(', ')}` } : {}) },
  ) as unknown as TUnion<[TLiteral<T[number]>]>;
}

/** Free text up to `max` characters; `required` text must not be empty either. */
function Text(max: number, options: { required?: boolean; description?: string } = {}): TString {
  const { required, ...rest } = options;
  return Type.String({ ...(required ? { minLength: 1 } : {}), maxLength: max, ...rest });
}

/** A number, plate or serial as printed: letters and digits, with spaces and `. / < -` between. */
function Identifier(max: number, options: { required?: boolean; description?: string } = {}): TString {
  return Type.String({
    ...(options.required ? { minLength: 1 } : {}),
    maxLength: max,
    pattern: '^[A-Za-z0-9][A-Za-z0-9 ./<-]*$',
    'x-message': 'may hold only letters, digits, spaces and . / < -',
    ...(options.description ? { description: options.description } : {}),
  });
}

/** An agency code, read in upper case. */
export const AgencyCode = Type.Transform(
  Type.String({ pattern: '^[A-Za-z][A-Za-z0-9-]{1,15}$', 'x-message': 'must be an agency code', examples: ['FRA'] }),
)
  .Decode((code) => code.toUpperCase())
  .Encode((code) => code);

/** An ISO 3166-1 alpha-3 code, read in upper case: a client's `fra` is stored as `FRA`, which filters and notices use. */
export function Country(options: { description?: string } = {}) {
  return Type.Transform(Type.String({ format: FORMATS.country, examples: ['FRA'], ...options }))
    .Decode((code) => code.toUpperCase())
    .Encode((code) => code);
}

function PartialDate(format: string, description: string) {
  return Type.String({ format, examples: ['1971', '1971-03', '1971-03-14'], description });
}

function Optional<T extends TSchema>(schema: T) {
  return Type.Optional(schema);
}

export const PersonNameBodySchema = Type.Object(
  {
    full: Optional(Text(300, { required: true })),
    given: Optional(Text(200, { required: true })),
    family: Optional(Text(200, { required: true })),
    original: Optional(Text(300, { description: 'the name as written in its own script, kept beside the Latin form' })),
    script: Optional(
      Type.String({
        pattern: '^[A-Z][a-z]{3}$',
        'x-message': 'must be an ISO 15924 script code such as Cyrl or Arab',
        description: 'ISO 15924 script code of `original`, e.g. `Cyrl`',
      }),
    ),
    alias: Optional(Type.Boolean()),
  },
  { $id: 'PersonName', additionalProperties: false, description: 'at least one of full, given or family' },
);

export const IdentityDocumentBodySchema = Type.Object(
  {
    number: Identifier(40),
    type: OneOf(DOCUMENT_TYPES),
    issuingCountry: Country(),
  },
  { $id: 'IdentityDocument', additionalProperties: false },
);

export const AddressBodySchema = Type.Object(
  {
    street: Optional(Text(200, { required: true })),
    number: Optional(Text(20, { required: true })),
    locality: Optional(Text(100, { required: true })),
    postcode: Optional(Text(20, { required: true })),
    region: Optional(Text(100, { required: true })),
    country: Optional(Country()),
    text: Optional(Text(500, { required: true, description: 'the address as one line of free text' })),
  },
  {
    $id: 'Address',
    additionalProperties: false,
    description:
      'structured, as free text, or both; at least a street, locality, postcode or text (rule hasSomeAddress)',
  },
);

export const PhoneNumberBodySchema = Type.Object(
  {
    number: Type.String({
      minLength: 1,
      maxLength: 40,
      pattern: '^\\+?[0-9 ().\\/-]+$',
      'x-message': 'may hold only digits, spaces and ( ) . / -, after an optional +',
      examples: ['+33 6 12 34 56 78'],
    }),
    country: Optional(Country({ description: 'where a number without + is dialled; required for one' })),
  },
  {
    $id: 'PhoneNumber',
    additionalProperties: false,
    description: 'stored in E.164 beside the number given; a number that is not valid is refused (rule isPhoneNumber)',
  },
);

export const PersonIdentifierBodySchema = Type.Object(
  {
    type: OneOf(PERSON_IDENTIFIER_TYPES, { listed: true }),
    number: Identifier(40, { required: true }),
    country: Country({ description: 'the issuing country' }),
  },
  { $id: 'PersonIdentifier', additionalProperties: false },
);

/** A relation to another record of the same agency, in one of `roles`. */
function DeclaredRelation<const T extends readonly string[]>(id: string, roles: T) {
  return Type.Object(
    {
      to: Type.String({
        minLength: 1,
        maxLength: 128,
        pattern: '^[\\x21-\\x7e]+$',
        'x-message': 'must be printable ASCII without spaces, as an externalRef is',
        description: 'the externalRef of another record of the same agency',
      }),
      role: OneOf(roles, { listed: true }),
      since: Optional(PartialDate(FORMATS.pastPartialDate, 'YYYY, YYYY-MM or YYYY-MM-DD, not in the future')),
      until: Optional(PartialDate(FORMATS.partialDate, 'YYYY, YYYY-MM or YYYY-MM-DD')),
    },
    {
      $id: id,
      additionalProperties: false,
      description:
        'a relation to another record of the same agency; it carries this record’s dissemination. The role must fit ' +
        'the target’s kind: a person is member or leader of an organisation, associate of a person or an ' +
        'organisation, family of a person, and used, owned or carried a vehicle, travel document or firearm; an ' +
        'organisation is associate or affiliate of an organisation (rule fitsTarget)',
    },
  );
}

export const DeclaredRelationBodySchema = DeclaredRelation('DeclaredRelation', RELATION_ROLES);

export const PersonBodySchema = Type.Object(
  {
    names: Type.Array(PersonNameBodySchema, {
      minItems: 1,
      maxItems: 50,
      description: 'every name has at least one of full, given or family (rule hasSomeName)',
    }),
    dateOfBirth: Optional(
      PartialDate(FORMATS.pastPartialDate, 'YYYY, YYYY-MM or YYYY-MM-DD, a date that exists and is not in the future'),
    ),
    sex: Optional(OneOf(['male', 'female', 'unknown'])),
    nationalities: Optional(Type.Array(Country(), { maxItems: 10, uniqueItems: true })),
    placeOfBirth: Optional(Text(200)),
    documents: Optional(Type.Array(IdentityDocumentBodySchema, { maxItems: 20 })),
    distinguishingMarks: Optional(Type.Array(Text(500), { maxItems: 20 })),
    addresses: Optional(Type.Array(AddressBodySchema, { maxItems: 20 })),
    phones: Optional(Type.Array(PhoneNumberBodySchema, { maxItems: 20 })),
    emails: Optional(
      Type.Array(Type.String({ maxLength: 254, format: FORMATS.email, examples: ['name@example.org'] }), {
        maxItems: 20,
      }),
    ),
    identifiers: Optional(Type.Array(PersonIdentifierBodySchema, { maxItems: 20 })),
    relations: Optional(Type.Array(DeclaredRelationBodySchema, { maxItems: 100 })),
  },
  { $id: 'Person', additionalProperties: false },
);

export const TravelDocumentBodySchema = Type.Object(
  {
    ...IdentityDocumentBodySchema.properties,
    status: OneOf(DOCUMENT_STATUSES),
    holderName: Optional(Text(300)),
    issuedOn: Optional(PartialDate(FORMATS.pastPartialDate, 'YYYY, YYYY-MM or YYYY-MM-DD, not in the future')),
    expiresOn: Optional(PartialDate(FORMATS.partialDate, 'YYYY, YYYY-MM or YYYY-MM-DD')),
    mrz: Optional(
      Type.String({
        maxLength: 200,
        format: FORMATS.mrz,
        description:
          'the machine-readable zone as scanned, lines separated by newlines: TD1 (3 lines of 30), TD2 or MRV-B ' +
          '(2 lines of 36), TD3 or MRV-A (2 lines of 44), characters A-Z, 0-9 and <, with check digits that agree',
      }),
    ),
  },
  { $id: 'TravelDocument', additionalProperties: false },
);

export const VehicleBodySchema = Type.Object(
  {
    vin: Optional(
      Type.String({
        maxLength: 40,
        format: FORMATS.vin,
        examples: ['1M8GDM9AXKP042788'],
        description:
          'a VIN (ISO 3779): 17 letters A-Z and digits, without I, O or Q; spaces, dashes and dots are ignored. ' +
          'Required, but an instant check takes a plate with its registrationCountry instead',
      }),
    ),
    plate: Optional(Identifier(20)),
    registrationCountry: Optional(Country({ description: 'required with a plate' })),
    make: Optional(Text(100)),
    model: Optional(Text(100)),
    colour: Optional(Text(50)),
    year: Optional(Type.Integer({ minimum: 1886, maximum: new Date().getUTCFullYear() + 1 })),
    engineNumber: Optional(Identifier(40)),
    vehicleType: Optional(OneOf(VEHICLE_TYPES)),
  },
  { $id: 'Vehicle', additionalProperties: false },
);

export const FirearmBodySchema = Type.Object(
  {
    serialNumber: Identifier(40, { required: true }),
    make: Text(100, { required: true }),
    model: Optional(Text(100)),
    calibre: Optional(Text(50)),
    type: Optional(Text(50)),
  },
  { $id: 'Firearm', additionalProperties: false },
);

export const ArtworkBodySchema = Type.Object(
  {
    title: Text(300, { required: true }),
    objectType: Text(100, { required: true }),
    maker: Optional(Text(200)),
    period: Optional(Text(100)),
    materials: Optional(Text(300)),
    dimensions: Optional(Text(200)),
    inscriptions: Optional(Text(1000)),
    description: Optional(Text(4000)),
  },
  { $id: 'Artwork', additionalProperties: false },
);

export const OrganisationNameBodySchema = Type.Object(
  {
    name: Text(300, {
      required: true,
      description: 'the name as written, in any script, legal form and all: `ООО «Северный путь»`, `Sonho Americano`',
    }),
    script: Optional(
      Type.String({
        pattern: '^[A-Z][a-z]{3}$',
        'x-message': 'must be an ISO 15924 script code such as Cyrl or Arab',
        description: 'ISO 15924 script code of `name`, e.g. `Cyrl`; read from the letters when absent',
      }),
    ),
    alias: Optional(Type.Boolean({ description: 'a name the organisation is also known as (a.k.a.)' })),
  },
  {
    $id: 'OrganisationName',
    additionalProperties: false,
    description: 'a name with a letter in it (rule hasSomeName)',
  },
);

export const OrganisationIdentifierBodySchema = Type.Object(
  {
    type: OneOf(ORGANISATION_IDENTIFIER_TYPES, { listed: true }),
    number: Identifier(40, { required: true }),
    country: Country({ description: 'the country of the register' }),
  },
  { $id: 'OrganisationIdentifier', additionalProperties: false },
);

export const OrganisationRelationBodySchema = DeclaredRelation('OrganisationRelation', ORGANISATION_RELATION_ROLES);

export const OrganisationBodySchema = Type.Object(
  {
    names: Type.Array(OrganisationNameBodySchema, { minItems: 1, maxItems: 50 }),
    organisationType: Optional(OneOf(ORGANISATION_TYPES, { listed: true })),
    legalForm: Optional(Text(100, { required: true, description: 'as the register writes it: `GmbH`, `ООО`, `S.A.`' })),
    registrationNumbers: Optional(Type.Array(OrganisationIdentifierBodySchema, { maxItems: 20 })),
    countries: Optional(Type.Array(Country(), { maxItems: 50, uniqueItems: true })),
    relations: Optional(Type.Array(OrganisationRelationBodySchema, { maxItems: 100 })),
  },
  {
    $id: 'Organisation',
    additionalProperties: false,
    description:
      'a criminal group, a company or an association; its members declare themselves (a person’s relation ' +
      'member, leader or associate to it)',
  },
);

/**
 * A record's kind and the body of that kind: the part of a record that says what it describes. Its own
 * kind's body is required and no other is allowed (record-body.rules.ts).
 */
export const RECORD_BODY_PROPERTIES = {
  kind: OneOf(RECORD_KINDS, { listed: true }),
  person: Optional(PersonBodySchema),
  travelDocument: Optional(TravelDocumentBodySchema),
  vehicle: Optional(VehicleBodySchema),
  firearm: Optional(FirearmBodySchema),
  artwork: Optional(ArtworkBodySchema),
  organisation: Optional(OrganisationBodySchema),
};

export const RecordBodySchema = Type.Object(RECORD_BODY_PROPERTIES, {
  $id: 'RecordBody',
  additionalProperties: false,
});

export type PersonNameBody = StaticDecode<typeof PersonNameBodySchema>;
export type IdentityDocumentBody = StaticDecode<typeof IdentityDocumentBodySchema>;
export type AddressBody = StaticDecode<typeof AddressBodySchema>;
export type PhoneNumberBody = StaticDecode<typeof PhoneNumberBodySchema>;
export type PersonIdentifierBody = StaticDecode<typeof PersonIdentifierBodySchema>;
export type DeclaredRelationBody = StaticDecode<typeof DeclaredRelationBodySchema>;
export type PersonBody = StaticDecode<typeof PersonBodySchema>;
export type TravelDocumentBody = StaticDecode<typeof TravelDocumentBodySchema>;
export type VehicleBody = StaticDecode<typeof VehicleBodySchema>;
export type FirearmBody = StaticDecode<typeof FirearmBodySchema>;
export type ArtworkBody = StaticDecode<typeof ArtworkBodySchema>;
export type OrganisationNameBody = StaticDecode<typeof OrganisationNameBodySchema>;
export type OrganisationIdentifierBody = StaticDecode<typeof OrganisationIdentifierBodySchema>;
export type OrganisationBody = StaticDecode<typeof OrganisationBodySchema>;
export type RecordBody = StaticDecode<typeof RecordBodySchema>;

/** The body field each kind carries. */
export const BODY_FIELDS = {
  person: 'person',
  travel_document: 'travelDocument',
  vehicle: 'vehicle',
  firearm: 'firearm',
  artwork: 'artwork',
  organisation: 'organisation',
} as const satisfies Record<RecordKindName, keyof RecordBody>;
