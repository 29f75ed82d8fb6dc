/**
 * Probe counting against a real Postgres, with matching's own migration: the
 * answer that reaches the threshold sets the alarm off, once per window, and
 * agencies and entries count apart; concurrent answers count every one.
 */
import { scratchDatabase } from '../../../../test/harness/scratch-database';
import { HitNoHitProbes1763800000360 } from '../migrations/1763800000360-hit-no-hit-probes';
import { HitNoHitProbesRepository } from './hit-no-hit-probes.repository';

jest.setTimeout(60_000);

const probes = new HitNoHitProbesRepository();
const WINDOW = 60;

const database = scratchDatabase('probes', { schema: 'matching', migrations: [HitNoHitProbes1763800000360] });

const answer = (agency: string, entryIds: string[], threshold = 3) =>
  database.dataSource.transaction((transaction) =>
    probes.count(
      transaction,
      agency,
      entryIds.map((entryId) => ({ dataset: 'notices', entryId })),
      threshold,
      WINDOW,
    ),
  );

it('sets the alarm off at the answer that reaches the threshold, and only then', async () => {
  const seen = [];
  for (let round = 0; round < 5; round++) seen.push((await answer('AAA', ['RN-1']))[0]);
  expect(seen).toEqual([
    { answers: 1, alarmNow: false },
    { answers: 2, alarmNow: false },
    { answers: 3, alarmNow: true },
    { answers: 4, alarmNow: false },
    { answers: 5, alarmNow: false },
  ]);
});

it('counts agencies and entries apart, several entries of one answer in one go', async () => {
  expect(await answer('BBB', ['RN-1', 'RN-2'])).toEqual([
    { answers: 1, alarmNow: false },
    { answers: 1, alarmNow: false },
  ]);
  expect(await answer('BBB', ['RN-2'])).toEqual([{ answers: 2, alarmNow: false }]);
});

it('a threshold of one: the first answer sets it off', async () => {
  expect(await answer('CCC', ['RN-1'], 1)).toEqual([{ answers: 1, alarmNow: true }]);
});

it('starts over once the window has passed', async () => {
  await database.dataSource.query(
    `UPDATE matching.hit_no_hit_probes SET window_start = now() - interval '61 minutes' WHERE agency = 'AAA'`,
  );
  expect(await answer('AAA', ['RN-1'])).toEqual([{ answers: 1, alarmNow: false }]);
});

it('counts every one of many concurrent answers, and sets the alarm off once', async () => {
  const counts = (await Promise.all(Array.from({ length: 20 }, () => answer('DDD', ['RN-9'], 10)))).map(
    ([count]) => count,
  );
  expect(counts.map((count) => count.answers).sort((a, b) => a - b)).toEqual(
    Array.from({ length: 20 }, (_, index) => index + 1),
  );
  expect(counts.filter((count) => count.alarmNow)).toEqual([{ answers: 10, alarmNow: true }]);
});
