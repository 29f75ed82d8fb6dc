import { create } from '@bufbuild/protobuf';
import { SharedRecordSchema } from '@crosscheck/contracts';
import { recordBody, recordBodyOf } from '@crosscheck/records';
import { networkEvidenceOf } from './network-evidence';

const shared = (person: object, kind = 'person') =>
  create(SharedRecordSchema, {
    owner: 'FRA',
    externalRef: 'FR-1',
    body: recordBodyOf(recordBody.parse({ kind, [kind]: person })),
  });

describe('networkEvidenceOf', () => {
  it('takes each normalised contact detail and identifier once, and the declared relations', () => {
    const evidence = networkEvidenceOf(
      shared({
        names: [{ given: 'Ivan', family: 'Petrov' }],
        phones: [{ number: '+33 6 12 34 56 78' }, { number: '06 12 34 56 78', country: 'FRA' }],
        emails: ['Ivan@Example.org'],
        addresses: [
          { street: 'Rue de la Paix', number: '12', postcode: '75002', country: 'FRA' },
          { locality: 'Paris' },
        ],
        identifiers: [{ type: 'tax_id', number: '12-345', country: 'ITA' }],
        documents: [{ number: 'X 123', type: 'passport', issuingCountry: 'RUS' }],
        relations: [{ to: 'FR-CAR-1', role: 'used', since: '2024-05' }],
      }),
    );
    expect(evidence).toEqual({
      owner: 'FRA',
      externalRef: 'FR-1',
      attributes: [
        { attribute: 'phone', value: '+33612345678' },
        { attribute: 'email', value: 'ivan@example.org' },
        { attribute: 'address', value: 'FRA|75002|rue de la paix|12' },
        { attribute: 'document', value: 'RUS|X123' },
        { attribute: 'identifier', value: 'ITA|tax_id|12345' },
      ],
      relations: [{ toExternalRef: 'FR-CAR-1', role: 'used', since: '2024-05', until: null }],
    });
  });

  it('takes the relations an organisation declares to another', () => {
    const evidence = networkEvidenceOf(
      shared(
        {
          names: [{ name: 'Sonho Americano' }],
          relations: [{ to: 'FR-ORG-2', role: 'affiliate', since: '2019', until: '2024-06' }],
        },
        'organisation',
      ),
    );
    expect(evidence).toEqual({
      owner: 'FRA',
      externalRef: 'FR-1',
      attributes: [],
      relations: [{ toExternalRef: 'FR-ORG-2', role: 'affiliate', since: '2019', until: '2024-06' }],
    });
  });

  it('takes an organisation’s registration numbers of a known type and country, each once, normalised', () => {
    const evidence = networkEvidenceOf(
      shared(
        {
          names: [{ name: 'Nordweg Logistik GmbH' }],
          registrationNumbers: [
            { type: 'company_registration', number: 'HRB 12345', country: 'DEU' },
            { type: 'company_registration', number: 'hrb-12345', country: 'DEU' },
            { type: 'vat', number: 'DE 811 907 980', country: 'DEU' },
          ],
        },
        'organisation',
      ),
    );
    expect(evidence.attributes).toEqual([
      { attribute: 'registration', value: 'company_registration|DEU|HRB12345' },
      { attribute: 'registration', value: 'vat|DEU|DE811907980' },
    ]);
  });

  it('brings only its reference for a record of another kind', () => {
    const evidence = networkEvidenceOf(shared({ vin: '1M8GDM9AXKP042788' }, 'vehicle'));
    expect(evidence).toEqual({ owner: 'FRA', externalRef: 'FR-1', attributes: [], relations: [] });
  });
});
