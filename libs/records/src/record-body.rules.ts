/**
 * The rules of a record body that its schema cannot say, checked once the
 * shape holds: the body of the record's own kind is there and no other is, a
 * vehicle has its VIN (an instant check: or a plate), a plate comes with its country, every name has
 * some part (an organisation's some letter or digit), every address something that places it, and
 * every phone number is one.
 */
import { compileSchema, FieldProblem } from '@crosscheck/runtime';
import { e164Of } from './contact-details';
import {
  BODY_FIELDS,
  OrganisationBody,
  PersonBody,
  RECORD_KINDS,
  RecordBody,
  RecordBodySchema,
  type RecordKindName,
  VehicleBody,
} from './record-body.schema';

/** Where a body is read: an instant check may name a vehicle by its plate and country alone. */
export interface BodyRules {
  vehicleByPlate?: boolean;
}

export function recordBodyProblems(body: RecordBody, rules: BodyRules = {}): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const kind of RECORD_KINDS) {
    const field = BODY_FIELDS[kind];
    const present = body[field] !== undefined;
    if (kind === body.kind && !present)
      problems.push({ field: field, rule: 'isDefined', message: `is required for a record of kind ${kind}` });
    if (kind !== body.kind && present)
      problems.push({
        field: field,
        rule: 'onlyForKind',
        message: `must be absent for a record of kind ${body.kind}; it belongs to a record of kind ${kind}`,
      });
  }
  const own = body[BODY_FIELDS[body.kind]];
  if (own !== undefined) problems.push(...bodyProblems(body.kind, own, BODY_FIELDS[body.kind], rules));
  return problems;
}

/** The rules of one kind's body beyond its schema, its problems named from `field`. */
export function bodyProblems(kind: RecordKindName, body: object, field: string, rules: BodyRules = {}): FieldProblem[] {
  if (kind === 'person') return personProblems(body as PersonBody, field);
  if (kind === 'organisation') return organisationProblems(body as OrganisationBody, field);
  const vehicle = body as VehicleBody;
  if (kind === 'vehicle' && vehicle.vin === undefined && !(rules.vehicleByPlate && vehicle.plate !== undefined))
    return [
      {
        field: `${field}.vin`,
        rule: 'isDefined',
        message: rules.vehicleByPlate ? 'is required without a plate and its registrationCountry' : 'is required',
      },
    ];
  if (kind === 'vehicle' && vehicle.plate !== undefined && vehicle.registrationCountry === undefined)
    return [
      {
        field: `${field}.registrationCountry`,
        rule: 'isISO31661Alpha3',
        message: 'must be an ISO 3166-1 alpha-3 country code, and is required with a plate',
      },
    ];
  return [];
}

/**
 * Every name has at least one of full, given or family, present and not blank; every address has
 * something that places it; every phone number is a valid number (with its country when it has no +).
 */
export function personProblems(person: PersonBody, field: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const index = person.names.findIndex((name) => ![name.full, name.given, name.family].some((part) => part?.trim()));
  if (index >= 0)
    problems.push({
      field: `${field}.names`,
      rule: 'hasSomeName',
      message: `names[${index}] needs at least one of full, given or family`,
    });
  (person.addresses ?? []).forEach((address, i) => {
    if (![address.street, address.locality, address.postcode, address.text].some((part) => part?.trim()))
      problems.push({
        field: `${field}.addresses[${i}]`,
        rule: 'hasSomeAddress',
        message: 'needs at least one of street, locality, postcode or text',
      });
  });
  (person.phones ?? []).forEach((phone, i) => {
    if (e164Of(phone.number, phone.country) === undefined)
      problems.push({
        field: `${field}.phones[${i}].number`,
        rule: 'isPhoneNumber',
        message: phone.number.trim().startsWith('+')
          ? 'must be a valid phone number'
          : 'must be a valid phone number: in international form with +, or with its country',
      });
  });
  return problems;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Every name has a letter or a digit: `«»` or `---` names nothing. */
export function organisationProblems(organisation: OrganisationBody, field: string): FieldProblem[] {
  const index = organisation.names.findIndex((name) => !LETTER_OR_DIGIT.test(name.name));
  return index < 0
    ? []
    : [{ field: `${field}.names[${index}].name`, rule: 'hasSomeName', message: 'must hold a letter or a digit' }];
}

/** A record body (kind and body) as a loader takes it. */
export const recordBody = compileSchema(RecordBodySchema, (body) => recordBodyProblems(body));

/** A record body as an instant check takes it: a vehicle by VIN, or by plate and registration country. */
export const checkBody = compileSchema(RecordBodySchema, (body) => recordBodyProblems(body, { vehicleByPlate: true }));
