import { blockingKeys } from './blocking';
import { byCandidateRank, candidateStanding } from './candidate-ranking';
import { recordFactsOf, RecordFacts } from './records';

const person = (full: string, script = '', documentNumber = ''): RecordFacts =>
  recordFactsOf('person', {
    names: [
      script
        ? { full: '', given: '', family: '', original: full, script }
        : { full, given: '', family: '', original: '' },
    ],
    documents: documentNumber ? [{ number: documentNumber, type: 1, issuingCountry: 'FRA' }] : [],
  });

/** The candidate stage over an in-memory table: stored names in order (ties keep it), best first. */
function ranked(query: RecordFacts, stored: [string, RecordFacts][]): string[] {
  const rowsOfKey = new Map<string, number>();
  for (const [, facts] of stored)
    for (const key of blockingKeys(facts)) rowsOfKey.set(key, (rowsOfKey.get(key) ?? 0) + 1);
  const wanted = new Set(blockingKeys(query));
  return stored
    .map(([name, facts], order) => ({
      name,
      order,
      keyRows: blockingKeys(facts)
        .filter((key) => wanted.has(key))
        .map((key) => rowsOfKey.get(key) ?? 0),
    }))
    .filter(({ keyRows }) => keyRows.length > 0)
    .map(({ name, order, keyRows }) => ({ name, order, standing: candidateStanding(keyRows) }))
    .sort((a, b) => byCandidateRank(a.standing, b.standing) || a.order - b.order)
    .map(({ name }) => name);
}

describe('the candidate ranking', () => {
  it.each<[string, number[], number[]]>([
    ['a rare key shared outranks many common ones', [3], [200, 200, 200, 200, 200, 200, 200, 200]],
    ['of keys as rare, more shared outrank fewer', [150, 150], [150]],
    ['a rarer key outranks a commoner one', [20], [150]],
  ])('%s', (_case, better, worse) => {
    expect(byCandidateRank(candidateStanding(better), candidateStanding(worse))).toBeLessThan(0);
    expect(byCandidateRank(candidateStanding(worse), candidateStanding(better))).toBeGreaterThan(0);
  });

  // Pairs of the netranslit train splits, each stored after names whose consonants agree with the query's alone (stored
  // first, so a tie would put them ahead): the twin, whose vowels agree too, comes first. (A name whose vowels agree
  // with one of the query's sixteen likeliest spellings ties with the twin: Sila, Сере read sera.)
  it.each<[string, string, string, string[]]>([
    ['Сере', 'Seret', 'Cyrl', ['Sorel', 'Saul', 'Zola', 'Sully']],
    ['薛迪', 'Setti', 'Hani', ['Sato', 'Zeid', 'Saad', 'Soto']],
    ['チェリ', 'Celi', 'Jpan', ['Sarah', 'Sole', 'Zola', 'Saul']],
  ])('%s: its twin %s outranks lookalikes', (query, twin, script, lookalikes) => {
    const stored: [string, RecordFacts][] = [...lookalikes, twin].map((name) => [name, person(name)]);
    const order = ranked(person(query, script), stored);
    expect(order.length).toBeGreaterThan(1);
    expect(order[0]).toBe(twin);
  });

  it('puts the record sharing a document number ahead of those sharing a name alone', () => {
    // More records of one name than a rare key names (RARE_KEY_ROWS), each sharing every name key with the query.
    const stored: [string, RecordFacts][] = Array.from({ length: 8 }, (_, i): [string, RecordFacts] => [
      `Jean Moulin ${i + 1}`,
      person('Jean Moulin'),
    ]);
    stored.push(['Pierre Durand', person('Pierre Durand', '', '12AB34567')]);
    expect(ranked(person('Jean Moulin', '', '12AB34567'), stored)[0]).toBe('Pierre Durand');
  });
});
