import { reportCsv, taggingProblem, type Operation } from './operation';

const operation: Operation = {
  code: 'JUPITER-26',
  name: 'Jupiter',
  startsOn: '2026-12-01',
  endsOn: '2026-12-07',
  coordinator: 'FRA',
  participants: ['FRA', 'DEU'],
};

describe('taggingProblem', () => {
  it.each([
    ['a participant within the period', 'DEU', '2026-12-06', undefined],
    ['a participant on the last day', 'DEU', '2026-12-07', undefined],
    ['a participant before the start', 'DEU', '2026-11-30', 'operation JUPITER-26 runs from 2026-12-01 to 2026-12-07'],
    ['a participant after the end', 'FRA', '2026-12-08', 'operation JUPITER-26 runs from 2026-12-01 to 2026-12-07'],
    ['another agency', 'NLD', '2026-12-06', 'NLD does not take part in operation JUPITER-26'],
  ])('%s', (_, agency, day, problem) => {
    expect(taggingProblem(operation, agency, day)).toBe(problem);
  });
});

describe('reportCsv', () => {
  it('writes one line per count, the section named', () => {
    expect(
      reportCsv({
        operation,
        checks: [{ day: '2026-12-06', agency: 'DEU', dataset: 'sltd', count: 3 }],
        hits: [{ dataset: 'notices', noticeColour: 'red', level: 'hit', count: 1 }],
        totals: { checks: 3, hits: 1 },
      }),
    ).toBe(
      'section,day,agency,dataset,notice_colour,level,count\nchecks,2026-12-06,DEU,sltd,,,3\nhits,,,notices,red,hit,1\n',
    );
  });
});
