/**
 * Reference data for matching: notices, SLTD, SMV, firearms and works of art.
 * Pure and deterministic: entry n of a dataset is drawn from its own stream
 * of the seed, so it is the same whatever the number of entries around it,
 * and any number of entries can be drawn one at a time (see
 * write-reference-files.ts for the streaming writer).
 */
import { drawArtwork } from './artworks';
import { drawFirearm } from './firearms';
import { drawNotice } from './notices';
import { ReferenceData, ReferenceDataset, ReferenceEntries } from './reference-entries';
import { drawTravelDocument } from './travel-documents';
import { drawVehicle } from './vehicles';

export interface ReferenceCounts {
  notices: number;
  sltd: number;
  smv: number;
  firearms: number;
  /** Works of art. */
  artworks: number;
}

export interface ReferenceOptions extends Partial<ReferenceCounts> {
  /** 0-4294967295; the only source of randomness. */
  seed: number;
}

/** What `npm start` loads: enough to look real, small enough to generate in a blink. */
export const DEFAULT_COUNTS: ReferenceCounts = { notices: 3000, sltd: 5000, smv: 2000, firearms: 500, artworks: 300 };

/** The count option of each dataset. */
export const COUNT_OPTION: Record<ReferenceDataset, keyof ReferenceCounts> = {
  notices: 'notices',
  sltd: 'sltd',
  smv: 'smv',
  firearms: 'firearms',
  'works-of-art': 'artworks',
};

const DRAW: { [D in ReferenceDataset]: (seed: number, index: number) => ReferenceEntries[D] } = {
  notices: (seed, index) => drawNotice(seed, index).entry,
  sltd: (seed, index) => drawTravelDocument(seed, index).entry,
  smv: (seed, index) => drawVehicle(seed, index).entry,
  firearms: (seed, index) => drawFirearm(seed, index).entry,
  'works-of-art': drawArtwork,
};

/** Entry `index` (from 0) of a dataset. */
export function referenceEntry<D extends ReferenceDataset>(
  dataset: D,
  seed: number,
  index: number,
): ReferenceEntries[D] {
  return DRAW[dataset](seed, index);
}

/** The first `count` entries of a dataset, one at a time. */
export function* referenceEntries<D extends ReferenceDataset>(
  dataset: D,
  seed: number,
  count: number,
): Generator<ReferenceEntries[D]> {
  for (let index = 0; index < count; index++) yield DRAW[dataset](seed, index);
}

/** Every dataset's entries, in memory; counts not given take DEFAULT_COUNTS. */
export function generateReferenceData(options: ReferenceOptions): ReferenceData {
  const { seed, counts } = checkedReferenceOptions(options);
  const all = <D extends ReferenceDataset>(dataset: D) => [
    ...referenceEntries(dataset, seed, counts[COUNT_OPTION[dataset]]),
  ];
  return {
    notices: all('notices'),
    sltd: all('sltd'),
    smv: all('smv'),
    firearms: all('firearms'),
    'works-of-art': all('works-of-art'),
  };
}

export function checkedReferenceOptions(options: ReferenceOptions): { seed: number; counts: ReferenceCounts } {
  const { seed, ...given } = options;
  const counts: ReferenceCounts = { ...DEFAULT_COUNTS };
  for (const key of Object.keys(DEFAULT_COUNTS) as (keyof ReferenceCounts)[]) {
    if (given[key] !== undefined) counts[key] = given[key];
  }
  const problems = [
    !Number.isInteger(seed) || seed < 0 || seed > 0xffffffff ? 'seed must be an integer from 0 to 4294967295' : '',
    ...Object.entries(counts).map(([key, count]) =>
      Number.isInteger(count) && count >= 0 ? '' : `${key} must be a whole number of at least 0`,
    ),
  ].filter(Boolean);
  if (problems.length > 0) throw new RangeError(`generateReferenceData: ${problems.join('; ')}`);
  return { seed, counts };
}
