/**
 * Firearm queries made of reported firearms. True variants: the serial with
 * separators, in lower case or with a character misread; the make under
 * another of its names (S&W, H&K); the calibre in another notation (9mm
 * Parabellum for 9x19mm). Hard negatives: the next gun of a batch (the serial
 * one digit away), and the same serial from another maker (serials are unique
 * only per maker).
 */
import { foldOcrConfusions, normalizeSerialNumber } from '../../../libs/resolution/src/identifiers';
import { Prng } from '../generator/prng';
import { CaseMaker, MadeQuery } from './case-maker';
import { CALIBRE_NOTATIONS, DrawnFirearm, FIREARM_MODELS, MAKE_ALIASES } from './firearms';
import { lowercased, misread, oneDigitChanged, withSeparators } from './identifier-slips';
import { FirearmJson } from './reference-entries';

export const FIREARM_MATCHES = [
  'exact',
  'serial_separators',
  'serial_lowercase',
  'serial_ocr_confusion',
  'make_alias',
  'calibre_notation',
] as const;
export const FIREARM_HARD_NEGATIVES = ['near_miss_serial', 'same_serial_other_make'] as const;
export type FirearmVariant = (typeof FIREARM_MATCHES)[number] | (typeof FIREARM_HARD_NEGATIVES)[number];

function firearmKey(make: string, serial: string): string {
  return `${make}|${foldOcrConfusions(normalizeSerialNumber(serial))}`;
}

export function firearmCases(firearms: readonly DrawnFirearm[]): CaseMaker<FirearmVariant> {
  const counts = new Map<string, number>();
  for (const { entry } of firearms) {
    const key = firearmKey(entry.firearm.make, entry.firearm.serialNumber);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const known = (make: string, serial: string) => counts.has(firearmKey(make, serial));
  const targets = firearms.filter(
    ({ entry }) => counts.get(firearmKey(entry.firearm.make, entry.firearm.serialNumber)) === 1,
  );

  const make = (variant: FirearmVariant, rng: Prng, target: DrawnFirearm): MadeQuery | undefined => {
    const firearm = target.entry.firearm;
    const serial = firearm.serialNumber;
    const query = (changes: Partial<FirearmJson> | undefined): MadeQuery | undefined =>
      changes && Object.values(changes).every((value) => value !== undefined)
        ? { body: { kind: 'firearm', firearm: { ...firearm, ...changes } } }
        : undefined;
    switch (variant) {
      case 'exact':
        return query({});
      case 'serial_separators':
        return query({ serialNumber: withSeparators(rng, serial) });
      case 'serial_lowercase':
        return query({ serialNumber: lowercased(serial) });
      case 'serial_ocr_confusion':
        return query({ serialNumber: misread(rng, serial) });
      case 'make_alias': {
        const aliases = MAKE_ALIASES[firearm.make];
        return aliases ? query({ make: rng.pick(aliases) }) : undefined;
      }
      case 'calibre_notation': {
        const notations = CALIBRE_NOTATIONS[firearm.calibre ?? ''];
        return notations ? query({ calibre: rng.pick(notations) }) : undefined;
      }
      case 'near_miss_serial': {
        const near = oneDigitChanged(rng, serial);
        return near && !known(firearm.make, near) ? query({ serialNumber: near }) : undefined;
      }
      case 'same_serial_other_make': {
        const other = rng.pick(FIREARM_MODELS.filter((model) => model.make !== firearm.make));
        if (known(other.make, serial)) return undefined;
        return query({ make: other.make, model: other.model, calibre: other.calibre, type: other.type });
      }
    }
  };

  return {
    dataset: 'firearms',
    matches: FIREARM_MATCHES,
    hardNegatives: FIREARM_HARD_NEGATIVES,
    targetCount: targets.length,
    entryIdOf: (target) => targets[target].entry.entryId,
    make: (variant, rng, target) => make(variant, rng, targets[target]),
  };
}
