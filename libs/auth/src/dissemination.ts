/**
 * Dissemination rules: the owner of a piece of data decides who may see it
 * (`all`, a list of agency codes, or `owner-only`). Every path out of the
 * system asks this one function.
 */
export type DisseminationRule = { scope: 'all' } | { scope: 'agencies'; agencies: string[] } | { scope: 'owner-only' };

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
