/**
 * The agency share CLI, run as a process against a real intake: a CSV and an
 * NDJSON file shared in batches, bad rows rejected (locally when they cannot
 * be read, by intake when they are invalid) into a rejects file with line
 * numbers and reasons, good records readable afterwards, and re-runs that
 * change nothing.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { paths } from '@crosscheck/infra';
import { recordOfKind } from '../fixtures/kinds';
import { createSuite, Suite } from '../harness/suite';

jest.setTimeout(120_000);

const CLI = path.join(paths.REPO_ROOT, 'dist', 'apps', 'intake', 'src', 'share-cli', 'share.cli.js');
const MRZ = 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10';

// Line 4 is the second line of the quoted MRZ; line 7 has a stray quote, line 9 is blank.
const CSV = [
  'kind,externalRef,dissemination.scope,purpose,person.names.0.given,person.names.0.family,person.dateOfBirth,person.nationalities,vehicle.vin,vehicle.plate,vehicle.registrationCountry,vehicle.year,travelDocument.number,travelDocument.type,travelDocument.issuingCountry,travelDocument.status,travelDocument.mrz',
  'person,FR-CSV-1,all,border-check,Ivan,Petrov,1971-03-14,RUS;UKR,,,,,,,,,',
  `travel_document,FR-CSV-2,all,investigation,,,,,,,,,L898902C3,passport,NLD,stolen,"${MRZ}"`,
  'vehicle,FR-CSV-3,all,investigation,,,,,1M8GDM9AXKP042788,AB-123-CD,FRA,2019,,,,,',
  'vehicle,FR-CSV-4,all,investigation,,,,,1M8GDM9AXKP04278O,,,2020,,,,,',
  'person,"FR-CSV-5"x,all,border-check,Olena,Kovalenko,1986-05,UKR,,,,,,,,,',
  'person,FR-CSV-6,all,border-check,Olena,Kovalenko,1986-05,UKR,,,,,,,,,',
  '',
  'person,"FR-CSV-7",owner-only,border-check,,Duval,,,,,,,,,,,',
].join('\n');

let suite: Suite;
let dir: string;
let fraKey: string;

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
  suite = await createSuite('sharecli');
  await suite.start('intake');
  fraKey = await suite.agencies.key('FRA');
  dir = await mkdtemp(path.join(os.tmpdir(), 'crosscheck-share-'));
});

afterAll(async () => {
  await suite?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function share(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { env: { ...process.env, CROSSCHECK_API_KEY: '', CROSSCHECK_INTAKE_URL: '', ...env }, timeout: 60_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr }),
    );
  });
}

/** The counts of the summary on stdout. */
function summary(stdout: string): Record<string, number> {
  return Object.fromEntries(
    [...stdout.matchAll(/^ {2}(created|updated|unchanged|rejected): +(\d+)/gm)].map(([, name, count]) => [
      name,
      Number(count),
    ]),
  );
}

async function rejects(file: string): Promise<any[]> {
  return (await readFile(file, 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line))
    .sort((a, b) => a.line - b.line);
}

async function get(route: string, key = fraKey): Promise<{ status: number; body: any }> {
  const response = await fetch(`${suite.url('intake')}${route}`, { headers: { authorization: `Bearer ${key}` } });
  return { status: response.status, body: await response.json() };
}

async function recordsOfFra(): Promise<Map<string, any>> {
  const { status, body } = await get('/v1/records?owner=FRA&limit=500');
  expect(status).toBe(200);
  return new Map(body.records.map((record: { externalRef: string }) => [record.externalRef, record]));
}

describe('a CSV file', () => {
  let file: string;
  let args: string[];

  beforeAll(async () => {
    file = path.join(dir, 'records.csv');
    await writeFile(file, CSV);
    args = ['--file', file, '--key', fraKey, '--url', suite.url('intake'), '--batch', '2'];
  });

  it('is shared in batches; the rows it could not read or intake refused are in the rejects file, by line, with reasons', async () => {
    const run = await share(args);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/^Shared records\.csv: 7 records in .* \(.* records\/s\), 3 batches$/m);
    expect(summary(run.stdout)).toEqual({ created: 5, updated: 0, unchanged: 0, rejected: 2 });
    expect(run.stdout).toContain('rejected:   2 (1 could not be read, so were not sent; 1 refused by intake)');
    const rejectsFile = path.join(dir, 'records.rejects.ndjson');
    expect(run.stdout).toContain(`rejects:    ${rejectsFile}`);

    expect(await rejects(rejectsFile)).toEqual([
      {
        line: 6,
        externalRef: 'FR-CSV-4',
        status: 400,
        code: 'validation_failed',
        reasons: [expect.stringMatching(/^vehicle\.vin: must be a VIN: .*O/)],
        record: {
          kind: 'vehicle',
          externalRef: 'FR-CSV-4',
          dissemination: { scope: 'all' },
          purpose: 'investigation',
          vehicle: { vin: '1M8GDM9AXKP04278O', year: 2020 },
        },
      },
      {
        line: 7,
        externalRef: null,
        status: null,
        code: 'malformed_csv',
        reasons: [expect.stringMatching(/^csv: Invalid Closing Quote/)],
        record: 'person,"FR-CSV-5"x,all,border-check,Olena,Kovalenko,1986-05,UKR,,,,,,,,,',
      },
    ]);
  });

  it('leaves the good records readable as mapped, lists split and years numbers', async () => {
    const records = await recordsOfFra();
    expect([...records.keys()].filter((ref) => ref.startsWith('FR-CSV-')).sort()).toEqual([
      'FR-CSV-1',
      'FR-CSV-2',
      'FR-CSV-3',
      'FR-CSV-6',
      'FR-CSV-7',
    ]);
    expect(records.get('FR-CSV-1')).toMatchObject({
      kind: 'person',
      version: 1,
      dissemination: { scope: 'all' },
      purpose: 'border-check',
      person: {
        names: [{ given: 'Ivan', family: 'Petrov' }],
        dateOfBirth: '1971-03-14',
        nationalities: ['RUS', 'UKR'],
      },
    });
    expect(records.get('FR-CSV-1').vehicle).toBeUndefined();
    expect(records.get('FR-CSV-3')).toMatchObject({
      kind: 'vehicle',
      vehicle: { vin: '1M8GDM9AXKP042788', plate: 'AB-123-CD', registrationCountry: 'FRA', year: 2019 },
    });
    expect(records.get('FR-CSV-7')).toMatchObject({
      dissemination: { scope: 'owner-only' },
      person: { names: [{ family: 'Duval' }] },
    });

    const travelDocument = await get(`/v1/records/${records.get('FR-CSV-2').id}`);
    expect(travelDocument.status).toBe(200);
    expect(travelDocument.body).toMatchObject({
      externalRef: 'FR-CSV-2',
      travelDocument: { number: 'L898902C3', status: 'stolen', mrz: MRZ },
    });
  });

  it('run again as it was, gets the first answers back (same Idempotency-Keys) and changes nothing', async () => {
    const run = await share(args);
    expect(run.code).toBe(2);
    expect(summary(run.stdout)).toEqual({ created: 5, updated: 0, unchanged: 0, rejected: 2 });
    expect(run.stdout).toMatch(/replayed: +3 of 3 batches had been shared before under the same Idempotency-Key/);
    expect((await rejects(path.join(dir, 'records.rejects.ndjson'))).map((entry) => entry.line)).toEqual([6, 7]);
    expect(
      [...(await recordsOfFra()).values()]
        .filter((record) => record.externalRef.startsWith('FR-CSV-'))
        .map((record) => record.version),
    ).toEqual([1, 1, 1, 1, 1]);
  });

  it('shared afresh (a new Idempotency-Key prefix), finds every good record unchanged', async () => {
    const run = await share([...args, '--idempotency-prefix', 'second-pass']);
    expect(run.code).toBe(2);
    expect(summary(run.stdout)).toEqual({ created: 0, updated: 0, unchanged: 5, rejected: 2 });
    expect(run.stdout).not.toContain('replayed:');
  });
});

describe('an NDJSON file', () => {
  it('takes the key and the address from the environment, rejects bad lines by their line number, and is idempotent', async () => {
    const person = recordOfKind.person();
    const artwork = { ...recordOfKind.artwork(), nickname: 'x' };
    const firearm = recordOfKind.firearm();
    const file = path.join(dir, 'records.ndjson');
    const rejectsFile = path.join(dir, 'ndjson-rejects.ndjson');
    await writeFile(
      file,
      [
        JSON.stringify(person),
        '{"kind": "person", "externalRef": "FR-NDJSON-BAD",',
        '',
        JSON.stringify(artwork),
        JSON.stringify(firearm),
        '',
      ].join('\n'),
    );
    const env = { CROSSCHECK_API_KEY: fraKey, CROSSCHECK_INTAKE_URL: suite.url('intake') };

    const first = await share(['--file', file, '--rejects', rejectsFile], env);
    expect(first.code).toBe(2);
    expect(summary(first.stdout)).toEqual({ created: 2, updated: 0, unchanged: 0, rejected: 2 });
    expect(first.stdout).toContain(`rejects:    ${rejectsFile}`);
    expect(await rejects(rejectsFile)).toEqual([
      {
        line: 2,
        externalRef: 'FR-NDJSON-BAD',
        status: null,
        code: 'malformed_json',
        reasons: [expect.stringMatching(/^json: not valid JSON: /)],
        record: '{"kind": "person", "externalRef": "FR-NDJSON-BAD",',
      },
      {
        line: 4,
        externalRef: artwork.externalRef,
        status: 400,
        code: 'validation_failed',
        reasons: [expect.stringMatching(/^nickname: /)],
        record: artwork,
      },
    ]);
    const records = await recordsOfFra();
    expect(records.get(person.externalRef)).toMatchObject({ kind: 'person', person: person.person });
    expect(records.get(firearm.externalRef)).toMatchObject({ kind: 'firearm', firearm: firearm.firearm });

    const again = await share(['--file', file, '--rejects', rejectsFile, '--idempotency-prefix', 'ndjson-again'], env);
    expect(again.code).toBe(2);
    expect(summary(again.stdout)).toEqual({ created: 0, updated: 0, unchanged: 2, rejected: 2 });
  });

  it('exits 0 with no rejects file when every line is shared', async () => {
    const file = path.join(dir, 'clean.ndjson');
    await writeFile(file, `${JSON.stringify(recordOfKind.vehicle())}\n`);
    const run = await share(['--file', file, '--key', fraKey, '--url', suite.url('intake')]);
    expect(run.code).toBe(0);
    expect(summary(run.stdout)).toEqual({ created: 1, updated: 0, unchanged: 0, rejected: 0 });
    expect(run.stdout).toContain('rejects:    none');
    expect(existsSync(path.join(dir, 'clean.rejects.ndjson'))).toBe(false);
  });
});

describe('fatal errors', () => {
  it('exits 1 on a key intake does not know, saying so, having shared nothing', async () => {
    const file = path.join(dir, 'unknown-key.ndjson');
    const record = recordOfKind.firearm();
    await writeFile(file, `${JSON.stringify(record)}\n`);
    const run = await share(['--file', file, '--key', 'not-a-real-key', '--url', suite.url('intake')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^share: 401: the API key is not valid/);
    expect((await recordsOfFra()).has(record.externalRef)).toBe(false);
  });

  it('exits 1 on a CSV header that cannot describe a record, before sending anything', async () => {
    const file = path.join(dir, 'bad-header.csv');
    await writeFile(file, 'kind,person,person.names.0.family\nperson,x,Petrov\n');
    const run = await share(['--file', file, '--key', fraKey, '--url', suite.url('intake')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'share: line 1 (the header): column 3 "person.names.0.family": column "person" already holds person as a single value',
    );
  });
});
