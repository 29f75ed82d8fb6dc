/** Reads the dissemination rule carried in a contract message. */
import { Dissemination, DisseminationScope } from '@crosscheck/contracts';
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
