/**
 * Hit/no-hit: what an agency outside a restricted entry's audience is told
 * when its check hits the entry. It learns that there is a hit, the dataset,
 * the owner to contact and a reference to quote, never the entry's data, its
 * score or explanation. All restricted findings of one check in one owner's
 * dataset answer as one line under one reference, so that the answer does not
 * count the owner's entries about the same subject either.
 */
import { randomBytes } from 'node:crypto';
import { HIT_NO_HIT_ACTION } from '@crosscheck/auth';
import type { MatchLevelName } from './match-level';

/** The answer line an outside agency gets, in place of the entries. */
export interface HitNoHitAnswer {
  access: 'hit-no-hit';
  dataset: string;
  owner: string;
  level: MatchLevelName;
  reference: string;
  at: string;
  action: string;
}

/** An opaque reference, new for every answer: two answers on one entry cannot be told to be about the same entry. */
export function newHitReference(): string {
  const letters = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const bytes = randomBytes(12);
  const code = [...bytes].map((byte) => letters[byte % letters.length]).join('');
  return `HNH-${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8, 12)}`;
}

/**
 * Restricted findings grouped into answer lines, one per (dataset, owner),
 * at the strongest level among them; each finding keeps the reference of its line.
 */
export function hitNoHitAnswers<F extends { dataset: string; owner: string; level: MatchLevelName }>(
  findings: F[],
  at: Date,
  reference: () => string = newHitReference,
): { answer: HitNoHitAnswer; findings: F[] }[] {
  const lines = new Map<string, { answer: HitNoHitAnswer; findings: F[] }>();
  for (const finding of findings) {
    const key = `${finding.dataset}\u0000${finding.owner}`;
    let line = lines.get(key);
    if (!line) {
      line = {
        answer: {
          access: 'hit-no-hit',
          dataset: finding.dataset,
          owner: finding.owner,
          level: finding.level,
          reference: reference(),
          at: at.toISOString(),
          action: HIT_NO_HIT_ACTION,
        },
        findings: [],
      };
      lines.set(key, line);
    }
    if (finding.level === 'hit') line.answer.level = 'hit';
    line.findings.push(finding);
  }
  return [...lines.values()];
}
