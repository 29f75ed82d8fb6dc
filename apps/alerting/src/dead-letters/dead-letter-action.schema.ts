import { compileSchema } from '@crosscheck/runtime';
import { Type, type StaticDecode } from '@sinclair/typebox';

/** Why an operator replays or discards a dead letter; kept on it and in the audit log. */
export const deadLetterActionInput = compileSchema(
  Type.Object(
    { reason: Type.String({ minLength: 1, maxLength: 1000 }) },
    { $id: 'DeadLetterAction', additionalProperties: false },
  ),
);
export type DeadLetterAction = StaticDecode<typeof deadLetterActionInput.schema>;
