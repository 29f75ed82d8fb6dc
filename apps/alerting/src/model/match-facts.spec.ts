import { create } from '@bufbuild/protobuf';
import { DisseminationScope, MatchFoundSchema, MatchLevel, NoticeColour, RecordKind } from '@crosscheck/contracts';
import { matchFactsOf } from './match-facts';

const petrov = {
  names: [{ given: 'Ivan', family: 'Petrov' }],
  nationalities: ['RUS'],
  documents: [{ number: 'X1', issuingCountry: 'KAZ' }],
};

function match(
  overrides: {
    version?: number;
    externalRef?: string;
    dissemination?: DisseminationScope;
    nationalities?: string[];
    charges?: string;
  } = {},
) {
  return create(MatchFoundSchema, {
    matchId: 'm-1',
    entityId: 'e-1',
    recordId: 'r-1',
    recordKind: RecordKind.PERSON,
    recordOwner: 'FRA',
    recordDissemination: { scope: overrides.dissemination ?? DisseminationScope.ALL },
    dataset: 'notices',
    datasetVersion: 7n,
    entryId: 'RN-1',
    entryOwner: 'IPSG',
    entryDissemination: { scope: DisseminationScope.AGENCIES, agencies: ['FRA'] },
    noticeColour: NoticeColour.UN_SPECIAL,
    score: 0.93,
    level: MatchLevel.POSSIBLE,
    record: {
      recordId: 'r-1',
      version: overrides.version ?? 1,
      externalRef: overrides.externalRef ?? 'FR-1',
      owner: 'FRA',
      body: { case: 'person', value: { ...petrov, nationalities: overrides.nationalities ?? petrov.nationalities } },
    },
    entry: {
      entryId: 'RN-1',
      owner: 'IPSG',
      body: {
        case: 'notice',
        value: { subject: { names: petrov.names, nationalities: ['UKR'] }, charges: overrides.charges ?? 'Fraud' },
      },
    },
  });
}

describe('what alerting reads off a match', () => {
  it('names kinds, colours and levels as the API spells them', () => {
    const facts = matchFactsOf(match());
    expect([facts.recordKind, facts.noticeColour, facts.level, facts.datasetVersion]).toEqual([
      'person',
      'un_special',
      'possible',
      7,
    ]);
    expect(facts.entryDissemination).toEqual({ scope: 'agencies', agencies: ['FRA'] });
  });

  it('gathers the owners, nationalities and issuing countries of both sides', () => {
    expect(matchFactsOf(match()).countries).toEqual(['FRA', 'IPSG', 'KAZ', 'RUS', 'UKR']);
  });

  it('keeps the same digests for the same subject data, whatever the version, reference or dissemination', () => {
    const first = matchFactsOf(match());
    const again = matchFactsOf(
      match({ version: 3, externalRef: 'FR-2', dissemination: DisseminationScope.OWNER_ONLY }),
    );
    expect([again.recordDigest, again.entryDigest]).toEqual([first.recordDigest, first.entryDigest]);
    expect(first.recordDigest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes a side’s digest when that side’s data changes', () => {
    const first = matchFactsOf(match());
    expect(matchFactsOf(match({ nationalities: ['BLR'] })).recordDigest).not.toBe(first.recordDigest);
    const entryChanged = matchFactsOf(match({ charges: 'Armed robbery' }));
    expect([entryChanged.recordDigest === first.recordDigest, entryChanged.entryDigest === first.entryDigest]).toEqual([
      true,
      false,
    ]);
  });
});
