/**
 * Everything generated must be accepted where it goes: every query through
 * intake's own DTOs with the options of its ValidationPipe (whitelist,
 * forbidNonWhitelisted) and then the content rules every write follows
 * (prepareContent), as test/data/generator/intake-validation.spec.ts does for
 * persons; every reference entry through the reference loader's line DTOs,
 * which hold the same record bodies.
 */
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { validationErrorFactory } from '@crosscheck/runtime';
import { LINE_SHAPES, ReferenceLine } from '../../../apps/matching/src/model/reference-line.dto';
import { prepareContent } from '../../../apps/intake/src/model/record-content';
import { ShareRecordDto } from '../../../apps/intake/src/share-record/share-record.dto';
import { generateMatchingCases } from './matching-cases';
import { REFERENCE_DATASETS } from './reference-entries';

const RETENTION_DAYS = 5 * 365;
const OPTIONS = { whitelist: true, forbidNonWhitelisted: true };
const { entries, queries } = generateMatchingCases({ seed: 2026, entriesPerDataset: 1500, queriesPerDataset: 300 });

async function refusalsOf(record: object): Promise<string | undefined> {
  const input = plainToInstance(ShareRecordDto, record);
  const errors = await validate(input, OPTIONS);
  if (errors.length > 0) return validationErrorFactory(errors).message;
  const { externalRef: _, ...content } = input;
  try {
    prepareContent(content, RETENTION_DAYS);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

describe('generated queries, as intake validates them', () => {
  it('are all accepted: about 1,500 queries of every dataset and variant', async () => {
    expect(queries.length).toBeGreaterThan(1400);
    const refused: string[] = [];
    for (const { query, dataset, variant } of queries) {
      const refusal = await refusalsOf(query);
      if (refusal) refused.push(`${query.externalRef} (${dataset} ${variant}): ${refusal}`);
    }
    expect(refused).toEqual([]);
  });

  it('would show a refusal: a VIN misread as holding an O is refused, so VIN misreadings stay within the letters a VIN may hold', async () => {
    const vehicle = queries.find((labelled) => labelled.query.kind === 'vehicle')!.query;
    if (vehicle.kind !== 'vehicle') throw new Error('not a vehicle');
    const refusal = await refusalsOf({
      ...vehicle,
      vehicle: { ...vehicle.vehicle, vin: `${vehicle.vehicle.vin.slice(0, 16)}O` },
    });
    expect(refusal).toMatch(/vehicle\.vin: must be a VIN: must not contain I, O or Q/);
  });
});

describe('generated reference entries, as the reference loader validates its lines', () => {
  it.each(REFERENCE_DATASETS)('accepts every %s entry', async (dataset) => {
    const refused: string[] = [];
    for (const entry of entries[dataset]) {
      const errors = await validate(
        plainToInstance(LINE_SHAPES[dataset].dto as new () => ReferenceLine, entry),
        OPTIONS,
      );
      if (errors.length > 0) refused.push(`${entry.entryId}: ${validationErrorFactory(errors).message}`);
    }
    expect(entries[dataset]).toHaveLength(1500);
    expect(refused).toEqual([]);
  });
});
