/**
 * crosscheck's own validation rules (apps/intake/src/share-record), as the
 * documentation shows them. The rule names are part of the API: clients see
 * them in `details[].rule`. Rules that live with their decorators can document
 * themselves with `documentRule`; these are here so that the rules of today are
 * documented from the first build.
 */
import { PARTIAL_DATE_PATTERN } from '@crosscheck/contracts';
import type { RuleDoc } from './rules';

export const CROSSCHECK_RULES: Record<string, RuleDoc> = {
  isPartialDate: {
    schema: { type: 'string', pattern: PARTIAL_DATE_PATTERN.source, examples: ['1971', '1971-03', '1971-03-14'] },
    description: 'a partial date: YYYY, YYYY-MM or YYYY-MM-DD, and a date that exists',
  },
  hasSomeName: {
    description: 'every name has at least one of full, given or family, present and not blank',
  },
  isVin: {
    // Separators are dropped before the check, so only a lower bound on the length holds.
    schema: { type: 'string', minLength: 17, examples: ['1M8GDM9AXKP042788'] },
    description: 'a VIN (ISO 3779): 17 letters A-Z and digits, without I, O or Q; spaces, dashes and dots are ignored',
  },
  isMrz: {
    schema: { type: 'string' },
    description:
      'an ICAO 9303 machine-readable zone, lines separated by newlines: TD1 (3 lines of 30), TD2 or MRV-B (2 lines of 36), ' +
      'TD3 or MRV-A (2 lines of 44), characters A-Z, 0-9 and <, with check digits that agree',
  },
  onlyForKind: {
    description: 'allowed only in a record whose `kind` is the one this field holds',
  },
};
