import { operationReport, reportCsv, type Operation } from './operation';

const operation: Operation = {
  code: 'JUPITER-26',
  name: 'Jupiter',
  startsOn: '2026-12-01',
  endsOn: '2026-12-07',
  coordinator: 'FRA',
  participants: ['FRA', 'DEU'],
};

describe('operationReport', () => {
  const seenByAll = { scope: 'all' } as const;
  const germanOnly = { scope: 'owner-only' } as const;
  const recorded = {
    checks: [
      { day: '2026-12-06', agency: 'DEU', dataset: 'sltd', count: 2 },
      { day: '2026-12-06', agency: 'FRA', dataset: 'notices', count: 1 },
    ],
    hits: [
      {
        day: '2026-12-06',
        dataset: 'sltd',
        noticeColour: null,
        level: 'hit',
        entryOwner: 'DEU',
        entryDissemination: germanOnly,
      },
      {
        day: '2026-12-02',
        dataset: 'sltd',
        noticeColour: null,
        level: 'hit',
        entryOwner: 'FRA',
        entryDissemination: seenByAll,
      },
      {
        day: '2026-12-06',
        dataset: 'notices',
        noticeColour: 'red',
        level: 'hit',
        entryOwner: 'FRA',
        entryDissemination: seenByAll,
      },
    ],
    outcomes: [
      { agency: 'DEU', outcome: 'seized', entryOwner: 'DEU', entryDissemination: germanOnly },
      { agency: 'FRA', outcome: 'arrested', entryOwner: 'FRA', entryDissemination: seenByAll },
      { agency: 'DEU', outcome: 'arrested', entryOwner: 'FRA', entryDissemination: seenByAll },
    ],
    taggedRecords: [
      { entityId: 'e1', owner: 'FRA', dissemination: seenByAll },
      { entityId: 'e1', owner: 'DEU', dissemination: germanOnly },
      { entityId: 'e2', owner: 'FRA', dissemination: seenByAll },
      { entityId: 'e2', owner: 'FRA', dissemination: seenByAll },
    ],
  };

  it('counts every check, and the hits and outcomes on entries the reader may see', () => {
    const french = operationReport(operation, recorded, 'FRA', '2026-12-08');
    expect(french.hits).toEqual([
      { dataset: 'notices', noticeColour: 'red', level: 'hit', count: 1 },
      { dataset: 'sltd', noticeColour: null, level: 'hit', count: 1 },
    ]);
    expect(french.outcomes).toEqual([
      { agency: 'DEU', outcome: 'arrested', count: 1 },
      { agency: 'FRA', outcome: 'arrested', count: 1 },
    ]);
    expect(french.daily).toEqual([
      { day: '2026-12-01', checks: 0, hits: 0 },
      { day: '2026-12-02', checks: 0, hits: 1 },
      { day: '2026-12-03', checks: 0, hits: 0 },
      { day: '2026-12-04', checks: 0, hits: 0 },
      { day: '2026-12-05', checks: 0, hits: 0 },
      { day: '2026-12-06', checks: 3, hits: 1 },
      { day: '2026-12-07', checks: 0, hits: 0 },
    ]);
    // e1 links DEU's case too, but FRA may not see DEU's record; e2 holds FRA's records alone.
    expect(french.linkedEntities).toEqual([]);
    expect(french.totals).toEqual({ checks: 3, hits: 2, outcomes: 2, linkedEntities: 0 });
  });

  it('differs for a participant who may see more', () => {
    const german = operationReport(operation, recorded, 'DEU', '2026-12-05');
    expect(german.hits).toContainEqual({ dataset: 'sltd', noticeColour: null, level: 'hit', count: 2 });
    expect(german.outcomes).toContainEqual({ agency: 'DEU', outcome: 'seized', count: 1 });
    expect(german.linkedEntities).toEqual([{ entityId: 'e1', agencies: ['DEU', 'FRA'] }]);
    expect(german.daily.map((row) => row.day)).toEqual([
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
    ]);
    expect(german.totals).toEqual({ checks: 3, hits: 3, outcomes: 3, linkedEntities: 1 });
  });
});

describe('reportCsv', () => {
  it('writes one line per count, the section named', () => {
    expect(
      reportCsv({
        operation,
        checks: [{ day: '2026-12-06', agency: 'DEU', dataset: 'sltd', count: 3 }],
        hits: [{ dataset: 'notices', noticeColour: 'red', level: 'hit', count: 1 }],
        daily: [],
        outcomes: [{ agency: 'DEU', outcome: 'arrested', count: 1 }],
        linkedEntities: [{ entityId: 'e1', agencies: ['DEU', 'FRA'] }],
        totals: { checks: 3, hits: 1, outcomes: 1, linkedEntities: 1 },
      }),
    ).toBe(
      'section,day,agency,dataset,notice_colour,level,outcome,count\nchecks,2026-12-06,DEU,sltd,,,,3\n' +
        'hits,,,notices,red,hit,,1\noutcomes,,DEU,,,,arrested,1\nlinked_entities,,DEU FRA,,,,,2\n',
    );
  });
});
