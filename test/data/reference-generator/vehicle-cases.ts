/**
 * Vehicle queries made of SMV entries. True variants: the VIN in lower case,
 * with separators, or with one character misread (S/5, B/8, Z/2, G/6: intake
 * refuses a VIN holding I, O or Q, so those misreadings cannot reach matching
 * as VINs); the plate with or without its separators. Hard negatives: another
 * car of the same model with a VIN one character away, its check digit right
 * or (North American VINs) broken, and another car of the same model and
 * country with its own VIN and plate.
 */
import {
  checkVin,
  compareIdentifiers,
  foldOcrConfusions,
  normalizeDocumentNumber,
  normalizeVin,
} from '../../../libs/resolution/src/identifiers';
import { Prng } from '../generator/prng';
import { CaseMaker, MadeQuery } from './case-maker';
import {
  lowercased,
  misread,
  oneDigitChanged,
  otherSeparators,
  VIN_MISREADINGS,
  withSeparators,
} from './identifier-slips';
import { VehicleJson } from './reference-entries';
import { drawPlate } from './vehicle-plates';
import { drawVin, DrawnVehicle, NORTH_AMERICAN_WMI, VIN_CHARACTERS } from './vehicles';

export const VEHICLE_MATCHES = [
  'exact',
  'vin_lowercase',
  'vin_separators',
  'vin_ocr_confusion',
  'plate_separators',
] as const;
export const VEHICLE_HARD_NEGATIVES = [
  'near_miss_vin',
  'near_miss_vin_bad_check_digit',
  'other_plate_same_country',
] as const;
export type VehicleVariant = (typeof VEHICLE_MATCHES)[number] | (typeof VEHICLE_HARD_NEGATIVES)[number];

/** ISO 3779 values: characters of one value can replace each other without changing the check digit. */
const VIN_VALUE_GROUPS = ['1AJ', '2BKS', '3CLT', '4DMU', '5ENV', '6FW', '7GPX', '8HY', '9RZ'];
/** Positions a near miss may change: engine and body codes, plant and serial; not the maker, model or model year. */
const VARYING_POSITIONS = [6, 7, 10, 11, 12, 13, 14, 15, 16];
const SERIAL = [11, 12, 13, 14, 15, 16];

export function vehicleCases(vehicles: readonly DrawnVehicle[]): CaseMaker<VehicleVariant> {
  const vinCounts = new Map<string, number>();
  const plates = new Set<string>();
  for (const { entry } of vehicles) {
    const folded = foldOcrConfusions(entry.vehicle.vin);
    vinCounts.set(folded, (vinCounts.get(folded) ?? 0) + 1);
    plates.add(plateKey(entry.vehicle));
  }
  const knownVin = (vin: string) => vinCounts.has(foldOcrConfusions(normalizeVin(vin)));
  const targets = vehicles.filter(({ entry }) => vinCounts.get(foldOcrConfusions(entry.vehicle.vin)) === 1);

  /** A plate of the country no entry carries. */
  const otherPlate = (rng: Prng, vehicle: VehicleJson): string | undefined => {
    const plate = drawPlate(rng, vehicle.registrationCountry!, vehicle.year!);
    return plates.has(plateKey({ ...vehicle, plate })) ? undefined : plate;
  };

  const make = (variant: VehicleVariant, rng: Prng, target: DrawnVehicle): MadeQuery | undefined => {
    const vehicle = target.entry.vehicle;
    const query = (changes: Partial<VehicleJson>): MadeQuery => ({
      body: { kind: 'vehicle', vehicle: { ...vehicle, ...changes } },
    });
    const anotherCar = (vin: string | undefined): MadeQuery | undefined => {
      const plate = otherPlate(rng, vehicle);
      return vin && plate && !knownVin(vin) ? query({ vin, plate }) : undefined;
    };
    switch (variant) {
      case 'exact':
        return query({});
      case 'vin_lowercase': {
        const vin = lowercased(vehicle.vin);
        return vin ? query({ vin }) : undefined;
      }
      case 'vin_separators':
        return query({ vin: withSeparators(rng, vehicle.vin) });
      case 'vin_ocr_confusion': {
        const vin = misread(rng, vehicle.vin, VIN_MISREADINGS);
        return vin ? query({ vin }) : undefined;
      }
      case 'plate_separators':
        return vehicle.plate ? query({ plate: otherSeparators(rng, vehicle.plate) }) : undefined;
      case 'near_miss_vin':
        return anotherCar(
          NORTH_AMERICAN_WMI.test(vehicle.vin)
            ? sameCheckDigitNearMiss(rng, vehicle.vin)
            : oneDigitChanged(rng, vehicle.vin, SERIAL),
        );
      case 'near_miss_vin_bad_check_digit':
        return NORTH_AMERICAN_WMI.test(vehicle.vin) ? anotherCar(oneDigitChanged(rng, vehicle.vin, SERIAL)) : undefined;
      case 'other_plate_same_country': {
        const vin = drawVin(rng, target.model, vehicle.year!);
        return compareIdentifiers(vin, foldOcrConfusions(vin), vehicle.vin, foldOcrConfusions(vehicle.vin)) ===
          'different'
          ? anotherCar(vin)
          : undefined;
      }
    }
  };

  return {
    dataset: 'smv',
    matches: VEHICLE_MATCHES,
    hardNegatives: VEHICLE_HARD_NEGATIVES,
    targetCount: targets.length,
    entryIdOf: (target) => targets[target].entry.entryId,
    make: (variant, rng, target) => make(variant, rng, targets[target]),
  };
}

function plateKey(vehicle: VehicleJson): string {
  return `${vehicle.registrationCountry}|${normalizeDocumentNumber(vehicle.plate ?? '')}`;
}

/**
 * A VIN one character away whose check digit still holds: a character
 * replaced by another of the same ISO 3779 value (3 by C, L or T...). No two
 * characters of one value are OCR confusions of each other, so the two VINs
 * stay apart however misreadings are folded.
 */
function sameCheckDigitNearMiss(rng: Prng, vin: string): string | undefined {
  const at = rng.pick(VARYING_POSITIONS);
  const group = VIN_VALUE_GROUPS.find((values) => values.includes(vin[at]));
  if (!group) return undefined; // a 0 has no other character of its value
  const replacement = rng.pick([...group].filter((char) => char !== vin[at] && VIN_CHARACTERS.includes(char)));
  const near = `${vin.slice(0, at)}${replacement}${vin.slice(at + 1)}`;
  return checkVin(near).checkDigit === 'ok' ? near : undefined;
}
