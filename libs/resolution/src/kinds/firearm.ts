/**
 * Firearms: serial number and make are the identity (serials are unique only
 * per maker); model, calibre and type support or contradict.
 *
 * Calibration: the same serial (or the same but for OCR confusions) with no
 * conflicting make is a match; the same serial from another maker is not
 * (under 0.75); serials one character apart are weak evidence, as guns of one
 * batch carry consecutive serials.
 */
import type { Firearm } from '@crosscheck/contracts';
import type { ContractLike } from './contract-like';
import { feature, FeatureEvidence, pairScore, PairScore } from '../evidence';
import { compareIdentifiers, foldOcrConfusions, normalizeSerialNumber } from '../identifiers';
import { normalizeText } from '../names';
import { looselyEqual } from './descriptive-fields';

/** A crosscheck.records.v1.Firearm, as resolution reads it (contract-like.ts). */
export type FirearmLike = ContractLike<Firearm, 'serialNumber'>;

/** What resolution compares of a firearm. JSON-serialisable; empty strings mean unknown. */
export interface FirearmFacts {
  /** Normalised (see normalizeSerialNumber). */
  serial: string;
  /** OCR confusions folded: every misreading of one serial shares it. */
  serialFolded: string;
  /** Normalised, known aliases resolved (`s w` → `smith wesson`). */
  make: string;
  model: string;
  /** Bore, and case length when given: `9`, `9x19`, `7.62x39`, `12ga`; known inch names resolved (`.223` → `5.56x45`). */
  calibre: string;
  type: string;
}

const MAKE_ALIASES: Record<string, string> = {
  's w': 'smith wesson',
  sw: 'smith wesson',
  'smith and wesson': 'smith wesson',
  'h k': 'heckler koch',
  hk: 'heckler koch',
  'heckler and koch': 'heckler koch',
  fn: 'fn herstal',
  'fabrique nationale': 'fn herstal',
  'fabrique nationale herstal': 'fn herstal',
  sig: 'sig sauer',
  sigsauer: 'sig sauer',
  'ceska zbrojovka': 'cz',
  'ceska zbrojovka uhersky brod': 'cz',
  czub: 'cz',
  izhmash: 'kalashnikov',
  colts: 'colt',
  'pietro beretta': 'beretta',
  'carl walther': 'walther',
  'sturm ruger': 'ruger',
  'crvena zastava': 'zastava',
};

/** Words of a company's name that say it is a company, not which: `Walther Arms`, `Glock GmbH`, `Sturm, Ruger & Co.`. */
const CORPORATE_WORDS = new Set(
  'arms firearms manufacturing mfg company co corp corporation inc incorporated ltd llc gmbh ag sa spa srl usa concern group industries'.split(
    ' ',
  ),
);

/** Calibres known by their inch name, as bore x case length in mm. */
const CALIBRE_ALIASES: Record<string, string> = { '223': '5.56x45', '308': '7.62x51', '380': '9x17', '32': '7.65' };
const CALIBRE = /(\d*[.,]?\d+)(?:\s*(?:mm)?\s*[x×]\s*(\d+))?/;
/** `12 gauge`, `12ga`, and a shotgun's gauge with its chamber length in mm: `12/70`, `12/76`. */
const GAUGE = /(?:\d|\b)(?:ga|gauge|g)\b|^\s*\d+\s*\/\s*\d{2}\b/;

export function firearmFactsOf(firearm: FirearmLike): FirearmFacts {
  const serial = normalizeSerialNumber(firearm.serialNormalized || firearm.serialNumber || '');
  return {
    serial,
    serialFolded: foldOcrConfusions(serial),
    make: canonicalMake(firearm.make ?? ''),
    model: normalizeText(firearm.model ?? ''),
    calibre: calibreOf(firearm.calibre ?? ''),
    type: normalizeText(firearm.type ?? ''),
  };
}

/** The make normalised, without the words that only say it is a company, its alias resolved: `Colt's Manufacturing` → `colt`. */
function canonicalMake(text: string): string {
  const normalized = normalizeText(text);
  const words = normalized.split(' ').filter((word) => !CORPORATE_WORDS.has(word));
  const core = words.length > 0 ? words.join(' ') : normalized;
  return MAKE_ALIASES[core] ?? MAKE_ALIASES[normalized] ?? core;
}

/** Loosely equal, or every word of one in the other (`beretta` in `pietro beretta`), company words aside: makes stored before canonicalMake still meet. */
function makesAgree(a: string, b: string): boolean {
  if (looselyEqual(a, b)) return true;
  const core = (make: string) => make.split(' ').filter((word) => word.length > 1 && !CORPORATE_WORDS.has(word));
  const [shorter, longer] = [core(a), core(b)].sort((x, y) => x.length - y.length);
  return shorter.length > 0 && shorter.every((word) => longer.includes(word));
}

/** `9mm Parabellum` → `9`, `9x19mm` → `9x19`, `.45 ACP` → `45`, `5,56 x 45` → `5.56x45`, `12 gauge` → `12ga`, `.223 Rem` → `5.56x45`. */
export function calibreOf(text: string): string {
  const lower = text.toLowerCase().trim();
  const match = CALIBRE.exec(lower);
  if (!match) return normalizeText(lower);
  const bore = match[1].replace(',', '.').replace(/^\./, '');
  const alias = CALIBRE_ALIASES[bore];
  if (alias) return alias;
  if (GAUGE.test(lower)) return `${bore}ga`;
  return match[2] ? `${bore}x${match[2]}` : bore;
}

/** Same bore, and the same case length when both give one. */
function calibresAgree(a: string, b: string): boolean {
  if (a === b) return true;
  const [boreA, lengthA] = a.split('x');
  const [boreB, lengthB] = b.split('x');
  return boreA === boreB && (!lengthA || !lengthB || lengthA === lengthB);
}

const SERIAL_AGREES = 1.2;
const SERIAL_DIFFERS = 1.2;
const SERIAL_ONE_EDIT = 0.8;
const SERIAL_SCORES = { same: 1, 'ocr-variant': 0.9, 'one-edit': 0.4, different: 0 } as const;
const MAKE_AGREES = 0.4;
const MAKE_DIFFERS = 0.6;
const MODEL_AGREES = 0.1;
const MODEL_DIFFERS = 0.15;
const CALIBRE_AGREES = 0.1;
const CALIBRE_DIFFERS = 0.5;
const TYPE_AGREES = 0.05;
const TYPE_DIFFERS = 0.1;

export function scoreFirearms(a: FirearmFacts, b: FirearmFacts): PairScore {
  const features: FeatureEvidence[] = [];
  if (a.serial && b.serial) {
    const agreement = compareIdentifiers(a.serial, a.serialFolded, b.serial, b.serialFolded);
    const weight =
      agreement === 'one-edit' ? SERIAL_ONE_EDIT : agreement === 'different' ? SERIAL_DIFFERS : SERIAL_AGREES;
    const detail = {
      same: `same serial ${a.serial}`,
      'ocr-variant': `same serial but for OCR confusions (O/0, I/1, S/5, B/8...): ${a.serial} vs ${b.serial}`,
      'one-edit': `serials one character apart (a typo, or the next gun of a batch): ${a.serial} vs ${b.serial}`,
      different: `different serials: ${a.serial} vs ${b.serial}`,
    }[agreement];
    features.push(feature('serial_number', SERIAL_SCORES[agreement], weight, detail));
  }
  if (a.make && b.make) {
    features.push(
      makesAgree(a.make, b.make)
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
  if (a.calibre && b.calibre) {
    features.push(
      calibresAgree(a.calibre, b.calibre)
        ? feature('calibre', 1, CALIBRE_AGREES, `${a.calibre} ≈ ${b.calibre}`)
        : feature('calibre', 0, CALIBRE_DIFFERS, `${a.calibre} vs ${b.calibre}`),
    );
  }
  if (a.type && b.type) {
    features.push(
      looselyEqual(a.type, b.type)
        ? feature('type', 1, TYPE_AGREES, `both ${a.type}`)
        : feature('type', 0.2, TYPE_DIFFERS, `${a.type} vs ${b.type}`),
    );
  }
  return pairScore(features);
}
