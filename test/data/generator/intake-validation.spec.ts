/**
 * Every generated record must be one intake accepts: run through intake's own
 * share schema, as its batch endpoint checks each item, then through the
 * content rules every write follows (prepareContent), as share-batch.service.ts does.
 */
import { prepareContent } from '../../../apps/intake/src/model/record-content';
import { shareRecordInput } from '../../../apps/intake/src/share-record/share-record.schema';
import { generatePersons } from './generate-persons';

const RETENTION_DAYS = 5 * 365;

describe('generated records, as intake validates them', () => {
  it('are all accepted: about 2,000 records of every culture and corruption', () => {
    const records = generatePersons({ seed: 2026, originals: 950, maxDuplicatesPerOriginal: 3 });
    expect(records.length).toBeGreaterThan(1900);
    const refused: string[] = [];
    for (const { record, corruptions, culture } of records) {
      const checked = shareRecordInput.check(record);
      if (!checked.ok) {
        refused.push(
          `${record.externalRef} (${culture}, ${corruptions.join('+') || 'original'}): ${JSON.stringify(checked.problems)}`,
        );
        continue;
      }
      const { externalRef: _, ...content } = checked.value;
      try {
        prepareContent(content, RETENTION_DAYS);
      } catch (error) {
        refused.push(`${record.externalRef} (${culture}): ${(error as Error).message}`);
      }
    }
    expect(refused).toEqual([]);
  });

  it('would show a refusal: the check is not vacuous', () => {
    const [{ record }] = generatePersons({ seed: 1, originals: 1, maxDuplicatesPerOriginal: 0 });
    const broken = {
      ...record,
      person: { ...record.person, dateOfBirth: '1971-02-30', nationalities: ['XX'] },
      colour: 'red',
    };
    const checked = shareRecordInput.check(broken);
    expect(checked.ok).toBe(false);
    expect((checked.ok ? [] : checked.problems).map((detail) => `${detail.field}: ${detail.rule}`).sort()).toEqual([
      'colour: unknownField',
      'person.dateOfBirth: isPartialDate',
      'person.nationalities: isISO31661Alpha3',
    ]);
  });
});
