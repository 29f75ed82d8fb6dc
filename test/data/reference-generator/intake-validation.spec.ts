/**
 * Everything generated must be accepted where it goes: every query through
 * intake's own share schema and then the content rules every write follows
 * (prepareContent), as test/data/generator/intake-validation.spec.ts does for
 * persons; every reference entry through the reference loader's line schemas,
 * which hold the same record bodies.
 */
import { LINE_SHAPES } from '../../../apps/matching/src/model/reference-line.schema';
import { prepareContent } from '../../../apps/intake/src/model/record-content';
import { shareRecordInput } from '../../../apps/intake/src/share-record/share-record.schema';
import { generateMatchingCases } from './matching-cases';
import { REFERENCE_DATASETS } from './reference-entries';

const RETENTION_DAYS = 5 * 365;
const { entries, queries } = generateMatchingCases({ seed: 2026, entriesPerDataset: 1500, queriesPerDataset: 300 });

function refusalsOf(record: object): string | undefined {
  const checked = shareRecordInput.check(record);
  if (!checked.ok) return checked.problems.map((problem) => `${problem.field}: ${problem.message}`).join('; ');
  const { externalRef: _, ...content } = checked.value;
  try {
    prepareContent(content, RETENTION_DAYS);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

describe('generated queries, as intake validates them', () => {
  it('are all accepted: about 1,500 queries of every dataset and variant', () => {
    expect(queries.length).toBeGreaterThan(1400);
    const refused: string[] = [];
    for (const { query, dataset, variant } of queries) {
      const refusal = refusalsOf(query);
      if (refusal) refused.push(`${query.externalRef} (${dataset} ${variant}): ${refusal}`);
    }
    expect(refused).toEqual([]);
  });

  it('would show a refusal: a VIN misread as holding an O is refused, so VIN misreadings stay within the letters a VIN may hold', () => {
    const vehicle = queries.find((labelled) => labelled.query.kind === 'vehicle')!.query;
    if (vehicle.kind !== 'vehicle') throw new Error('not a vehicle');
    const refusal = refusalsOf({
      ...vehicle,
      vehicle: { ...vehicle.vehicle, vin: `${vehicle.vehicle.vin.slice(0, 16)}O` },
    });
    expect(refusal).toMatch(/vehicle\.vin: must be a VIN: must not contain I, O or Q/);
  });
});

describe('generated reference entries, as the reference loader validates its lines', () => {
  it.each(REFERENCE_DATASETS)('accepts every %s entry', (dataset) => {
    const refused: string[] = [];
    for (const entry of entries[dataset]) {
      const checked = LINE_SHAPES[dataset].line.check(entry);
      if (!checked.ok) refused.push(`${entry.entryId}: ${JSON.stringify(checked.problems)}`);
    }
    expect(entries[dataset]).toHaveLength(1500);
    expect(refused).toEqual([]);
  });
});
