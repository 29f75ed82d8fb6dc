/** The dissemination rule and the contract's Dissemination message, both ways. */
import type { MessageInitShape } from '@bufbuild/protobuf';
import { Dissemination, DisseminationSchema, DisseminationScope } from '@crosscheck/contracts';
import { DisseminationRule } from './dissemination';

export function disseminationFromContract(dissemination: Dissemination | undefined): DisseminationRule {
  switch (dissemination?.scope) {
    case DisseminationScope.ALL:
      return { scope: 'all' };
    case DisseminationScope.AGENCIES:
      return { scope: 'agencies', agencies: dissemination.agencies };
    // Unspecified is treated as the strictest rule: nobody but the owner.
    default:
      return { scope: 'owner-only' };
  }
}

/** The dissemination rule as a contract message carries it. */
export function disseminationToContract(rule: DisseminationRule): MessageInitShape<typeof DisseminationSchema> {
  if (rule.scope === 'all') return { scope: DisseminationScope.ALL };
  if (rule.scope === 'agencies') return { scope: DisseminationScope.AGENCIES, agencies: rule.agencies };
  return { scope: DisseminationScope.OWNER_ONLY };
}
