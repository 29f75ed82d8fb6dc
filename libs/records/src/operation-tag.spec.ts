import { OPERATION_CODE, taggingProblem } from './operation-tag';

const operation = {
  code: 'JUPITER-26',
  startsOn: '2026-12-01',
  endsOn: '2026-12-07',
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

describe('OPERATION_CODE', () => {
  it.each([
    ['JUPITER-26', true],
    ['S1', true],
    ['-STOP', false],
    ['STOP 26', false],
    ['stop', false],
  ])('%s: %s', (code, valid) => {
    expect(OPERATION_CODE.test(code)).toBe(valid);
  });
});
