/**
 * Vehicles: the VIN is the identity; plate and registration country identify
 * it at one time; make, model, year and colour support or contradict.
 *
 * Calibration: the same VIN, or the same but for OCR confusions, is a match;
 * a VIN one character off is weak evidence (a typo, or the next vehicle off
 * the line) unless its ISO 3779 check digit shows it is the misread one;
 * different VINs keep two vehicles apart even with the
 * same plate (plates move between vehicles) or the same make and model.
 */
import type { Vehicle } from '@crosscheck/contracts';
import type { ContractLike } from './contract-like';
import { feature, FeatureEvidence, pairScore, PairScore } from '../evidence';
import {
  checkVin,
  compareIdentifiers,
  foldOcrConfusions,
  normalizeDocumentNumber,
  VinCheckDigit,
} from '../identifiers';
import { normalizeText } from '../names';
import { canonicalName, looselyEqual } from './descriptive-fields';
import { countryCode } from './identity-document';

/** A crosscheck.records.v1.Vehicle, as resolution reads it (contract-like.ts). */
export type VehicleLike = ContractLike<Vehicle, 'vin'>;

/** What resolution compares of a vehicle. JSON-serialisable; empty strings and 0 mean unknown. */
export interface VehicleFacts {
  /** A-Z and 0-9 only. */
  vin: string;
  /** OCR confusions folded (I/1, O/0, S/5, B/8, Z/2...): every misreading of one VIN shares it. */
  vinFolded: string;
  /** ISO 3779 check digit: `mismatch` marks a North American VIN misread or mistyped somewhere. */
  vinCheckDigit: VinCheckDigit;
  plate: string;
  country: string;
  /** Normalised, known aliases resolved (`vw` → `volkswagen`). */
  make: string;
  model: string;
  year: number;
  colour: string;
  engineNumber: string;
  engineNumberFolded: string;
}

/** Other names of makes, normalised, to the one used here. */
const MAKE_ALIASES: Record<string, string> = {
  vw: 'volkswagen',
  'mercedes benz': 'mercedes',
  mb: 'mercedes',
  merc: 'mercedes',
  'daimler benz': 'mercedes',
  chevy: 'chevrolet',
  landrover: 'land rover',
  alfa: 'alfa romeo',
  'bayerische motoren werke': 'bmw',
};

export function vehicleFactsOf(vehicle: VehicleLike): VehicleFacts {
  const vin = normalizeDocumentNumber(vehicle.vinNormalized || vehicle.vin || '');
  const engineNumber = normalizeDocumentNumber(vehicle.engineNumber ?? '');
  return {
    vin,
    vinFolded: foldOcrConfusions(vin),
    vinCheckDigit: vin ? checkVin(vin).checkDigit : 'not-applicable',
    plate: normalizeDocumentNumber(vehicle.plate ?? ''),
    country: countryCode(vehicle.registrationCountry),
    make: canonicalName(vehicle.make ?? '', MAKE_ALIASES),
    model: normalizeText(vehicle.model ?? ''),
    year: vehicle.year && vehicle.year > 0 ? vehicle.year : 0,
    colour: normalizeText(vehicle.colour ?? ''),
    engineNumber,
    engineNumberFolded: foldOcrConfusions(engineNumber),
  };
}

const VIN_AGREES = 1.5;
const VIN_DIFFERS = 1.5;
const VIN_ONE_EDIT = 1;
/** Weak: a typo, or the next vehicle off the line (serials are sequential; outside North America no check digit tells). */
const VIN_ONE_EDIT_SCORE = 0.6;
const VIN_ONE_EDIT_CHECK_DIGIT_SCORE = 0.9;
/** A partial VIN (the last characters, as often stamped or reported) is at least this long. */
const PARTIAL_VIN_MIN_LENGTH = 6;
const PLATE_AGREES = 0.6;
const PLATE_OTHER_COUNTRY = 0.2;
const PLATE_DIFFERS = 0.1;
const MAKE_AGREES = 0.1;
/** The same VIN under another make is a data error or a cloned VIN: worth a look, not a merge. */
const MAKE_DIFFERS = 0.6;
const MODEL_AGREES = 0.05;
const MODEL_DIFFERS = 0.1;
const YEAR_AGREES = 0.05;
const YEAR_DIFFERS = 0.2;
const COLOUR = 0.02;
const ENGINE_AGREES = 0.8;
const ENGINE_DIFFERS = 0.2;

export function scoreVehicles(a: VehicleFacts, b: VehicleFacts): PairScore {
  const features: FeatureEvidence[] = [];
  const vin = vinEvidence(a, b);
  if (vin) features.push(vin);
  if (a.plate && b.plate) {
    const both = `${[a.country, a.plate].filter(Boolean).join(' ')} vs ${[b.country, b.plate].filter(Boolean).join(' ')}`;
    if (a.plate !== b.plate)
      features.push(feature('plate', 0.3, PLATE_DIFFERS, `other plates (vehicles are re-registered): ${both}`));
    else if (a.country && b.country && a.country !== b.country)
      features.push(feature('plate', 0.3, PLATE_OTHER_COUNTRY, `same plate in other countries: ${both}`));
    else features.push(feature('plate', 1, PLATE_AGREES, `same plate: ${both}`));
  }
  if (a.make && b.make) {
    features.push(
      looselyEqual(a.make, b.make)
        ? feature('make', 1, MAKE_AGREES, `both ${a.make}`)
        : feature('make', 0, MAKE_DIFFERS, `${a.make} vs ${b.make}`),
    );
  }
  if (a.model && b.model) {
    features.push(
      looselyEqual(a.model, b.model)
        ? feature('model', 1, MODEL_AGREES, `both ${a.model}`)
        : feature('model', 0.2, MODEL_DIFFERS, `${a.model} vs ${b.model}`),
    );
  }
  if (a.year && b.year) {
    const apart = Math.abs(a.year - b.year);
    if (apart === 0) features.push(feature('year', 1, YEAR_AGREES, `both ${a.year}`));
    else if (apart === 1)
      features.push(feature('year', 0.6, YEAR_AGREES, `model years one apart: ${a.year} vs ${b.year}`));
    else features.push(feature('year', 0, YEAR_DIFFERS, `model years ${a.year} vs ${b.year}`));
  }
  if (a.colour && b.colour) {
    features.push(
      looselyEqual(a.colour, b.colour, 0.85)
        ? feature('colour', 1, COLOUR, `both ${a.colour}`)
        : feature('colour', 0.5, COLOUR, `${a.colour} vs ${b.colour} (cars are repainted)`),
    );
  }
  if (a.engineNumber && b.engineNumber) {
    const engine = compareIdentifiers(a.engineNumber, a.engineNumberFolded, b.engineNumber, b.engineNumberFolded);
    features.push(
      engine === 'same' || engine === 'ocr-variant'
        ? feature('engine_number', 1, ENGINE_AGREES, `same engine number ${a.engineNumber}`)
        : feature(
            'engine_number',
            0.2,
            ENGINE_DIFFERS,
            `engine numbers ${a.engineNumber} vs ${b.engineNumber} (engines are replaced)`,
          ),
    );
  }
  return pairScore(features);
}

function vinEvidence(a: VehicleFacts, b: VehicleFacts): FeatureEvidence | undefined {
  if (!a.vin || !b.vin) return undefined;
  const both = `${a.vin} vs ${b.vin}`;
  const agreement = compareIdentifiers(a.vin, a.vinFolded, b.vin, b.vinFolded);
  if (agreement === 'same') return feature('vin', 1, VIN_AGREES, `same VIN ${a.vin}`);
  if (agreement === 'ocr-variant')
    return feature('vin', 0.95, VIN_AGREES, `same VIN but for OCR confusions (O/0, I/1, S/5, B/8...): ${both}`);
  if (agreement === 'one-edit') {
    const checkDigitBlames = (a.vinCheckDigit === 'mismatch') !== (b.vinCheckDigit === 'mismatch');
    return checkDigitBlames
      ? feature(
          'vin',
          VIN_ONE_EDIT_CHECK_DIGIT_SCORE,
          VIN_ONE_EDIT,
          `one character apart, and the check digit shows which is misread: ${both}`,
        )
      : feature('vin', VIN_ONE_EDIT_SCORE, VIN_ONE_EDIT, `one character apart: ${both}`);
  }
  const [shorter, longer] =
    a.vinFolded.length <= b.vinFolded.length ? [a.vinFolded, b.vinFolded] : [b.vinFolded, a.vinFolded];
  if (shorter.length >= PARTIAL_VIN_MIN_LENGTH && shorter.length < longer.length && longer.endsWith(shorter)) {
    return feature('vin', 0.85, VIN_ONE_EDIT, `a partial VIN, the end of the other: ${both}`);
  }
  return feature('vin', 0, VIN_DIFFERS, `different VINs: ${both}`);
}
