/** The dissemination rule and the contract's Dissemination message, both ways. */
import type { MessageInitShape } from '@bufbuild/protobuf';
import { Dissemination, DisseminationSchema, DisseminationScope, OutsidePolicy } from '@crosscheck/contracts';
import { DisseminationRule } from './dissemination';

export function disseminationFromContract(dissemination: Dissemination | undefined): DisseminationRule {
  const outside = dissemination?.outside === OutsidePolicy.HIT_NO_HIT ? { outside: 'hit-no-hit' as const } : {};
  switch (dissemination?.scope) {
    case DisseminationScope.ALL:
      return { scope: 'all' };
    case DisseminationScope.AGENCIES:
      return { scope: 'agencies', agencies: dissemination.agencies, ...outside };
    // Unspecified is treated as the strictest rule: nobody but the owner.
    default:
      return { scope: 'owner-only', ...outside };
  }
}

/** The dissemination rule as a contract message carries it. */
export function disseminationToContract(rule: DisseminationRule): MessageInitShape<typeof DisseminationSchema> {
  const outside = rule.outside === 'hit-no-hit' ? OutsidePolicy.HIT_NO_HIT : OutsidePolicy.HIDDEN;
  if (rule.scope === 'all') return { scope: DisseminationScope.ALL };
  if (rule.scope === 'agencies') return { scope: DisseminationScope.AGENCIES, agencies: rule.agencies, outside };
  return { scope: DisseminationScope.OWNER_ONLY, outside };
}
