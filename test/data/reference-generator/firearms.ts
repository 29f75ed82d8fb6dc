/**
 * Firearms reported stolen or trafficked: real makes and models with their
 * calibre and type, and serial numbers shaped like each maker's (in the person
 * generator's shape language: `#` a digit, `@` a letter, `*` a letter or digit).
 * Also the other names a make and a calibre go by, for the matching set.
 */
import { documentNumber } from '../generator/identity-documents';
import { Prng, streamSeed } from '../generator/prng';
import { FirearmEntry, FirearmJson, runningNumber } from './reference-entries';

export interface FirearmModel {
  make: string;
  model: string;
  calibre: string;
  type: string;
  serialShapes: readonly string[];
  weight: number;
}

const MODELS_TEXT = `
  Glock | 17 | 9x19mm | pistol | @@@### @@@@### | 10
  Glock | 19 | 9x19mm | pistol | @@@### @@@@### | 8
  Glock | 26 | 9x19mm | pistol | @@@### | 3
  Glock | 22 | .40 S&W | pistol | @@@### | 3
  Smith & Wesson | M&P9 | 9x19mm | pistol | @@@#### | 5
  Smith & Wesson | Model 686 | .357 Magnum | revolver | @@@#### | 2
  Smith & Wesson | Model 29 | .44 Magnum | revolver | N###### | 1
  Beretta | 92FS | 9x19mm | pistol | BER######Z BER###### | 5
  Beretta | PX4 Storm | 9x19mm | pistol | PX##### | 2
  SIG Sauer | P226 | 9x19mm | pistol | U###### 47@###### | 3
  SIG Sauer | P320 | 9x19mm | pistol | 58@###### | 4
  SIG Sauer | P365 | 9x19mm | pistol | 66@###### | 3
  Heckler & Koch | MP5 | 9x19mm | submachine gun | ##-###### | 2
  Heckler & Koch | USP | 9x19mm | pistol | 2#-###### | 3
  Heckler & Koch | G36 | 5.56x45mm NATO | assault rifle | ##-###### | 1
  Colt | M1911 | .45 ACP | pistol | ######-C CV###### | 3
  Colt | Python | .357 Magnum | revolver | ####@ | 1
  Colt | AR-15 | 5.56x45mm NATO | rifle | SP###### LGC###### | 2
  Walther | PPK | .32 ACP | pistol | ######@ | 2
  Walther | P99 | 9x19mm | pistol | @@#### | 2
  CZ | 75 | 9x19mm | pistol | @###### | 4
  CZ | P-10 C | 9x19mm | pistol | @###### | 2
  CZ | Scorpion Evo 3 | 9x19mm | submachine gun | @###### | 1
  Kalashnikov | AKM | 7.62x39mm | assault rifle | @@#### ####### | 5
  Kalashnikov | AK-74 | 5.45x39mm | assault rifle | @@#### ####### | 3
  Zastava | M70 | 7.62x39mm | assault rifle | ###### | 4
  Zastava | M57 | 7.62x25mm Tokarev | pistol | ###### | 2
  Norinco | Type 56 | 7.62x39mm | assault rifle | ######## | 2
  Norinco | Type 54 | 7.62x25mm Tokarev | pistol | ####### | 1
  Baikal | Makarov PM | 9x18mm Makarov | pistol | @@### @@#### | 4
  Tula Arms | TT-33 | 7.62x25mm Tokarev | pistol | @@### | 2
  Remington | 870 | 12 gauge | shotgun | @######M RS##### | 3
  Remington | 700 | 7.62x51mm NATO | rifle | @####### | 1
  Mossberg | 500 | 12 gauge | shotgun | U###### V####### | 3
  Ruger | 10/22 | .22 LR | rifle | ###-##### | 2
  Ruger | LCP | .380 ACP | pistol | ###-##### | 2
  Taurus | G2C | 9x19mm | pistol | @@@###### | 3
  FN Herstal | Five-seveN | 5.7x28mm | pistol | 386###### | 1
  FN Herstal | FAL | 7.62x51mm NATO | rifle | ###### | 1
  FN Herstal | P90 | 5.7x28mm | submachine gun | FN###### | 1
  Benelli | M4 | 12 gauge | shotgun | M###### U###### | 1
  Browning | Hi-Power | 9x19mm | pistol | 245@@##### | 2
  IMI | Uzi | 9x19mm | submachine gun | ###### | 1
  Steyr | AUG | 5.56x45mm NATO | assault rifle | ###### | 1
`;

export const FIREARM_MODELS: readonly FirearmModel[] = MODELS_TEXT.trim()
  .split('\n')
  .map((line) => {
    const [make, model, calibre, type, shapes, weight] = line.split('|').map((field) => field.trim());
    return { make, model, calibre, type, serialShapes: shapes.split(' '), weight: Number(weight) };
  });

/** Other names a make is written under; makes not listed have none worth testing. */
export const MAKE_ALIASES: Record<string, readonly string[]> = {
  'Smith & Wesson': ['S&W', 'Smith and Wesson', 'S & W'],
  'Heckler & Koch': ['H&K', 'HK', 'Heckler and Koch'],
  'SIG Sauer': ['SIG', 'Sig-Sauer', 'SIGSAUER'],
  'FN Herstal': ['FN', 'Fabrique Nationale', 'Fabrique Nationale Herstal'],
  CZ: ['Ceska Zbrojovka', 'Česká zbrojovka', 'CZUB'],
  Kalashnikov: ['Izhmash', 'Kalashnikov Concern'],
  Beretta: ['Pietro Beretta', 'Beretta USA'],
  Walther: ['Carl Walther', 'Walther Arms'],
  Colt: ["Colt's Manufacturing", 'Colt Firearms'],
  Ruger: ['Sturm Ruger', 'Sturm, Ruger & Co.'],
  Zastava: ['Zastava Arms', 'Crvena Zastava'],
  Glock: ['GLOCK', 'Glock GmbH'],
};

/** Other ways the same cartridge is written. */
export const CALIBRE_NOTATIONS: Record<string, readonly string[]> = {
  '9x19mm': ['9mm Parabellum', '9 mm Luger', '9x19', '9mm Para'],
  '.40 S&W': ['40 S&W', '.40 cal'],
  '.45 ACP': ['45 ACP', '.45 Auto'],
  '.357 Magnum': ['357 Mag', '.357 Mag'],
  '.44 Magnum': ['44 Mag', '.44 Mag'],
  '5.56x45mm NATO': ['.223 Rem', '5,56x45', '5.56 mm'],
  '7.62x39mm': ['7.62 x 39', '7,62x39 mm', '7.62mm M43'],
  '7.62x51mm NATO': ['.308 Win', '7.62 NATO', '7,62x51'],
  '5.45x39mm': ['5,45x39', '5.45 mm'],
  '9x18mm Makarov': ['9mm Makarov', '9x18'],
  '7.62x25mm Tokarev': ['7.62 Tokarev', '7,62x25'],
  '12 gauge': ['12ga', '12/70', '12 GA'],
  '.22 LR': ['22 LR', '.22 Long Rifle'],
  '.380 ACP': ['9x17mm', '9mm Kurz', '.380 Auto'],
  '.32 ACP': ['7.65mm Browning', '7,65 mm', '.32 Auto'],
  '5.7x28mm': ['5,7x28', '5.7 mm'],
};

const MODEL_WEIGHTS = FIREARM_MODELS.map((model) => [model, model.weight] as const);

export interface DrawnFirearm {
  entry: FirearmEntry;
  model: FirearmModel;
}

export function drawFirearm(seed: number, index: number): DrawnFirearm {
  const rng = new Prng(streamSeed(seed, 'firearms', index));
  const model = rng.weighted(MODEL_WEIGHTS);
  const firearm: FirearmJson = {
    serialNumber: drawSerial(rng, model),
    make: model.make,
    model: model.model,
    calibre: model.calibre,
    type: model.type,
  };
  return { entry: { entryId: `FA-${runningNumber(index)}`, firearm }, model };
}

function drawSerial(rng: Prng, model: FirearmModel): string {
  return documentNumber(rng, rng.pick(model.serialShapes));
}
