import { compileSchema } from '@crosscheck/runtime';
import { Type, type StaticDecode } from '@sinclair/typebox';

/** A webhook receiver an agency registers; its URL's rules (webhook-target.ts) are checked once the shape holds. */
export const webhookInput = compileSchema(
  Type.Object(
    {
      url: Type.String({
        description:
          'where deliveries are POSTed: http(s), no credentials in the URL, a public address unless the operator allows a private one',
      }),
      description: Type.Optional(Type.String({ maxLength: 200 })),
    },
    { $id: 'Webhook', additionalProperties: false },
  ),
);
export type WebhookInput = StaticDecode<typeof webhookInput.schema>;
