import { IsUrl } from 'class-validator';

/** `npm run audit:verify` needs only the database; it finds the schemas itself. */
export class AuditVerifyConfig {
  @IsUrl({ protocols: ['postgres', 'postgresql'], require_tld: false, require_protocol: true })
  DATABASE_URL!: string;
}
