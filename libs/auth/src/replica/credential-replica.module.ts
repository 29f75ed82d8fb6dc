/**
 * Authentication for a service that does not own identity: import this module,
 * add `credentialReplicaMigrations` to the service's migrations, and routes
 * marked `@RequireRoles(...)` check keys against the replicated table.
 */
import { Module } from '@nestjs/common';
import { ApiKeyGuard } from '../api-key.guard';
import { CREDENTIAL_STORE } from '../credential-store';
import { CreateCredentialReplica1763800000050 } from './credential-replica.migration';
import { CredentialReplicaMessageController } from './credential-replica.message.controller';
import { ReplicatedCredentialStore } from './replicated-credential-store';
import { WhoAmIHttpController } from '../whoami.http.controller';

export const credentialReplicaMigrations = [CreateCredentialReplica1763800000050];

@Module({
  controllers: [CredentialReplicaMessageController, WhoAmIHttpController],
  providers: [
    ReplicatedCredentialStore,
    { provide: CREDENTIAL_STORE, useExisting: ReplicatedCredentialStore },
    ApiKeyGuard,
  ],
  exports: [CREDENTIAL_STORE, ApiKeyGuard],
})
export class CredentialReplicaModule {}
