import { FatalShareError, IntakeBatchAnswer, IntakeItemResult } from './intake-client';
import type { SourceItem } from './read-records';
import { OutgoingBatch, RejectEntry, runShare } from './share-run';

async function* source(items: SourceItem[]): AsyncGenerator<SourceItem> {
  for (const item of items) yield item;
}

const record = (line: number, externalRef = `R-${line}`): SourceItem => ({
  type: 'record',
  line,
  record: { externalRef },
});

/** An intake that creates every record but those whose externalRef starts with BAD. */
function intake(
  answer: (records: { externalRef: string }[], batch: OutgoingBatch) => IntakeItemResult[] = createdUnlessBad,
) {
  const batches: OutgoingBatch[] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  const send = async (batch: OutgoingBatch): Promise<IntakeBatchAnswer> => {
    batches.push(batch);
    mostInFlight = Math.max(mostInFlight, ++inFlight);
    await new Promise((resolve) => setTimeout(resolve, 5));
    inFlight--;
    return { results: answer(JSON.parse(batch.body), batch), replayed: false };
  };
  return { send, batches, mostInFlight: () => mostInFlight };
}

function createdUnlessBad(records: { externalRef: string }[]): IntakeItemResult[] {
  return records.map((item, index) =>
    item.externalRef.startsWith('BAD')
      ? {
          index,
          status: 400,
          error: {
            code: 'validation_failed',
            message: 'vehicle.vin: must be a VIN',
            details: [
              { field: 'vehicle.vin', rule: 'isVin', message: 'must be a VIN: O is not allowed' },
              { field: 'purpose', rule: 'isNotEmpty', message: 'should not be empty' },
            ],
          },
        }
      : { index, status: 201, outcome: 'created', externalRef: item.externalRef },
  );
}

it('sends batches of up to batchSize records in file order, at most `concurrency` at once', async () => {
  const fake = intake();
  const items = Array.from({ length: 25 }, (_, at) => record(at * 2 + 1));
  const { tally, fatal } = await runShare({
    items: source(items),
    batchSize: 10,
    concurrency: 2,
    send: fake.send,
    reject: () => undefined,
  });
  expect(fatal).toBeUndefined();
  expect(fake.batches.map((batch) => [batch.batchNo, batch.count, batch.firstLine, batch.lastLine])).toEqual([
    [1, 10, 1, 19],
    [2, 10, 21, 39],
    [3, 5, 41, 49],
  ]);
  expect(JSON.parse(fake.batches[2]!.body)).toEqual(
    items.slice(20).map((item) => (item as { record: unknown }).record),
  );
  expect(fake.mostInFlight()).toBe(2);
  expect(tally).toMatchObject({ done: 25, created: 25, rejected: 0, batches: 3 });
});

it('cuts a batch short before it grows past maxBatchBytes', async () => {
  const fake = intake();
  await runShare({
    items: source([record(1, 'x'.repeat(40)), record(2, 'y'.repeat(40)), record(3)]),
    batchSize: 10,
    concurrency: 1,
    maxBatchBytes: 100,
    send: fake.send,
    reject: () => undefined,
  });
  expect(fake.batches.map((batch) => batch.count)).toEqual([1, 2]);
});

it('writes local and intake rejections with the source line, reasons naming the field, and the record', async () => {
  const fake = intake();
  const rejects: RejectEntry[] = [];
  const items: SourceItem[] = [
    record(2),
    {
      type: 'unreadable',
      line: 3,
      code: 'malformed_csv',
      reason: 'row: has 2 fields but the header has 3 columns',
      text: 'vehicle,V-1',
    },
    record(4, 'BAD-1'),
    record(5),
  ];
  const { tally } = await runShare({
    items: source(items),
    batchSize: 2,
    concurrency: 2,
    send: fake.send,
    reject: (entry) => void rejects.push(entry),
  });
  expect(fake.batches.map((batch) => batch.count)).toEqual([2, 1]);
  expect(tally).toMatchObject({ done: 4, created: 2, rejected: 2, unreadable: 1, refused: 1 });
  expect(rejects.sort((a, b) => a.line - b.line)).toEqual([
    {
      line: 3,
      externalRef: null,
      status: null,
      code: 'malformed_csv',
      reasons: ['row: has 2 fields but the header has 3 columns'],
      record: 'vehicle,V-1',
    },
    {
      line: 4,
      externalRef: 'BAD-1',
      status: 400,
      code: 'validation_failed',
      reasons: ['vehicle.vin: must be a VIN: O is not allowed', 'purpose: should not be empty'],
      record: { externalRef: 'BAD-1' },
    },
  ]);
});

it('uses the message as the reason when intake names no field', async () => {
  const fake = intake((records) =>
    records.map((_, index) => ({
      index,
      status: 409,
      error: { code: 'duplicate_in_batch', message: 'externalRef R-1 is also item 0', details: [] },
    })),
  );
  const rejects: RejectEntry[] = [];
  await runShare({
    items: source([record(1)]),
    batchSize: 5,
    concurrency: 1,
    send: fake.send,
    reject: (entry) => void rejects.push(entry),
  });
  expect(rejects[0]).toMatchObject({
    status: 409,
    code: 'duplicate_in_batch',
    reasons: ['externalRef R-1 is also item 0'],
  });
});

it('counts batches intake answered from an earlier run', async () => {
  const { tally } = await runShare({
    items: source([record(1), record(2)]),
    batchSize: 1,
    concurrency: 1,
    send: async () => ({ results: [{ index: 0, status: 200, outcome: 'unchanged' }], replayed: true }),
    reject: () => undefined,
  });
  expect(tally).toMatchObject({ unchanged: 2, batches: 2, replayedBatches: 2 });
});

it('stops at a fatal error: reads no further, finishes what is in flight, sends no part-filled batch', async () => {
  const sent: number[] = [];
  const read: number[] = [];
  async function* items(): AsyncGenerator<SourceItem> {
    for (let line = 1; line <= 100; line++) {
      read.push(line);
      yield record(line);
    }
  }
  const result = await runShare({
    items: items(),
    batchSize: 3,
    concurrency: 2,
    send: async (batch) => {
      sent.push(batch.batchNo);
      await new Promise((resolve) => setTimeout(resolve, batch.batchNo === 2 ? 1 : 20));
      if (batch.batchNo === 2) throw new FatalShareError('401: the API key is not valid');
      return { results: createdUnlessBad(JSON.parse(batch.body)), replayed: false };
    },
    reject: () => undefined,
  });
  expect(result.fatal).toEqual(new FatalShareError('401: the API key is not valid'));
  expect(sent).toEqual([1, 2]);
  expect(result.tally).toMatchObject({ created: 3, batches: 1 });
  expect(Math.max(...read)).toBeLessThan(12);
});

it('stops reading when asked, without sending the part-filled batch', async () => {
  const fake = intake();
  let stop = false;
  async function* items(): AsyncGenerator<SourceItem> {
    for (let line = 1; line <= 100; line++) {
      if (line === 8) stop = true;
      yield record(line);
    }
  }
  const result = await runShare({
    items: items(),
    batchSize: 3,
    concurrency: 2,
    send: fake.send,
    reject: () => undefined,
    stopRequested: () => stop,
  });
  expect(result.stopped).toBe(true);
  expect(fake.batches.map((batch) => [batch.firstLine, batch.lastLine])).toEqual([
    [1, 3],
    [4, 6],
  ]);
  expect(result.tally).toMatchObject({ done: 6, lastLine: 7 });
});

it('reports a reader failure (a bad CSV header) as fatal, having sent nothing', async () => {
  const fake = intake();
  // eslint-disable-next-line require-yield -- a source that fails before its first item
  async function* items(): AsyncGenerator<SourceItem> {
    throw new Error('line 1 (the header): column 2: the header names no field');
  }
  const result = await runShare({
    items: items(),
    batchSize: 3,
    concurrency: 2,
    send: fake.send,
    reject: () => undefined,
  });
  expect((result.fatal as Error).message).toMatch(/the header names no field/);
  expect(fake.batches).toEqual([]);
});
