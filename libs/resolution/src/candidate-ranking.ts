/**
 * The candidate stage's one ranking, for dedup and matching alike: of the
 * stored records sharing blocking keys with a query, those sharing a rare key
 * first (a document number, a rare address, a rare name in its birth year),
 * then those sharing the most, each key weighted by how few rows it names.
 * The repositories compute it in SQL from these fragments, over each shared
 * key's `hit.key_rows` (how many rows carry that key, from the key counts:
 * keys-read.ts says which keys are read), grouped by stored record and
 * ordered `rare DESC, weight DESC`;
 * `candidateStanding` and `byCandidateRank` are the same in process.
 *
 * Every key a candidate shares counts, however many come from one name part:
 * counting a name part's keys once (its best key, or one per sound) lost more
 * twins than it found on the netranslit train splits, as a one-word name
 * shares little but keys of that one part.
 */

/**
 * A key at most this many rows carry puts its records ahead of every record
 * sharing only commoner keys, whatever those sum to: a name in Han or Kana
 * gives dozens of coarse keys, and records sharing several of them outranked,
 * past the candidate limit, the one record sharing the passport number
 * (bench:scale).
 */
export const RARE_KEY_ROWS = 5;

/**
 * How much sharing a key says, by how many rows it names (as read): a key of
 * one record says most, one of hundreds little, so a rare exact key outranks
 * several common coarse ones.
 */
export function keyWeight(rows: number): number {
  return 1 / Math.log(2 + rows);
}

/** keyWeight summed over a candidate's shared keys, in SQL. */
export const CANDIDATE_WEIGHT_SQL = 'sum(1.0 / ln(2 + hit.key_rows))';
/** Whether a candidate shares a rare key, in SQL. */
export const CANDIDATE_RARE_SQL = `bool_or(hit.key_rows <= ${RARE_KEY_ROWS})`;

export interface CandidateStanding {
  rare: boolean;
  weight: number;
}

/** A candidate's standing from the rows read for each key it shares. */
export function candidateStanding(sharedKeyRows: number[]): CandidateStanding {
  return {
    rare: sharedKeyRows.some((rows) => rows <= RARE_KEY_ROWS),
    weight: sharedKeyRows.reduce((sum, rows) => sum + keyWeight(rows), 0),
  };
}

/** Sort order of candidates, best first (ties are the caller's: SQL's own order after these). */
export function byCandidateRank(a: CandidateStanding, b: CandidateStanding): number {
  return Number(b.rare) - Number(a.rare) || b.weight - a.weight;
}
