import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { timestampDate } from '@bufbuild/protobuf/wkt';
import { ApiKeyState, Topics } from '@crosscheck/contracts';
import { isRole } from '../roles';
import { ReplicatedCredentialStore } from './replicated-credential-store';

/** Keeps the service's copy of the keys current. Applying a state twice changes nothing, so no inbox is needed. */
@Controller()
export class CredentialReplicaMessageController {
  constructor(private readonly store: ReplicatedCredentialStore) {}

  @EventPattern(Topics.identityKeys)
  async onKeyState(@Payload() state: ApiKeyState): Promise<void> {
    await this.store.apply({
      keyId: state.keyId,
      agency: state.agency,
      roles: state.roles.filter(isRole),
      secretHash: state.secretHash,
      revoked: state.revoked,
      agencyDisabled: state.agencyDisabled,
      changedAt: state.changedAt ? timestampDate(state.changedAt) : new Date(0),
    });
  }
}
