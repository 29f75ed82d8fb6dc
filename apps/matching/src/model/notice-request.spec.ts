import { disseminationFromContract } from '@crosscheck/auth';
import { NoticeColour } from '@crosscheck/contracts';
import { missingForColour, noticeEntryOf, NoticeRequestInput, quotaShare } from './notice-request';

const subject = { names: [{ given: 'Marco', family: 'Bellini' }], dateOfBirth: '1975-06-02' };
const request = (fields: Partial<NoticeRequestInput>): NoticeRequestInput =>
  ({ type: 'notice', colour: 'red', subject, legalBasis: 'warrant 1', ...fields }) as NoticeRequestInput;

describe('missingForColour', () => {
  it.each([
    ['red with charges and a birth date', { charges: 'robbery' }, []],
    ['red without charges', {}, ['charges']],
    ['red without a birth date', { charges: 'robbery', subject: { names: subject.names } }, ['subject.dateOfBirth']],
    ['yellow with a reason', { colour: 'yellow', reason: 'missing since May' }, []],
    [
      'yellow without a reason or birth date',
      { colour: 'yellow', subject: { names: subject.names } },
      ['reason', 'subject.dateOfBirth'],
    ],
    ['black without marks', { colour: 'black', reason: 'body found' }, ['subject.distinguishingMarks']],
    [
      'black with marks',
      { colour: 'black', reason: 'body found', subject: { ...subject, distinguishingMarks: ['scar'] } },
      [],
    ],
    ['silver without assets', { colour: 'silver', charges: 'fraud' }, ['assets']],
    ['silver with assets', { colour: 'silver', charges: 'fraud', assets: ['villa'] }, []],
    ['blue with a blank reason', { colour: 'blue', reason: '  ' }, ['reason']],
    ['a notice with addressees', { charges: 'robbery', addressees: ['DEU'] }, ['addressees']],
    ['a diffusion with addressees', { type: 'diffusion', charges: 'robbery', addressees: ['DEU'] }, []],
  ] as [string, Partial<NoticeRequestInput>, string[]][])('%s', (_, fields, missing) => {
    expect(missingForColour(request(fields)).map((problem) => problem.field)).toEqual(missing);
  });
});

describe('quotaShare', () => {
  it.each([
    [500, ['A', 'B'], 'A', 250],
    [500, ['A', 'B', 'C'], 'C', 166],
    [1, ['A', 'B'], 'A', 0],
    [500, ['A', 'B'], 'Z', 0],
  ])('%i shared by %j gives %s %i', (total, participants, agency, share) => {
    expect(quotaShare({ total, participants }, agency)).toBe(share);
  });
});

describe('noticeEntryOf', () => {
  it('makes the requester’s notice entry: seen by all for a notice, by the addressees for a diffusion', () => {
    const notice = noticeEntryOf('r1', 'FRA', request({ charges: 'robbery' }));
    expect(notice).toMatchObject({ entryId: 'FRA:r1', dataset: 'notices', owner: 'FRA' });
    expect(notice.body.case === 'notice' && notice.body.value.colour).toBe(NoticeColour.RED);
    const diffusion = noticeEntryOf('r2', 'FRA', request({ type: 'diffusion', charges: 'x', addressees: ['DEU'] }));
    expect(diffusion.dissemination?.agencies).toEqual(['DEU']);
    // Outside its addressees a diffusion answers hit/no-hit, as notices do by default.
    expect(disseminationFromContract(diffusion.dissemination)).toEqual({
      scope: 'agencies',
      agencies: ['DEU'],
      outside: 'hit-no-hit',
    });
  });
});
