/** What an admin sends to create an agency and to issue it a key. */
import { ROLES } from '@crosscheck/auth';
import { OneOf } from '@crosscheck/records';
import { compileSchema } from '@crosscheck/runtime';
import { Type, type StaticDecode } from '@sinclair/typebox';

export const AGENCY_CODE_RULE = /^[A-Z][A-Z0-9-]{1,15}$/;

export const createAgencyInput = compileSchema(
  Type.Object(
    {
      code: Type.String({
        pattern: AGENCY_CODE_RULE.source,
        'x-message': 'must be 2-16 upper-case letters, digits or "-", starting with a letter',
      }),
      name: Type.String({ minLength: 1, maxLength: 200 }),
    },
    { $id: 'CreateAgency', additionalProperties: false },
  ),
);
export type CreateAgencyInput = StaticDecode<typeof createAgencyInput.schema>;

export const issueKeyInput = compileSchema(
  Type.Object(
    {
      roles: Type.Array(OneOf(ROLES, { listed: true }), { minItems: 1, uniqueItems: true }),
      label: Type.Optional(Type.String({ maxLength: 200 })),
    },
    { $id: 'IssueKey', additionalProperties: false },
  ),
);
export type IssueKeyInput = StaticDecode<typeof issueKeyInput.schema>;
