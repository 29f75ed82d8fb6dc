/**
 * Which rules derived a set of stored facts and blocking keys. dedup stores
 * each member's facts and keys (entity_members.facts, member_keys), and
 * matching those of its reference entries and checked records. When the rules
 * change (blocking.ts, the name engine, its learned tables), what was stored
 * under the old ones no longer meets what the new ones derive from a variant:
 * candidates are lost without a word. A service compares this revision with
 * the one its rows were derived under, and derives them again from the
 * records it kept (libs/persistence rederive.ts).
 *
 * The revision is a digest of what the rules derive from a fixed set of
 * records of every kind and script, so any change that reaches them changes
 * it, with EDITION beside it, to raise by hand for a change they do not reach.
 */
import { createHash } from 'node:crypto';
import { blockingKeys } from './blocking';
import { recordFactsOf, RecordKindName, RecordLike } from './records';

/** Raise it when the rules change in a way the probes below do not show. */
const EDITION = 2;

const person = (full: string, original = '', year = 1971): RecordLike => ({
  names: [{ full, given: '', family: '', original }],
  dateOfBirth: { year, month: 3, day: 14 },
});

const PROBES: [RecordKindName, RecordLike][] = [
  ['person', person('Ivan Petrov', 'Иван Петров')],
  ['person', person('Mohammed al-Hassan', 'محمد الحسن', 1980)],
  ['person', person('Robert Kim', '로버트 김', 1990)],
  ['person', person('Hobart Zhang', '霍巴特 张', 1965)],
  ['person', person('Tanaka Hiroshi', '田中 ひろし', 1958)],
  ['person', person('Robaato Sumisu', 'ロバート スミス', 1977)],
  ['person', person('David Levi', 'דוד לוי', 1984)],
  ['person', person('Nikos Papadopoulos', 'Νίκος Παπαδόπουλος', 1969)],
  ['person', person('Jean-Pierre de la Fontaine', '', 1950)],
  [
    'person',
    {
      names: [{ full: 'Maria Gonzalez Lopez', given: '', family: '', original: '' }],
      documents: [{ number: 'X1234567', type: 1, issuingCountry: 'ESP' }],
      phones: [{ e164: '+34600123456' }],
      emails: [{ normalized: 'maria@example.org' }],
      addresses: [{ line: 'Calle Mayor 1', city: 'Madrid', country: 'ESP' }],
    } as RecordLike,
  ],
  ['travel_document', { document: { number: 'AB1234567' }, holderName: 'Ivan Petrov' }],
  ['vehicle', { vin: 'WVWZZZ1JZXW000001', plate: 'AB-123-CD' }],
  ['firearm', { serialNumber: 'GLK123456', make: 'Glock' }],
  ['artwork', { title: 'Still Life with Flowers', maker: 'Jan van Huysum' }],
  ['organisation', { names: [{ name: 'Nordweg Logistik GmbH' }] }],
];

let revision: string | undefined;

/** The revision of the rules this build derives facts and blocking keys with (computed once). */
export function derivationRevision(): string {
  if (revision) return revision;
  const digest = createHash('sha256').update(`edition ${EDITION}\n`);
  for (const [kind, body] of PROBES) {
    const facts = recordFactsOf(kind, body);
    digest.update(JSON.stringify(facts)).update('\n').update(blockingKeys(facts).join('\u0000')).update('\n');
  }
  revision = digest.digest('hex').slice(0, 16);
  return revision;
}
