import { explainPath, NetworkCaseFacts, NetworkLinkStepFacts } from './network-link-facts';

const fra: NetworkCaseFacts = {
  agency: 'FRA',
  caseRef: 'OP-1',
  entityId: 'e1',
  recordId: 'r1',
  externalRef: 'FRA-1',
  recordKind: 'person',
};
const deu: NetworkCaseFacts = { ...fra, agency: 'DEU', caseRef: 'K-9', entityId: 'e3', recordId: 'r3' };
const step = (explanation: string): NetworkLinkStepFacts => ({
  fromEntityId: 'a',
  toEntityId: 'b',
  fromRecordId: 'ra',
  toRecordId: 'rb',
  reason: 'phone',
  value: '+33641223301',
  score: 0.9,
  strength: 'strong',
  explanation,
});

describe('explainPath', () => {
  it.each([
    [
      'one edge',
      [step('same phone number +33641223301, carried by 2 records')],
      'FRA case OP-1 — same phone number +33641223301, carried by 2 records — DEU case K-9',
    ],
    [
      'two edges, through another record',
      [step('same phone number +33641223301, carried by 2 records'), step('FRA declared: used')],
      'FRA case OP-1 — same phone number +33641223301, carried by 2 records — another record — FRA declared: used — DEU case K-9',
    ],
  ])('%s', (_, path, expected) => {
    expect(explainPath(fra, deu, path)).toBe(expected);
  });
});
