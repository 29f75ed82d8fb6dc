/**
 * Person records for the load benchmarks, in the shape `POST /v1/records` takes, drawn by the
 * project's one person generator (test/data/generator: fifteen cultures, originals in their own
 * scripts, partial dates of birth, identity documents). Deterministic: the same seed and prefix give
 * the same records; externalRefs are `<prefix>-<index>`, unique by prefix.
 */
import { generatePersons, type PersonRecordBody } from '../../test/data/generator';
import { streamSeed } from '../../test/data/generator/prng';

export type { PersonRecordBody };

export function personRecords(options: {
  seed: number;
  prefix: string;
  count: number;
  start?: number;
}): PersonRecordBody[] {
  const start = options.start ?? 0;
  const persons = generatePersons({
    seed: streamSeed(options.seed, options.prefix, start),
    originals: options.count,
    maxDuplicatesPerOriginal: 0,
  });
  return persons.map(({ record }, i) => ({
    ...record,
    externalRef: `${options.prefix}-${String(start + i).padStart(7, '0')}`,
  }));
}
