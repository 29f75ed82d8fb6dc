/**
 * SMV: stolen motor vehicles, of real makes and models, each with a VIN of
 * the maker's world manufacturer identifier (WMI) and the model year's code,
 * and a plate of its registration country. VINs are ISO 3779 shaped (17
 * characters, no I, O or Q); those built for North America (WMI 1-5) carry the
 * check digit in position 9, computed by @crosscheck/resolution's
 * vinCheckDigit; elsewhere position 9 is the maker's own, so it is drawn.
 */
import { Prng, streamSeed } from '../generator/prng';
import { vinCheckDigit } from '../../../libs/resolution/src/identifiers/vin';
import { runningNumber, SmvEntry, VehicleJson } from './reference-entries';
import { drawPlate, REGISTRATION_COUNTRIES } from './vehicle-plates';

/** Letters and digits a VIN may hold. */
export const VIN_CHARACTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
/** The US, Canada and Mexico: their VINs must carry a check digit. */
export const NORTH_AMERICAN_WMI = /^[1-5]/;
/** Position 10: the model year, A-Y (no I, O, Q, U, Z) from 1980 then 1-9 from 2001, again A from 2010. */
const MODEL_YEAR_CODES = 'ABCDEFGHJKLMNPRSTVWXY123456789';

export interface VehicleModel {
  make: string;
  model: string;
  /** WMIs the model is built under: `WVW` Wolfsburg, `3VW` Puebla, `5UX` Spartanburg... */
  wmis: readonly string[];
  years: readonly [number, number];
  /** Positions 4-6, the same for every car of the model (body and engine codes vary in 7-8). */
  descriptor: string;
}

const MODELS_TEXT = `
  Volkswagen | Golf | WVW | 2005-2025
  Volkswagen | Passat | WVW | 2005-2024
  Volkswagen | Polo | WVW | 2005-2025
  Volkswagen | Tiguan | WVG | 2008-2025
  Volkswagen | Jetta | 3VW | 2005-2025
  Volkswagen | Atlas | 1V2 | 2018-2025
  BMW | 3 Series | WBA | 2005-2025
  BMW | 5 Series | WBA | 2005-2025
  BMW | X5 | 5UX | 2007-2025
  BMW | X3 | 5UX WBX | 2011-2025
  Mercedes-Benz | C-Class | WDD W1K | 2007-2025
  Mercedes-Benz | E-Class | WDD W1K | 2005-2025
  Mercedes-Benz | GLE | 4JG | 2016-2025
  Mercedes-Benz | Sprinter | WDB W1V | 2006-2025
  Audi | A4 | WAU | 2005-2025
  Audi | A6 | WAU | 2005-2025
  Audi | Q5 | WA1 | 2009-2025
  Audi | TT | TRU | 2006-2023
  Toyota | Corolla | JTD 2T1 SB1 | 2005-2025
  Toyota | RAV4 | JTM 2T3 | 2006-2025
  Toyota | Camry | 4T1 | 2005-2025
  Toyota | Yaris | VNK | 2005-2025
  Toyota | Land Cruiser | JTE JTM | 2008-2025
  Honda | Civic | 2HG SHH JHM | 2006-2025
  Honda | Accord | 1HG | 2005-2025
  Honda | CR-V | 5J6 SHS | 2007-2025
  Ford | Focus | WF0 | 2005-2025
  Ford | Fiesta | WF0 | 2005-2023
  Ford | Transit | WF0 | 2005-2025
  Ford | F-150 | 1FT | 2005-2025
  Ford | Mustang | 1FA | 2005-2025
  Ford | Explorer | 1FM | 2005-2025
  Chevrolet | Malibu | 1G1 | 2005-2024
  Chevrolet | Camaro | 2G1 1G1 | 2010-2024
  Chevrolet | Equinox | 2GN 3GN | 2005-2025
  Chevrolet | Silverado | 1GC 3GC | 2005-2025
  Renault | Clio | VF1 | 2005-2025
  Renault | Megane | VF1 | 2005-2025
  Renault | Captur | VF1 | 2013-2025
  Dacia | Duster | UU1 | 2010-2025
  Dacia | Sandero | UU1 | 2008-2025
  Peugeot | 208 | VF3 | 2012-2025
  Peugeot | 308 | VF3 | 2007-2025
  Peugeot | 3008 | VF3 | 2009-2025
  Citroen | C3 | VF7 | 2005-2025
  Citroen | Berlingo | VF7 | 2005-2025
  Fiat | Panda | ZFA | 2005-2025
  Fiat | 500 | ZFA | 2007-2025
  Fiat | Ducato | ZFA | 2006-2025
  Alfa Romeo | Giulia | ZAR | 2016-2025
  Skoda | Octavia | TMB | 2005-2025
  Skoda | Fabia | TMB | 2005-2025
  Skoda | Superb | TMB | 2008-2025
  Hyundai | Tucson | KMH TMA | 2005-2025
  Hyundai | i30 | TMA | 2007-2025
  Hyundai | Elantra | 5NP KMH | 2005-2025
  Hyundai | Santa Fe | 5NM | 2007-2025
  Kia | Sportage | KNA U5Y | 2005-2025
  Kia | Ceed | U5Y | 2007-2025
  Kia | Sorento | 5XY | 2011-2025
  Nissan | Qashqai | SJN | 2007-2025
  Nissan | Altima | 1N4 | 2005-2025
  Nissan | X-Trail | JN1 | 2005-2025
  Nissan | Rogue | 5N1 | 2008-2025
  Volvo | XC60 | YV1 | 2009-2025
  Volvo | XC90 | YV4 | 2005-2025
  Volvo | V70 | YV1 | 2005-2016
  Tesla | Model S | 5YJ | 2012-2025
  Tesla | Model 3 | 5YJ LRW | 2017-2025
  Tesla | Model Y | 5YJ XP7 | 2020-2025
  Lada | Vesta | XTA | 2015-2025
  Lada | Granta | XTA | 2011-2025
  Lada | Niva | XTA | 2005-2025
  Land Rover | Range Rover | SAL | 2005-2025
  Land Rover | Discovery | SAL | 2005-2025
  Land Rover | Defender | SAL | 2005-2025
  Porsche | 911 | WP0 | 2005-2025
  Porsche | Cayenne | WP1 | 2005-2025
  Mazda | CX-5 | JMZ | 2012-2025
  Mazda | 3 | JM1 3MZ | 2005-2025
  Jeep | Grand Cherokee | 1C4 | 2005-2025
  Jeep | Wrangler | 1C4 | 2007-2025
  Dodge | Charger | 2C3 | 2006-2023
  Ram | 1500 | 1C6 3C6 | 2011-2025
  Subaru | Impreza | JF1 | 2005-2025
  Subaru | Outback | 4S4 | 2005-2025
  Lexus | RX | JTJ 2T2 | 2005-2025
  Mitsubishi | Outlander | JA4 JMB | 2006-2025
  Opel | Astra | W0L W0V | 2005-2025
  Opel | Corsa | W0L W0V | 2005-2025
  Seat | Leon | VSS | 2005-2025
  Seat | Ibiza | VSS | 2005-2025
  Suzuki | Vitara | TSM | 2015-2025
`;

export const VEHICLE_MODELS: readonly VehicleModel[] = MODELS_TEXT.trim()
  .split('\n')
  .map((line) => {
    const [make, model, wmis, years] = line.split('|').map((field) => field.trim());
    const [from, to] = years.split('-').map(Number);
    // Positions 4-6 come from the model's name, so every car of one model shares them.
    const rng = new Prng(streamSeed(0, 'descriptor', make, model));
    const descriptor = Array.from({ length: 3 }, () => rng.pick([...VIN_CHARACTERS])).join('');
    return { make, model, wmis: wmis.split(' '), years: [from, to] as const, descriptor };
  });

const NORTH_AMERICAN_MODELS = VEHICLE_MODELS.filter((model) => model.wmis.some((wmi) => NORTH_AMERICAN_WMI.test(wmi)));
const NORTH_AMERICA = new Set(['USA', 'CAN']);

const COLOURS: readonly (readonly [string, number])[] = [
  ['black', 20],
  ['white', 20],
  ['grey', 16],
  ['silver', 14],
  ['blue', 10],
  ['red', 8],
  ['green', 3],
  ['brown', 3],
  ['beige', 2],
  ['yellow', 2],
  ['orange', 2],
];

export interface DrawnVehicle {
  entry: SmvEntry;
  model: VehicleModel;
}

export function drawVehicle(seed: number, index: number): DrawnVehicle {
  const rng = new Prng(streamSeed(seed, 'smv', index));
  const registrationCountry = rng.weighted(REGISTRATION_COUNTRIES);
  // Cars registered in North America are mostly built for it; elsewhere any model may be.
  const model =
    NORTH_AMERICA.has(registrationCountry) && rng.chance(0.75)
      ? rng.pick(NORTH_AMERICAN_MODELS)
      : rng.pick(VEHICLE_MODELS);
  const year = rng.int(model.years[0], model.years[1]);
  const vehicle: VehicleJson = {
    vin: drawVin(rng, model, year),
    plate: drawPlate(rng, registrationCountry, year),
    registrationCountry,
    make: model.make,
    model: model.model,
    colour: rng.weighted(COLOURS),
    year,
  };
  return { entry: { entryId: `SMV-${runningNumber(index)}`, vehicle }, model };
}

/**
 * WMI, the model's descriptor and two more of its codes, the check digit,
 * the model year, the plant, and a six-digit serial.
 */
export function drawVin(rng: Prng, model: VehicleModel, year: number): string {
  const wmi = rng.pick(model.wmis);
  const vds = `${model.descriptor}${pickVinCharacter(rng)}${pickVinCharacter(rng)}`;
  const serial = String(rng.int(0, 999_999)).padStart(6, '0');
  const position9 = pickVinCharacter(rng);
  const vin = `${wmi}${vds}${position9}${MODEL_YEAR_CODES[(year - 1980) % 30]}${pickVinCharacter(rng)}${serial}`;
  return NORTH_AMERICAN_WMI.test(wmi) ? withCheckDigit(vin) : vin;
}

/** The VIN with position 9 set to its ISO 3779 check digit. */
function withCheckDigit(vin: string): string {
  return `${vin.slice(0, 8)}${vinCheckDigit(vin)}${vin.slice(9)}`;
}

function pickVinCharacter(rng: Prng): string {
  return VIN_CHARACTERS[rng.int(0, VIN_CHARACTERS.length - 1)];
}

/** The model year a VIN's tenth character gives, in the 30-year cycle that ends at `latest`. */
export function modelYearOf(vin: string, latest: number): number {
  const offset = MODEL_YEAR_CODES.indexOf(vin[9]);
  return latest - ((((latest - 1980 - offset) % 30) + 30) % 30);
}
