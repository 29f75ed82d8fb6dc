/**
 * `npm run names:misses -- <script> [count]`: the netranslit dev pairs of one
 * script (../shared/datasets, the sample bench:names draws) whose other-script
 * spelling, checked against its Latin name loaded as a notice, is neither `hit`
 * nor `possible`, with the score and the name's explanation; then the recall.
 * For reading what the engine misses, and whether the pair is one name at all:
 * netranslit pairs some names with another part of the person's name
 * (mineko / 이와사키, Iwasaki), which no engine should find.
 */
import { FeatureEvidence, recordFactsOf, RecordFacts, scoreRecords } from '@crosscheck/resolution';
import { levelOf } from '../../apps/matching/src/model/match-level';
import { CROSS_SCRIPTS, CrossScript, scriptPairs, shuffled } from '../../bench/lib/public-names';

/** bench:names's sample: its seed and default count, and matching's default thresholds. */
const SEED = 20261206;
const THRESHOLDS = { hit: 0.85, possible: 0.7 };

const script = process.argv[2] as CrossScript;
if (!(script in CROSS_SCRIPTS)) {
  console.error(`usage: npm run names:misses -- <${Object.keys(CROSS_SCRIPTS).join('|')}> [count]`);
  process.exit(2);
}
const count = Number(process.argv[3] ?? 1500);
const personOf = (name: { full: string; original: string; script?: string }): RecordFacts =>
  recordFactsOf('person', { names: [{ given: '', family: '', ...name }], documents: [] });

const pairs = shuffled(scriptPairs(script), SEED).slice(0, count);
let missed = 0;
for (const pair of pairs) {
  const notice = personOf({ full: pair.latin, original: '' });
  const check = personOf({ full: '', original: pair.other, script: CROSS_SCRIPTS[script] });
  const scored = scoreRecords(check, notice);
  const features = (scored?.features ?? []) as FeatureEvidence[];
  if (scored && levelOf('notices', scored.score, features, THRESHOLDS)) continue;
  missed++;
  const name = features.find((feature) => feature.feature === 'name');
  console.log([pair.latin, pair.other, scored?.score.toFixed(3) ?? '-', name?.detail ?? ''].join('\t'));
}
console.log(`${script}: ${missed} of ${pairs.length} missed, recall ${(1 - missed / pairs.length).toFixed(3)}`);
