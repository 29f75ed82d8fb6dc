/**
 * Comparing two names part by part, whatever their order: every part of one
 * is paired with the part of the other it agrees with best (the assignment
 * maximising total agreement), so `Petrov Ivan` meets `Ivan Petrov` and a
 * missing middle name costs little. Parts agree exactly, as known variants,
 * by sound (Double Metaphone, and Daitch-Mokotoff for the spellings of Central
 * and Eastern Europe), without a Baltic ending, by consonants (for abjads), as
 * an initial, or by Jaro-Winkler; a low Jaro-Winkler counts as another name,
 * not half of one.
 * Hot path: works only on precomputed NameForms.
 */
import { balticStem, endsUnmarked } from './baltic-endings';
import { alignmentSimilarity } from './learned/learned-transliteration';
import { NameForm, NamePart } from './name-parts';
import { consonantSkeleton, daitchMokotoffAlike, daitchMokotoffSounds, editDistance, jaroWinkler } from './phonetics';
import { compareSameScript } from './same-script';

export interface NameAgreement {
  /** In [0,1]. */
  score: number;
  /** Part by part: `family name: Ivanov ≈ Ivanoff (JW 0.91); given name: Ivan = Ivan`. */
  detail: string;
  /** Set when the best alignment pairs a given name with a family name (each side said which is which), at `crossedRoles`. */
  crossedRoles?: true;
}

export interface CompareNamesOptions {
  /** What a part left without partner costs, as a share of one disagreeing part, when both names have two parts or more. Default 0.2. */
  extraPartCost?: number;
  /** The same when the shorter name has one part only. Default 0.5: `Petrov` alone says little about `Ivan Petrov`. */
  singlePartExtraCost?: number;
  /** How to call a part whose role is unknown. Default `name part`. */
  partLabel?: string;
  /**
   * What a given name paired with a family name counts for, when both records
   * said which is which. Default 0.6 (CROSSED_ROLES); 1 when other evidence
   * (an agreeing full birth date) says the two records are one person whose
   * fields one of them swapped.
   */
  crossedRoles?: number;
  /**
   * The parts are the words of a phrase (an artwork's title), not a person's
   * names: the rules of how one person's name is spelt in other European
   * languages (Baltic endings, Daitch-Mokotoff) do not apply, as a title word
   * with a Lithuanian ending or one Polish reading is another word.
   */
  phrase?: boolean;
}

const SAME_CORE = 0.95;
const KNOWN_VARIANT = 0.95;
const INITIAL = 0.8;
const SOUND_ALIKE = 0.9;
const SOUND_ALIKE_ALTERNATE = 0.86;
const SAME_CONSONANTS = 0.88;
const SAME_SHORT_CONSONANTS = 0.8;
/** Below this Jaro-Winkler, sounding alike is taken for coincidence (codes are only 4 letters). */
const SOUND_ALIKE_MIN_JW = 0.7;
/** Jaro-Winkler from which two parts are taken for spellings of one name; agreement falls linearly to 0 at ZERO_AGREEMENT_JW. */
const FUZZY_FLOOR = 0.8;
const ZERO_AGREEMENT_JW = 0.65;
/** Below this agreement, an explanation calls two parts different. */
const DISAGREEMENT = 0.5;
const DEFAULT_EXTRA_PART_COST = 0.2;
const DEFAULT_SINGLE_PART_EXTRA_COST = 0.5;
/** Two adjacent parts written as one (`Xiao Ming` / `Xiaoming`, `Abdul Rahman` / `Abdulrahman`). */
const MERGE_MIN_JW = 0.93;
/** Beyond these sizes the exact assignment search gives way to greedy pairing. */
const EXACT_ASSIGNMENT_MAX_ROWS = 6;
const EXACT_ASSIGNMENT_MAX_COLUMNS = 8;

interface Alignment {
  score: number;
  left: NameForm;
  right: NameForm;
  /** The parts compared, after adjacent parts written as one were merged. */
  leftParts: NamePart[];
  rightParts: NamePart[];
  /** Pairs of indexes into leftParts and rightParts, with their agreement. */
  pairs: { left: number; right: number; agreement: number; crossed: boolean }[];
}

/** Two names in one non-Latin script whose letters differ are other people, however alike they sound: at most this (see same-script.ts). */
const OTHER_LETTERS_CAP = 0.5;

/** The best agreement between any form of one name and any form of the other; undefined when either has no parts. */
export function compareNames(
  left: NameForm[],
  right: NameForm[],
  options: CompareNamesOptions = {},
): NameAgreement | undefined {
  const sameScript = compareSameScript(left, right);
  if (sameScript?.identical) {
    const letters = sameScript.left.native ? 'characters' : 'letters';
    return { score: 1, detail: `"${sameScript.left.written}" = "${sameScript.right.written}": the same ${letters}` };
  }
  const agreement = bestAlignment(left, right, options);
  if (!agreement || !sameScript || sameScript.same) return agreement;
  if (agreement.score <= OTHER_LETTERS_CAP) return agreement;
  const letters = sameScript.left.native ? 'characters' : 'letters';
  return {
    score: OTHER_LETTERS_CAP,
    detail: `"${sameScript.left.written}" ≠ "${sameScript.right.written}": other ${letters}, though they read alike (${agreement.detail})`,
  };
}

function bestAlignment(left: NameForm[], right: NameForm[], options: CompareNamesOptions): NameAgreement | undefined {
  let best: Alignment | undefined;
  for (const leftForm of left) {
    for (const rightForm of right) {
      // Two names in one non-Latin script meet through the same romanisation of both, not through a learned guess at either.
      if (leftForm.script === rightForm.script && (leftForm.route === 'learned' || rightForm.route === 'learned'))
        continue;
      const alignment = alignForms(leftForm, rightForm, {
        extraPartCost: options.extraPartCost ?? DEFAULT_EXTRA_PART_COST,
        singlePartExtraCost: options.singlePartExtraCost ?? DEFAULT_SINGLE_PART_EXTRA_COST,
        crossedRoles: options.crossedRoles ?? CROSSED_ROLES,
        personal: !options.phrase,
      });
      if (alignment && (!best || alignment.score > best.score)) best = alignment;
    }
    if (best && best.score === 1) break;
  }
  if (!best) return undefined;
  const agreement: NameAgreement = {
    score: round(best.score),
    detail: describe(best, options.partLabel ?? 'name part', options.crossedRoles ?? CROSSED_ROLES, !options.phrase),
  };
  if (best.pairs.some((pair) => pair.crossed)) agreement.crossedRoles = true;
  return agreement;
}

interface AlignOptions {
  extraPartCost: number;
  singlePartExtraCost: number;
  crossedRoles: number;
  /** The parts are a person's names: CompareNamesOptions.phrase unset. */
  personal: boolean;
}

/** How two parts are read: whether both names were written in one script, and whether they are a person's names. */
interface PartReading {
  sameScript: boolean;
  personal: boolean;
}

function alignForms(left: NameForm, right: NameForm, options: AlignOptions): Alignment | undefined {
  let leftParts = left.parts;
  let rightParts = right.parts;
  if (leftParts.length === 0 || rightParts.length === 0) return undefined;
  if (leftParts.length > rightParts.length) leftParts = mergeAdjacent(leftParts, rightParts);
  else if (rightParts.length > leftParts.length) rightParts = mergeAdjacent(rightParts, leftParts);
  let best = alignParts(left, right, leftParts, rightParts, options);
  if (best.score === 1) return best;
  // Two parts one side writes as one, though both sides have as many parts (`van Gogh` / `Vincent Vangogh`).
  const leftJoined = joinedLike(leftParts, rightParts);
  if (leftJoined) best = better(best, alignParts(left, right, leftJoined, rightParts, options));
  const rightJoined = joinedLike(rightParts, leftParts);
  if (rightJoined) best = better(best, alignParts(left, right, leftParts, rightJoined, options));
  return best;
}

function better(a: Alignment, b: Alignment): Alignment {
  return b.score > a.score ? b : a;
}

function alignParts(
  left: NameForm,
  right: NameForm,
  leftParts: NamePart[],
  rightParts: NamePart[],
  { extraPartCost, singlePartExtraCost, crossedRoles, personal }: AlignOptions,
): Alignment {
  const leftIsRows = leftParts.length <= rightParts.length;
  const rows = leftIsRows ? leftParts : rightParts;
  const columns = leftIsRows ? rightParts : leftParts;
  const width = columns.length;
  const agreements = new Array<number>(rows.length * width);
  const reading: PartReading = { sameScript: left.script === right.script, personal };
  for (let row = 0; row < rows.length; row++) {
    for (let column = 0; column < width; column++) {
      agreements[row * width + column] =
        agreementOf(partSimilarity(rows[row], columns[column], reading)) *
        roleFactor(rows[row], columns[column], crossedRoles);
    }
  }
  const assignment =
    rows.length <= EXACT_ASSIGNMENT_MAX_ROWS && width <= EXACT_ASSIGNMENT_MAX_COLUMNS
      ? exactAssignment(agreements, rows.length, width)
      : greedyAssignment(agreements, rows.length, width);

  let total = 0;
  const pairs: Alignment['pairs'] = [];
  for (let row = 0; row < rows.length; row++) {
    const agreement = agreements[row * width + assignment[row]];
    total += agreement;
    const crossed = hasCrossedRoles(rows[row], columns[assignment[row]]);
    pairs.push(
      leftIsRows
        ? { left: row, right: assignment[row], agreement, crossed }
        : { left: assignment[row], right: row, agreement, crossed },
    );
  }
  const cost = rows.length >= 2 ? extraPartCost : singlePartExtraCost;
  const score = total / (rows.length + cost * (width - rows.length));
  return { score, left, right, leftParts, rightParts, pairs };
}

/**
 * How alike two parts are, in [0,1], before a low Jaro-Winkler is turned into
 * disagreement. `sameScript`: both names were written in one script, so their
 * spellings are not two transliterations of one sound, and a part more edits
 * away than its length allows is another name however alike it looks (Marit /
 * Sari, Shahid / Said); across scripts, spellings drift further. `personal`:
 * they are a person's names, so the rules of names in other European languages
 * apply.
 */
function partSimilarity(x: NamePart, y: NamePart, { sameScript, personal }: PartReading): number {
  if (x.text === y.text) return 1;
  const xCore = x.core ?? x.text;
  const yCore = y.core ?? y.text;
  if (xCore === yCore) return SAME_CORE;
  // A one-letter part is an initial, unless it is the learned spelling of a word (가즈 is `z`: 가 often goes unwritten).
  if ((x.text.length === 1 && !x.learned) || (y.text.length === 1 && !y.learned))
    return x.text[0] === y.text[0] ? INITIAL : 0;
  let similarity = jaroWinkler(x.text, y.text);
  if (x.core !== undefined || y.core !== undefined) similarity = Math.max(similarity, jaroWinkler(xCore, yCore));
  if (x.equivalent !== undefined && x.equivalent === y.equivalent) return Math.max(similarity, KNOWN_VARIANT);
  const spelling = similarity;
  const sounds = similarity < SOUND_ALIKE && similarity >= SOUND_ALIKE_MIN_JW ? soundAlike(x, y, personal) : 0;
  similarity = Math.max(similarity, sounds);
  if (sameScript && similarity < 1 && tooManyEditsEither(x, y, sounds > 0 ? 1 : 0)) {
    if (!personal || !readAlikeElsewhere(xCore, yCore, similarity) || tooManyEdits(xCore, yCore, 2))
      similarity = Math.min(similarity, ZERO_AGREEMENT_JW);
  }
  // Losing an ending of two to four letters brings no part within reach that was not already close.
  if (personal && similarity < SAME_CORE && spelling >= SOUND_ALIKE_MIN_JW)
    similarity = Math.max(similarity, stemSimilarity(x, y, sameScript));
  if (similarity < SAME_CONSONANTS && (x.consonants !== undefined || y.consonants !== undefined))
    similarity = Math.max(similarity, consonantAgreement(x, y));
  if (!sameScript && similarity < LEARNED_ALIGNMENT_BELOW) similarity = Math.max(similarity, learnedAlignment(x, y));
  return similarity;
}

/**
 * Too many edits apart both without their particles and as written: `abubakr` (Abu Bakr) is one letter from
 * `abubakar`, though its core `bakr` is four. Written solid, particles lengthen a part, and with it the edits
 * allowed, so as written no extra edit is allowed (Delacruz is not Delacroix).
 */
function tooManyEditsEither(x: NamePart, y: NamePart, extra: number): boolean {
  if (!tooManyEdits(x.core ?? x.text, y.core ?? y.text, extra)) return false;
  return (x.core === undefined && y.core === undefined) || tooManyEdits(x.text, y.text, 0);
}

/** Edits a spelling of one name may differ by: one per four letters of the longer part, and `extra` more. */
function tooManyEdits(x: string, y: string, extra: number): boolean {
  const allowed = Math.max(1, Math.floor((Math.max(x.length, y.length) + 1) / EDITS_PER_LETTERS)) + extra;
  return editDistance(x, y, allowed) > allowed;
}
const EDITS_PER_LETTERS = 4;

/**
 * Whether two spellings may differ by two edits more than their length allows (one more when they sound alike):
 * when they read alike in Daitch-Mokotoff, though Double Metaphone (an English reading) need not, and either are
 * close (JW ≥ 0.9) or share a long code (four sounds or more). One name as another European language spells it
 * moves more letters (Hungarian Kuznyecov and Polish Kuzniecow for Kuznetsov).
 */
function readAlikeElsewhere(x: string, y: string, similarity: number): boolean {
  if (similarity < SOUND_ALIKE_MIN_JW) return false;
  const shared = daitchMokotoffSounds(x, y);
  return shared >= LONG_CODE_SOUNDS || (shared > 0 && similarity >= SOUND_ALIKE);
}
const LONG_CODE_SOUNDS = 4;

/**
 * How alike two parts are when the one with a Baltic masculine ending loses it (baltic-endings.ts): Ivanovs and
 * Ivanov, Dmitrijus and Dmitry, at most as alike as one name with and without a particle. 0 when neither has such
 * an ending, or the other ends as no man's name does without one.
 */
function stemSimilarity(x: NamePart, y: NamePart, sameScript: boolean): number {
  const xStem = balticStem(x.text);
  const yStem = balticStem(y.text);
  if (xStem === undefined && yStem === undefined) return 0;
  if ((xStem === undefined && !endsUnmarked(x.text)) || (yStem === undefined && !endsUnmarked(y.text))) return 0;
  const xWord = xStem ?? x.text;
  const yWord = yStem ?? y.text;
  if (xWord === yWord) return SAME_CORE;
  const similarity = Math.min(SAME_CORE, jaroWinkler(xWord, yWord));
  if (similarity < SOUND_ALIKE_MIN_JW) return 0;
  const extra = daitchMokotoffAlike(xWord, yWord) ? 1 : 0;
  return sameScript && tooManyEdits(xWord, yWord, extra) ? 0 : similarity;
}

/** Under this, a part written in another script is also aligned, as written, to the Latin part under the learned model. */
const LEARNED_ALIGNMENT_BELOW = 0.95;

function learnedAlignment(x: NamePart, y: NamePart): number {
  if (x.learned && !y.learned) return alignmentSimilarity(x.learned.word, y.text, x.learned.model);
  if (y.learned && !x.learned) return alignmentSimilarity(y.learned.word, x.text, y.learned.model);
  return 0;
}

/**
 * A given name paired with a family name, when both records said which is
 * which: `given Ivan, family Petrov` and `given Petrov, family Ivan` are two
 * people as often as one record with its fields swapped, so on the names alone
 * the pair counts for less (the person scorer lifts this when a full birth
 * date agrees: see CompareNamesOptions.crossedRoles).
 */
const CROSSED_ROLES = 0.6;

function hasCrossedRoles(x: NamePart, y: NamePart): boolean {
  return x.role !== undefined && y.role !== undefined && x.role !== y.role;
}

function roleFactor(x: NamePart, y: NamePart, crossedRoles: number): number {
  return hasCrossedRoles(x, y) ? crossedRoles : 1;
}

function agreementOf(similarity: number): number {
  if (similarity >= FUZZY_FLOOR) return similarity;
  return similarity <= ZERO_AGREEMENT_JW
    ? 0
    : ((similarity - ZERO_AGREEMENT_JW) / (FUZZY_FLOOR - ZERO_AGREEMENT_JW)) * FUZZY_FLOOR;
}

/**
 * Same Double Metaphone key code, another of their codes, or (a person's names as Central and Eastern Europe spell
 * them, `personal`) a Daitch-Mokotoff code.
 */
function soundAlike(x: NamePart, y: NamePart, personal: boolean): number {
  if (x.codes.length === 0 || y.codes.length === 0) return 0;
  if (x.codes[0] === y.codes[0]) return SOUND_ALIKE;
  if (metaphoneAlike(x, y)) return SOUND_ALIKE_ALTERNATE;
  return personal && daitchMokotoffAlike(x.core ?? x.text, y.core ?? y.text) ? SOUND_ALIKE_ALTERNATE : 0;
}

function metaphoneAlike(x: NamePart, y: NamePart): boolean {
  for (const code of x.codes) if (y.codes.includes(code)) return true;
  return false;
}

function consonantAgreement(x: NamePart, y: NamePart): number {
  const xs = x.consonants ?? latinSkeletons(x);
  const ys = y.consonants ?? latinSkeletons(y);
  for (const skeleton of xs) {
    if (skeleton && ys.includes(skeleton)) return skeleton.length >= 2 ? SAME_CONSONANTS : SAME_SHORT_CONSONANTS;
  }
  return 0;
}

function latinSkeletons(part: NamePart): string[] {
  return part.core ? [consonantSkeleton(part.text), consonantSkeleton(part.core)] : [consonantSkeleton(part.text)];
}

/** Merges adjacent parts of the longer name that the shorter writes as one, until the counts agree or nothing merges. */
function mergeAdjacent(longer: NamePart[], shorter: NamePart[]): NamePart[] {
  let parts = longer;
  while (parts.length > shorter.length) {
    const merged = mergeOnce(parts, shorter);
    if (!merged) break;
    parts = merged;
  }
  return parts;
}

function mergeOnce(parts: NamePart[], shorter: NamePart[]): NamePart[] | undefined {
  for (let index = 0; index + 1 < parts.length; index++) {
    const joined = parts[index].text + parts[index + 1].text;
    for (const target of shorter) {
      const close =
        Math.abs(target.text.length - joined.length) <= 2 && jaroWinkler(joined, target.text) >= MERGE_MIN_JW;
      if (close || joined === target.core) return mergedAt(parts, index, joined);
    }
  }
  return undefined;
}

/** The parts with the first adjacent two merged whose joined text is exactly a part of the other name; undefined when none is. */
function joinedLike(parts: NamePart[], other: NamePart[]): NamePart[] | undefined {
  for (let index = 0; index + 1 < parts.length; index++) {
    const joined = parts[index].text + parts[index + 1].text;
    if (other.some((part) => part.text === joined)) return mergedAt(parts, index, joined);
  }
  return undefined;
}

function mergedAt(parts: NamePart[], index: number, joined: string): NamePart[] {
  const merged: NamePart = { text: joined, codes: [] };
  const role = parts[index].role ?? parts[index + 1].role;
  if (role) merged.role = role;
  return [...parts.slice(0, index), merged, ...parts.slice(index + 2)];
}

/** The assignment of rows to distinct columns with the highest total, by exhaustive search (names have few parts). */
function exactAssignment(agreements: number[], rows: number, width: number): number[] {
  if (rows === 1) return [bestColumn(agreements, 0, width, -1)];
  if (rows === 2) {
    let best = [0, 1];
    let bestTotal = -1;
    for (let first = 0; first < width; first++) {
      for (let second = 0; second < width; second++) {
        if (second === first) continue;
        const total = agreements[first] + agreements[width + second];
        if (total > bestTotal) {
          bestTotal = total;
          best = [first, second];
        }
      }
    }
    return best;
  }
  const search = {
    current: new Array<number>(rows),
    best: new Array<number>(rows),
    bestTotal: -1,
    used: new Array<boolean>(width).fill(false),
  };
  searchAssignments(agreements, rows, width, 0, 0, search);
  return search.best;
}

function bestColumn(agreements: number[], row: number, width: number, excluded: number): number {
  let best = -1;
  for (let column = 0; column < width; column++) {
    if (column !== excluded && (best === -1 || agreements[row * width + column] > agreements[row * width + best]))
      best = column;
  }
  return best;
}

interface AssignmentSearch {
  current: number[];
  best: number[];
  bestTotal: number;
  used: boolean[];
}

function searchAssignments(
  agreements: number[],
  rows: number,
  width: number,
  row: number,
  total: number,
  search: AssignmentSearch,
): void {
  if (row === rows) {
    if (total > search.bestTotal) {
      search.bestTotal = total;
      search.best = search.current.slice();
    }
    return;
  }
  for (let column = 0; column < width; column++) {
    if (search.used[column]) continue;
    search.used[column] = true;
    search.current[row] = column;
    searchAssignments(agreements, rows, width, row + 1, total + agreements[row * width + column], search);
    search.used[column] = false;
  }
}

function greedyAssignment(agreements: number[], rows: number, width: number): number[] {
  const cells = agreements.map((agreement, index) => ({
    agreement,
    row: Math.floor(index / width),
    column: index % width,
  }));
  cells.sort((a, b) => b.agreement - a.agreement);
  const assignment = new Array<number>(rows).fill(-1);
  const usedColumns = new Set<number>();
  for (const cell of cells) {
    if (assignment[cell.row] !== -1 || usedColumns.has(cell.column)) continue;
    assignment[cell.row] = cell.column;
    usedColumns.add(cell.column);
  }
  return assignment;
}

function describe(alignment: Alignment, partLabel: string, crossedRoles: number, personal: boolean): string {
  const { left, right, leftParts, rightParts, pairs } = alignment;
  pairs.sort(byLeftIndex);
  let text = `"${left.written}" ↔ "${right.written}"${routeOf(left, right)}: `;
  let reordered = false;
  for (let index = 0; index < pairs.length; index++) {
    const pair = pairs[index];
    if (index > 0 && pair.right < pairs[index - 1].right) reordered = true;
    const x = leftParts[pair.left];
    const y = rightParts[pair.right];
    const role = x.role ?? y.role;
    const label = role === 'family' ? 'family name' : role === 'given' ? 'given name' : partLabel;
    const crossed = pair.crossed ? ` (${x.role} name on one side, ${y.role} name on the other)` : '';
    const reading = { sameScript: left.script === right.script, personal };
    text += `${index > 0 ? '; ' : ''}${label}: ${relation(x, y, pair.agreement / roleFactor(x, y, crossedRoles), reading)}${crossed}`;
  }
  for (let index = 0; index < leftParts.length; index++)
    if (!paired(pairs, 'left', index)) text += `; ${display(leftParts[index].text)} on one side only`;
  for (let index = 0; index < rightParts.length; index++)
    if (!paired(pairs, 'right', index)) text += `; ${display(rightParts[index].text)} on one side only`;
  return reordered ? `${text}; written in another order` : text;
}

/** How the two forms met in Latin letters, when one was not written in them. */
function routeOf(left: NameForm, right: NameForm): string {
  if (left.route === 'learned' || right.route === 'learned') return ' (learned transliteration)';
  const romanised = (form: NameForm) => form.script !== 'Latn' && form.script !== 'Zyyy';
  return romanised(left) || romanised(right) ? ' (romanised)' : '';
}

function byLeftIndex(a: { left: number }, b: { left: number }): number {
  return a.left - b.left;
}

function paired(pairs: Alignment['pairs'], side: 'left' | 'right', index: number): boolean {
  for (const pair of pairs) if (pair[side] === index) return true;
  return false;
}

function relation(x: NamePart, y: NamePart, agreement: number, { sameScript, personal }: PartReading): string {
  const pair = (sign: string, note = ''): string => `${display(x.text)} ${sign} ${display(y.text)}${note}`;
  if (x.text === y.text) return pair('=');
  if ((x.core ?? x.text) === (y.core ?? y.text)) return pair('≈', ' (same name without its particle)');
  if ((x.text.length === 1 && !x.learned) || (y.text.length === 1 && !y.learned))
    return agreement > 0 ? pair('~', ' (initial)') : pair('≠', ' (initial)');
  const jw = jaroWinkler(x.text, y.text).toFixed(2);
  if (agreement < DISAGREEMENT) return pair('≠', ` (JW ${jw})`);
  if (x.equivalent !== undefined && x.equivalent === y.equivalent && Number(jw) < KNOWN_VARIANT)
    return pair('~', ` (spellings of one name, JW ${jw})`);
  if (personal && Number(jw) < agreement && stemSimilarity(x, y, sameScript) >= agreement)
    return pair('≈', ` (the same name with a Baltic ending, JW ${jw})`);
  if (Number(jw) < SOUND_ALIKE && soundAlike(x, y, personal) >= agreement) return pair('~', ` (sound alike, JW ${jw})`);
  // Let through with more edits than Double Metaphone alone allows: Daitch-Mokotoff read them alike.
  if (personal && sameScript && tooManyEditsEither(x, y, metaphoneAlike(x, y) ? 1 : 0))
    return pair('~', ` (one name as two European languages spell it, read alike by Daitch-Mokotoff, JW ${jw})`);
  if ((x.consonants || y.consonants) && consonantAgreement(x, y) >= agreement)
    return pair('~', ` (same consonants, JW ${jw})`);
  if ((x.learned || y.learned) && Number(jw) < agreement && learnedAlignment(x, y) >= agreement) {
    const written = (x.learned ?? y.learned)!.word;
    return `${display(x.learned ? written : x.text)} ~ ${display(y.learned ? written : y.text)} (aligned by learned transliteration)`;
  }
  return pair('≈', ` (JW ${jw})`);
}

function display(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
