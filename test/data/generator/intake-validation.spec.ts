/**
 * Every generated record must be one intake accepts: run through intake's own
 * DTO classes with the options of its batch endpoint and ValidationPipe
 * (whitelist, forbidNonWhitelisted), then through the content rules every
 * write follows (prepareContent), as share-batch.service.ts does.
 */
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { validationErrorFactory } from '@crosscheck/runtime';
import { prepareContent } from '../../../apps/intake/src/model/record-content';
import { ShareRecordDto } from '../../../apps/intake/src/share-record/share-record.dto';
import { generatePersons } from './generate-persons';

const RETENTION_DAYS = 5 * 365;

describe('generated records, as intake validates them', () => {
  it('are all accepted: about 2,000 records of every culture and corruption', async () => {
    const records = generatePersons({ seed: 2026, originals: 950, maxDuplicatesPerOriginal: 3 });
    expect(records.length).toBeGreaterThan(1900);
    const refused: string[] = [];
    for (const { record, corruptions, culture } of records) {
      const input = plainToInstance(ShareRecordDto, record);
      const errors = await validate(input, { whitelist: true, forbidNonWhitelisted: true });
      if (errors.length > 0) {
        refused.push(
          `${record.externalRef} (${culture}, ${corruptions.join('+') || 'original'}): ${validationErrorFactory(errors).message}`,
        );
        continue;
      }
      const { externalRef: _, ...content } = input;
      try {
        prepareContent(content, RETENTION_DAYS);
      } catch (error) {
        refused.push(`${record.externalRef} (${culture}): ${(error as Error).message}`);
      }
    }
    expect(refused).toEqual([]);
  });

  it('would show a refusal: the check is not vacuous', async () => {
    const [{ record }] = generatePersons({ seed: 1, originals: 1, maxDuplicatesPerOriginal: 0 });
    const broken = {
      ...record,
      person: { ...record.person, dateOfBirth: '1971-02-30', nationalities: ['XX'] },
      colour: 'red',
    };
    const errors = await validate(plainToInstance(ShareRecordDto, broken), {
      whitelist: true,
      forbidNonWhitelisted: true,
    });
    expect(
      validationErrorFactory(errors)
        .details.map((detail) => `${detail.field}: ${detail.rule}`)
        .sort(),
    ).toEqual(['colour: unknownField', 'person.dateOfBirth: isPartialDate', 'person.nationalities: isISO31661Alpha3']);
  });
});
