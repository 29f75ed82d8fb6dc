/**
 * What the frontline page says about a check's answer, in words for someone
 * at a border at night: NO HIT, HIT (what it is, what to do, whom to call) or
 * POSSIBLE (which facts to confirm before acting).
 */
/** An answer of the instant check: a hit the agency may see in full, or a hit/no-hit on restricted data. */
export type CheckAnswer = CheckHit | RestrictedHit;

export interface CheckHit {
  access?: 'full';
  dataset: string;
  entryId: string;
  level: 'hit' | 'possible';
  score: number;
  subject: string;
  noticeColour?: string;
  features: { feature: string; score: number; detail?: string }[];
  entry: { owner?: string };
}

/** A hit in data the owner restricted: no subject data, only whom to contact and which reference to quote. */
export interface RestrictedHit {
  access: 'hit-no-hit';
  dataset: string;
  owner: string;
  level: 'hit' | 'possible';
  reference: string;
  at: string;
  action: string;
}

export interface Verdict {
  level: 'no_hit' | 'hit' | 'possible';
  headline: string;
  /** What the officer does now. */
  action: string;
  /** Whom to call: the agency that owns the entry. */
  contact?: string;
  /** For POSSIBLE: the facts that did not agree, or were missing, to confirm with the traveller. */
  confirm: string[];
  hit?: CheckHit;
  /** For a hit in restricted data: the reference to quote to the owner. */
  reference?: string;
}

const NOTICE_ACTIONS: Record<string, string> = {
  red: 'Wanted for arrest. Detain only as your law allows, and call the issuing bureau now.',
  yellow: 'Missing person. Make sure the person is safe and call the issuing bureau.',
  blue: 'Information sought. Let the person go on unless other grounds apply; report the location.',
  black: 'Unidentified body notice. Report to the issuing bureau.',
  green: 'Warning: known offender. Be careful, and report the contact.',
  orange: 'Imminent threat. Follow your threat procedure now and alert your supervisor.',
  purple: 'Modus operandi notice. Report what you observed.',
  silver: 'Criminal assets sought. Report the assets to the issuing bureau; do not tip off the holder.',
  un: 'UN Security Council sanctions. Apply the sanctions procedure and call your bureau.',
};

const DATASET_WHAT: Record<string, { what: string; action: string }> = {
  sltd: {
    what: 'Travel document reported stolen or lost',
    action: 'Keep the document. Do not return it; call the issuing bureau.',
  },
  smv: {
    what: 'Vehicle reported stolen',
    action: 'Hold the vehicle and its driver as your law allows; call the reporting bureau.',
  },
  firearms: {
    what: 'Firearm reported stolen or lost',
    action: 'Seize the firearm safely and call the reporting bureau.',
  },
  'works-of-art': { what: 'Work of art reported stolen', action: 'Hold the object and call the reporting bureau.' },
};

const FACTS: Record<string, string> = {
  name: 'the full name, as written in the document',
  date_of_birth: 'the date of birth',
  nationality: 'the nationality',
  sex: 'the sex',
  identity_document: 'the document number and issuing country',
  document_number: 'the document number',
  vin: 'the VIN on the chassis',
};

export function verdictOf(answers: CheckAnswer[]): Verdict {
  const full = answers.filter((answer): answer is CheckHit => answer.access !== 'hit-no-hit');
  const restricted = answers.filter((answer): answer is RestrictedHit => answer.access === 'hit-no-hit');
  const best = [...full].sort((a, b) => rank(b) - rank(a) || b.score - a.score)[0];
  // A full hit says more than a restricted one; a restricted hit outranks a full possible.
  if (restricted.length > 0 && (!best || best.level !== 'hit')) return restrictedVerdict(restricted[0]);
  if (!best) return { level: 'no_hit', headline: 'NO HIT', action: 'Nothing on file. Go on as usual.', confirm: [] };
  const contact = best.entry.owner ? `${best.entry.owner} (the bureau that owns the entry)` : undefined;
  const what =
    best.dataset === 'notices'
      ? `${(best.noticeColour ?? '').toUpperCase()} notice`.trim()
      : (DATASET_WHAT[best.dataset]?.what ?? best.dataset);
  const action =
    best.dataset === 'notices'
      ? (NOTICE_ACTIONS[best.noticeColour ?? ''] ?? 'Call the issuing bureau.')
      : (DATASET_WHAT[best.dataset]?.action ?? 'Call the reporting bureau.');
  if (best.level === 'hit') return { level: 'hit', headline: `HIT: ${what}`, action, contact, confirm: [], hit: best };
  const confirm = best.features
    .filter((feature) => feature.score < 0.9)
    .map((feature) => FACTS[feature.feature] ?? feature.feature);
  return {
    level: 'possible',
    headline: `POSSIBLE: ${what}`,
    action: 'Do not act on this alone. Confirm the facts below with the traveller and the documents, then call.',
    contact,
    confirm: confirm.length > 0 ? confirm : ['the date of birth', 'an identity document'],
    hit: best,
  };
}

function restrictedVerdict(answer: RestrictedHit): Verdict {
  return {
    level: 'hit',
    headline: 'HIT: restricted entry',
    action: answer.action,
    contact: `${answer.owner} (the bureau that owns the entry), quoting ${answer.reference}`,
    confirm: [],
    reference: answer.reference,
  };
}

function rank(hit: CheckHit): number {
  return hit.level === 'hit' ? 1 : 0;
}
