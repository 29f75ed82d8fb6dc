/**
 * The inbox against a real Postgres, in both forms: a message id is claimed
 * once, with the work; a batch claims all its ids in one statement, hands the
 * work only the new ones (the first of an id repeated within the batch), and a
 * failed batch leaves no claim behind, so its messages can be handled again.
 */
import { randomBytes } from 'node:crypto';
import { dropDatabase, ensureDatabase } from '@crosscheck/infra';
import { openDatabase } from '@crosscheck/persistence';
import { DataSource } from 'typeorm';
import { testInfrastructure } from '../../../test/harness/infrastructure';
import { Inbox } from './inbox';
import { IncomingMessage } from './incoming-message';
import { CreateOutboxAndInbox1763800000000 } from './messaging.migration';
import { MessagingSettings } from './messaging.settings';

jest.setTimeout(60_000);

const infrastructure = testInfrastructure();
const suffix = randomBytes(3).toString('hex');
const databaseName = `cc_test_inbox_${suffix}`;
const settings = { groupId: `inbox-test-${suffix}` } as MessagingSettings;
let dataSource: DataSource;
let inbox: Inbox;

const message = (messageId: string, offset = '0') => ({
  message: new IncomingMessage('records.resolved.v1', 0, offset, undefined, messageId, 'schema', 1),
});

beforeAll(async () => {
  const url = await ensureDatabase(infrastructure.postgresAdminUrl, databaseName);
  dataSource = await openDatabase({
    url,
    schema: 'inboxtest',
    applicationName: 'inbox-test',
    migrations: [CreateOutboxAndInbox1763800000000],
  });
  await dataSource.query('CREATE TABLE work_done (message_id text NOT NULL)');
  inbox = new Inbox(dataSource, settings);
});

afterAll(async () => {
  await dataSource?.destroy();
  await dropDatabase(infrastructure.postgresAdminUrl, databaseName);
});

const doWork = async (transaction: { query: DataSource['query'] }, claimed: { message: IncomingMessage }[]) => {
  await transaction.query('INSERT INTO work_done SELECT unnest($1::text[])', [
    claimed.map((item) => item.message.messageId),
  ]);
};
const workDone = async (): Promise<string[]> =>
  (await dataSource.query('SELECT message_id FROM work_done ORDER BY message_id')).map(
    (row: { message_id: string }) => row.message_id,
  );

it('claims a batch once, works only on the new ids, and answers each message’s outcome in order', async () => {
  expect(await inbox.runOnce(message('a').message, (transaction) => doWork(transaction, [message('a')]))).toBe(
    'processed',
  );
  const outcomes = await inbox.runOnceEach(
    [message('a', '1'), message('b', '2'), message('c', '3'), message('b', '4')],
    doWork,
  );
  expect(outcomes).toEqual(['duplicate', 'processed', 'processed', 'duplicate']);
  expect(await workDone()).toEqual(['a', 'b', 'c']);
  expect(await inbox.runOnceEach([message('c'), message('b')], doWork)).toEqual(['duplicate', 'duplicate']);
  expect(await workDone()).toEqual(['a', 'b', 'c']);
});

it('leaves no claim when the batch’s work fails, so each message can be handled again', async () => {
  await expect(
    inbox.runOnceEach([message('d'), message('e')], async (transaction, claimed) => {
      await doWork(transaction, claimed);
      throw new Error('the batch failed');
    }),
  ).rejects.toThrow('the batch failed');
  expect(await workDone()).toEqual(['a', 'b', 'c']);
  expect(await inbox.runOnceEach([message('e')], doWork)).toEqual(['processed']);
  expect(await inbox.runOnce(message('d').message, (transaction) => doWork(transaction, [message('d')]))).toBe(
    'processed',
  );
  expect(await workDone()).toEqual(['a', 'b', 'c', 'd', 'e']);
});
