import { NoticeColour } from '@crosscheck/contracts';
import { BadLine, parseNoticeLine } from './notice-line';

const valid = {
  entryId: 'RN-1',
  colour: 'red',
  subject: { names: [{ given: 'Ivan', family: 'Petrov', original: 'Иван Петров', script: 'Cyrl' }], dateOfBirth: '1971-03', nationalities: ['RUS'] },
};

describe('parseNoticeLine', () => {
  it('turns a line into a notice entry owned by the loader’s agency', () => {
    const entry = parseNoticeLine(JSON.stringify(valid), 'notices', 'IPSG');
    expect(entry.entryId).toBe('RN-1');
    expect(entry.owner).toBe('IPSG');
    expect(entry.body.case).toBe('notice');
    if (entry.body.case !== 'notice') return;
    expect(entry.body.value.colour).toBe(NoticeColour.RED);
    expect(entry.body.value.subject?.names[0]).toMatchObject({ full: 'Ivan Petrov', original: 'Иван Петров', script: 'Cyrl' });
    expect(entry.body.value.subject?.dateOfBirth).toMatchObject({ year: 1971, month: 3, day: 0 });
  });

  it.each([
    ['{not json', 'not valid JSON'],
    [JSON.stringify({ ...valid, entryId: ' ' }), 'entryId: must be a non-empty string'],
    [JSON.stringify({ ...valid, colour: 'pink' }), 'colour: must be one of red, yellow'],
    [JSON.stringify({ ...valid, subject: { names: [] } }), 'subject.names: must list at least one name'],
    [JSON.stringify({ ...valid, subject: { names: [{ script: 'Latn' }] } }), 'subject.names[0]: needs at least one of full, given or family'],
    [JSON.stringify({ ...valid, subject: { ...valid.subject, dateOfBirth: '14/03/1971' } }), 'subject.dateOfBirth: must be YYYY, YYYY-MM or YYYY-MM-DD'],
  ])('refuses %s with a reason naming the field', (line, reason) => {
    expect(() => parseNoticeLine(line, 'notices', 'IPSG')).toThrow(BadLine);
    expect(() => parseNoticeLine(line, 'notices', 'IPSG')).toThrow(reason);
  });
});
