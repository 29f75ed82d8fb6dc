import { OUTSIDE_POLICIES, type DisseminationRule, type OutsidePolicy } from '@crosscheck/auth';

const AGENCY_CODE = /^[A-Z0-9-]{2,16}$/;

export const DISSEMINATION_OPTION_RULE = 'must be all, owner-only or agencies:CODE1,CODE2';

/** A dataset's dissemination as the loader CLI and API take it: `all`, `owner-only` or `agencies:A,B`; undefined when malformed. */
export function parseDisseminationOption(text: string): DisseminationRule | undefined {
  if (text === 'all' || text === 'owner-only') return { scope: text };
  const agencies = text.startsWith('agencies:') ? text.slice('agencies:'.length).split(',').filter(Boolean) : [];
  return agencies.length > 0 && agencies.every((code) => AGENCY_CODE.test(code))
    ? { scope: 'agencies', agencies }
    : undefined;
}

export function isAgencyCode(text: string): boolean {
  return AGENCY_CODE.test(text);
}

export const OUTSIDE_OPTION_RULE = `must be one of ${OUTSIDE_POLICIES.join(', ')}`;

/** What agencies outside the audience learn of hits (`hidden` or `hit-no-hit`); undefined when malformed. */
export function parseOutsideOption(text: string): OutsidePolicy | undefined {
  return (OUTSIDE_POLICIES as readonly string[]).includes(text) ? (text as OutsidePolicy) : undefined;
}
