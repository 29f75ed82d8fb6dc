import { Readable } from 'node:stream';
import { create } from '@bufbuild/protobuf';
import { DisseminationSchema, DisseminationScope } from '@crosscheck/contracts';
import { parseCsvMapping } from './csv-mapping';
import { parseCsv } from './csv.parser';
import { parseFollowTheMoney } from './follow-the-money.parser';
import { parseNdjson } from './ndjson.parser';
import { DatasetName, ParseContext, ReferenceChange } from '../../model/reference-change';

/** The NDJSON run is the 100k-line one; the others show the same with fewer lines, as validation costs ~0.1 ms a line under jest. */
const LINES = 100_000;
const FEWER_LINES = 20_000;

function contextFor(dataset: DatasetName): ParseContext {
  return { dataset, owner: 'IPSG', dissemination: create(DisseminationSchema, { scope: DisseminationScope.ALL }) };
}

/** A file of `count` lines, made one at a time as it is read; `read` says how many have been. */
function lazyFile(count: number, lineAt: (index: number) => string) {
  const progress = { read: 0 };
  async function* lines(): AsyncGenerator<string> {
    for (let index = 0; index < count; index++) {
      progress.read++;
      yield lineAt(index);
    }
  }
  return { lines, progress };
}

/** Consumes every change, noting how far reading ever ran ahead of it; the file is never held. */
async function drain(changes: AsyncIterable<ReferenceChange>, progress: { read: number }, headerLines = 0) {
  let consumed = 0;
  let furthestAhead = 0;
  const ops: Record<string, number> = {};
  for await (const change of changes) {
    consumed++;
    furthestAhead = Math.max(furthestAhead, progress.read - headerLines - consumed);
    ops[change.op] = (ops[change.op] ?? 0) + 1;
  }
  return { consumed, furthestAhead, ops };
}

describe('streaming', () => {
  it(`NDJSON reads each of ${LINES} lines only when the change before it has been taken`, async () => {
    const file = lazyFile(LINES, (index) =>
      JSON.stringify({ entryId: `FA-${index}`, firearm: { serialNumber: `SN${index}`, make: 'Glock' } }),
    );
    const result = await drain(parseNdjson(file.lines(), contextFor('firearms')), file.progress);
    expect(result).toEqual({ consumed: LINES, furthestAhead: 0, ops: { upsert: LINES } });
  }, 60_000);

  it(`CSV reads ${FEWER_LINES} records, never further ahead than the stream buffers`, async () => {
    const file = lazyFile(FEWER_LINES + 1, (index) =>
      index === 0
        ? 'ID,VIN,PLATE,COUNTRY\n'
        : `V-${index},1M8GDM9AXKP0${String(index).padStart(5, '0')},AB-${index},FRA\n`,
    );
    const mapping = parseCsvMapping(
      'entryId=ID,vehicle.vin=VIN,vehicle.plate=PLATE,vehicle.registrationCountry=COUNTRY',
      'smv',
    );
    const result = await drain(parseCsv(Readable.from(file.lines()), contextFor('smv'), mapping), file.progress, 1);
    expect(result.consumed).toBe(FEWER_LINES);
    expect(result.ops).toEqual({ upsert: FEWER_LINES });
    expect(result.furthestAhead).toBeLessThan(2_000);
  }, 60_000);

  it(`FollowTheMoney reads each of ${FEWER_LINES} lines only when the change before it has been taken, holder names and all`, async () => {
    const file = lazyFile(FEWER_LINES, (index) =>
      JSON.stringify(
        index % 2 === 0
          ? { id: `P-${index}`, schema: 'Person', properties: { name: [`Person ${index}`] } }
          : {
              id: `D-${index}`,
              schema: 'Passport',
              properties: { holder: [`P-${index - 1}`], number: [`N${index}`], country: ['fr'] },
            },
      ),
    );
    const result = await drain(
      parseFollowTheMoney(file.lines(), contextFor('sltd'), { holderNames: 1_000 }),
      file.progress,
    );
    expect(result).toEqual({
      consumed: FEWER_LINES,
      furthestAhead: 0,
      ops: { skipped: FEWER_LINES / 2, upsert: FEWER_LINES / 2 },
    });
  }, 60_000);
});
