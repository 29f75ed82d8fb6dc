/** Where `ApiKeyGuard` looks keys up; the service that owns identity provides it. */
import type { Role } from './roles';

export interface StoredKey {
  keyId: string;
  agency: string;
  roles: Role[];
  secretHash: string;
  revoked: boolean;
  agencyDisabled: boolean;
}

export interface CredentialStore {
  findKey(keyId: string): Promise<StoredKey | undefined>;
}

export const CREDENTIAL_STORE = Symbol('CREDENTIAL_STORE');
