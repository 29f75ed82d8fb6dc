/**
 * Writes labelled person records as NDJSON, one LabelledRecord per line, to
 * a file or stdout:
 *   npx tsx test/data/generator/generate-persons.cli.ts --seed 42 --originals 1000 --out persons.ndjson
 * With --bodies, only the request bodies, ready for `npm run share`
 * (with --agency, only those of one agency, whose key shares them).
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEFAULT_AGENCIES, generatePersons, GeneratorOptions } from './generate-persons';

const HELP = `usage: npx tsx test/data/generator/generate-persons.cli.ts --seed <n> --originals <n> [options]

Writes labelled person records (FEBRL-style originals, corrupted duplicates and homonyms) as NDJSON.
The same options always give the same bytes.

options
  --seed <n>              the seed, 0-4294967295 (default 42)
  --originals <n>         distinct persons (default 1000)
  --max-duplicates <n>    duplicates per person with duplicates, at most (default 3)
  --duplicate-rate <r>    share of persons with duplicates, 0-1 (default 0.6)
  --homonym-rate <r>      share of persons drawn as homonyms of an earlier one, 0-1 (default 0.05)
  --agencies <a,b,...>    agency codes that share the records (default ${DEFAULT_AGENCIES.join(',')})
  --out <path>            the file to write (default: stdout)
  --bodies                write only each record's POST /v1/records body, without its labels
  --agency <code>         write only the records this agency shares
  -h, --help              this text`;

function main(): void {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string', default: '42' },
      originals: { type: 'string', default: '1000' },
      'max-duplicates': { type: 'string', default: '3' },
      'duplicate-rate': { type: 'string' },
      'homonym-rate': { type: 'string' },
      agencies: { type: 'string' },
      out: { type: 'string' },
      bodies: { type: 'boolean', default: false },
      agency: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const options: GeneratorOptions = {
    seed: number('--seed', values.seed),
    originals: number('--originals', values.originals),
    maxDuplicatesPerOriginal: number('--max-duplicates', values['max-duplicates']),
    ...(values['duplicate-rate'] === undefined
      ? {}
      : { duplicateRate: number('--duplicate-rate', values['duplicate-rate']) }),
    ...(values['homonym-rate'] === undefined ? {} : { homonymRate: number('--homonym-rate', values['homonym-rate']) }),
    ...(values.agencies === undefined
      ? {}
      : {
          agencies: values.agencies
            .split(',')
            .map((code) => code.trim())
            .filter(Boolean),
        }),
  };
  const records = generatePersons(options).filter(
    (labelled) => values.agency === undefined || labelled.agency === values.agency,
  );
  const ndjson = records.map((labelled) => `${JSON.stringify(values.bodies ? labelled.record : labelled)}\n`).join('');
  if (values.out === undefined) process.stdout.write(ndjson);
  else {
    writeFileSync(values.out, ndjson);
    process.stderr.write(`${records.length} records written to ${values.out}\n`);
  }
}

function number(flag: string, text: string | undefined): number {
  const value = Number(text);
  if (text === undefined || text.trim() === '' || !Number.isFinite(value))
    throw new UsageError(`${flag} needs a number, not "${text ?? ''}"`);
  return value;
}

class UsageError extends Error {}

try {
  main();
} catch (error) {
  if (!(
    error instanceof UsageError ||
    error instanceof RangeError ||
    (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
  ))
    throw error;
  process.stderr.write(`${(error as Error).message}\n\n${HELP}\n`);
  process.exitCode = 2;
}
