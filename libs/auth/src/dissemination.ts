/**
 * Dissemination rules: the owner of a piece of data decides who may see it
 * (`all`, a list of agency codes, or `owner-only`). Every path out of the
 * system asks this one function.
 */
export type DisseminationRule = (
  { scope: 'all' } | { scope: 'agencies'; agencies: string[] } | { scope: 'owner-only' }
) & { outside?: OutsidePolicy };

/**
 * What an agency outside the audience learns when its own record or check hits
 * the data, as the owner chose: nothing (`hidden`, the default), or that there
 * is a hit and whom to contact (`hit-no-hit`), never the data itself.
 */
export const OUTSIDE_POLICIES = ['hidden', 'hit-no-hit'] as const;
export type OutsidePolicy = (typeof OUTSIDE_POLICIES)[number];

/** What a hit/no-hit answer tells the searching agency to do, on every path out. */
export const HIT_NO_HIT_ACTION = 'Hit in a restricted notice: contact the owner quoting this reference before acting';

/** How much of a hit on the data an agency may learn: all of it, only that there is one, or nothing. */
export type Reach = 'full' | 'hit-no-hit' | 'none';

export interface Disseminated {
  owner: string;
  dissemination: DisseminationRule;
}

export function maySee(agency: string, data: Disseminated): boolean {
  if (data.owner === agency) return true;
  switch (data.dissemination.scope) {
    case 'all':
      return true;
    case 'agencies':
      return data.dissemination.agencies.includes(agency);
    default:
      return false;
  }
}

/**
 * What `agency` may learn of a hit on the data: `full` when it may see the
 * data, `hit-no-hit` when it may not but the owner chose hit/no-hit for
 * agencies outside the audience, else `none`.
 */
export function reachOf(agency: string, data: Disseminated): Reach {
  if (maySee(agency, data)) return 'full';
  return data.dissemination.outside === 'hit-no-hit' ? 'hit-no-hit' : 'none';
}
