import { CsvHeaderError } from './csv-records';
import { formatOf, readCsv, readNdjson, SourceItem, splitLines } from './read-records';

/** The text as a stream of chunks of `size` characters, as a file read would give it. */
async function* chunked(text: string, size = 7): AsyncGenerator<string> {
  for (let at = 0; at < text.length; at += size) yield text.slice(at, at + size);
}

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** Items reduced to what the tests look at: line and record, or line and reason. */
const brief = (items: SourceItem[]) =>
  items.map((item) =>
    item.type === 'record'
      ? { line: item.line, record: item.record }
      : { line: item.line, code: item.code, reason: item.reason, text: item.text, externalRef: item.externalRef },
  );

describe('splitLines', () => {
  it.each([1, 3, 1000])(
    'numbers lines from 1 whatever the chunk size (%i), dropping \\n, \\r\\n and a BOM',
    async (size) => {
      const lines = await all(splitLines(chunked('\uFEFFone\r\ntwo\n\nfour\nfive without newline', size)));
      expect(lines).toEqual([
        { line: 1, text: 'one' },
        { line: 2, text: 'two' },
        { line: 3, text: '' },
        { line: 4, text: 'four' },
        { line: 5, text: 'five without newline' },
      ]);
    },
  );

  it('has no line after a final newline, and none in an empty file', async () => {
    expect(await all(splitLines(chunked('a\n')))).toEqual([{ line: 1, text: 'a' }]);
    expect(await all(splitLines(chunked('')))).toEqual([]);
  });
});

describe('readNdjson', () => {
  it('gives each record the line it is on, skipping blank lines but counting them', async () => {
    const text = [
      '{"externalRef":"A"}',
      '',
      '   ',
      '{"externalRef":"B","person":{"names":[{"family":"Ünal"}]}}',
      '{"externalRef":"C"}',
    ].join('\r\n');
    expect(brief(await all(readNdjson(chunked(text, 5))))).toEqual([
      { line: 1, record: { externalRef: 'A' } },
      { line: 4, record: { externalRef: 'B', person: { names: [{ family: 'Ünal' }] } } },
      { line: 5, record: { externalRef: 'C' } },
    ]);
  });

  it('rejects, in place and without stopping, a line that is not JSON or not an object', async () => {
    const text = [
      '{"externalRef":"A"}',
      '{"kind": "person", "externalRef": "FR-\\"7\\"", ',
      '[{"externalRef":"B"}]',
      '42',
      'null',
      '{"externalRef":"C"}',
    ].join('\n');
    const items = brief(await all(readNdjson(chunked(text))));
    expect(items).toEqual([
      { line: 1, record: { externalRef: 'A' } },
      {
        line: 2,
        code: 'malformed_json',
        reason: expect.stringMatching(/^json: not valid JSON: /),
        text: '{"kind": "person", "externalRef": "FR-\\"7\\"", ',
        externalRef: 'FR-"7"',
      },
      {
        line: 3,
        code: 'validation_failed',
        reason: 'record: must be a JSON object, not an array',
        text: '[{"externalRef":"B"}]',
        externalRef: undefined,
      },
      {
        line: 4,
        code: 'validation_failed',
        reason: 'record: must be a JSON object, not number',
        text: '42',
        externalRef: undefined,
      },
      {
        line: 5,
        code: 'validation_failed',
        reason: 'record: must be a JSON object, not null',
        text: 'null',
        externalRef: undefined,
      },
      { line: 6, record: { externalRef: 'C' } },
    ]);
  });
});

describe('readCsv', () => {
  it('maps each row, numbered by the line it starts on, a quoted line break included', async () => {
    const text = [
      'kind,externalRef,travelDocument.mrz,person.names.0.family',
      'person,P-1,,"Petrov, Ivan"',
      '',
      'travel_document,T-1,"P<UTO',
      'L898<<",',
      'person,P-2,,"O""Brien"',
    ].join('\r\n');
    expect(brief(await all(readCsv(chunked(text, 4))))).toEqual([
      { line: 2, record: { kind: 'person', externalRef: 'P-1', person: { names: [{ family: 'Petrov, Ivan' }] } } },
      { line: 4, record: { kind: 'travel_document', externalRef: 'T-1', travelDocument: { mrz: 'P<UTO\nL898<<' } } },
      { line: 6, record: { kind: 'person', externalRef: 'P-2', person: { names: [{ family: 'O"Brien' }] } } },
    ]);
  });

  it('rejects a row that does not parse or has the wrong number of fields, and only that row', async () => {
    const text = [
      'kind,externalRef,purpose',
      'firearm,F-1,x',
      'firearm,"F-2"oops,x',
      'firearm,F-3',
      'firearm,F-4,x,extra',
      'firearm,F"5,x',
      'firearm,F-6,x',
    ].join('\n');
    expect(brief(await all(readCsv(chunked(text))))).toEqual([
      { line: 2, record: { kind: 'firearm', externalRef: 'F-1', purpose: 'x' } },
      {
        line: 3,
        code: 'malformed_csv',
        reason: expect.stringMatching(/^csv: Invalid Closing Quote: got "o" instead of delimiter/),
        text: 'firearm,"F-2"oops,x',
        externalRef: undefined,
      },
      {
        line: 4,
        code: 'malformed_csv',
        reason: 'row: has 2 fields but the header has 3 columns',
        text: 'firearm,F-3',
        externalRef: undefined,
      },
      {
        line: 5,
        code: 'malformed_csv',
        reason: 'row: has 4 fields but the header has 3 columns',
        text: 'firearm,F-4,x,extra',
        externalRef: undefined,
      },
      {
        line: 6,
        code: 'malformed_csv',
        reason: expect.stringMatching(
          /^csv: a quoted field opened on this line is not closed \(the file ends inside it\)/,
        ),
        text: 'firearm,F"5,x',
        externalRef: undefined,
      },
      { line: 7, record: { kind: 'firearm', externalRef: 'F-6', purpose: 'x' } },
    ]);
  });

  it('gives up on a quote left open for over 100 lines, and reads on from the line after it', async () => {
    const rows = Array.from({ length: 150 }, (_, at) => `firearm,F-${at + 3}`);
    const text = ['kind,externalRef', 'firearm,"F-2', ...rows, 'firearm,"F-last', 'tail"'].join('\n');
    const items = await all(readCsv(chunked(text, 64)));
    expect(items[0]).toMatchObject({
      type: 'unreadable',
      line: 2,
      reason: expect.stringContaining('still open after 101 lines'),
    });
    expect(items.slice(1, 151).map((item) => item.type === 'record' && [item.line, item.record.externalRef])).toEqual(
      rows.map((_, at) => [at + 3, `F-${at + 3}`]),
    );
    expect(brief(items.slice(151))).toEqual([{ line: 153, record: { kind: 'firearm', externalRef: 'F-last\ntail' } }]);
  });

  it('reads many rows in groups and keeps them in order around bad ones', async () => {
    const lines = ['kind,externalRef'];
    for (let at = 2; at <= 1_001; at++) lines.push(at % 97 === 0 ? `firearm,"bad"${at}` : `firearm,F-${at}`);
    const items = await all(readCsv(chunked(lines.join('\n'), 1000)));
    expect(items.map((item) => item.line)).toEqual(Array.from({ length: 1_000 }, (_, at) => at + 2));
    expect(items.filter((item) => item.type === 'unreadable').map((item) => item.line)).toEqual([
      97, 194, 291, 388, 485, 582, 679, 776, 873, 970,
    ]);
  });

  it('refuses a header that cannot describe a record, naming the line and column', async () => {
    await expect(all(readCsv(chunked('kind,person,person.names.0.family\nperson,x,y\n')))).rejects.toThrow(
      new CsvHeaderError(
        'line 1 (the header): column 3 "person.names.0.family": column "person" already holds person as a single value',
      ),
    );
    await expect(all(readCsv(chunked('"kind,externalRef\n')))).rejects.toThrow(
      /line 1: the header row is not valid CSV/,
    );
  });

  it('reads nothing from an empty file or a header alone', async () => {
    expect(await all(readCsv(chunked('')))).toEqual([]);
    expect(await all(readCsv(chunked('kind,externalRef\n\n')))).toEqual([]);
  });
});

it.each([
  ['records.csv', 'csv'],
  ['RECORDS.CSV', 'csv'],
  ['a/records.ndjson', 'ndjson'],
  ['records.jsonl', 'ndjson'],
  ['records.json', undefined],
  ['records', undefined],
])('formatOf(%s) is %s', (file, format) => {
  expect(formatOf(file)).toBe(format);
});
