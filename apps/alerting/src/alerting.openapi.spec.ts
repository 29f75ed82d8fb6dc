import { openApiDocumentFor } from '@crosscheck/runtime';
import { DeadLettersHttpController } from './dead-letters/dead-letters.http.controller';
import { SubscriptionsHttpController } from './subscriptions/subscriptions.http.controller';
import { TriageHttpController } from './triage/triage.http.controller';
import { WebhooksHttpController } from './webhooks/webhooks.http.controller';

const { document, problems } = openApiDocumentFor(
  [SubscriptionsHttpController, TriageHttpController, DeadLettersHttpController, WebhooksHttpController],
  { title: 'crosscheck alerting', version: '0.1.0' },
);
const bodyOf = (path: string, method: string) =>
  (document.paths[path][method] as { requestBody?: { content: Record<string, { schema: unknown }> } }).requestBody
    ?.content['application/json'].schema;

describe("alerting's OpenAPI document", () => {
  it.each([
    ['/v1/subscriptions', 'post', 'Subscription'],
    ['/v1/subscriptions/{subscriptionId}', 'put', 'Subscription'],
    ['/v1/alerts/{alertId}/triage', 'post', 'Triage'],
    ['/v1/alerts/{alertId}/outcome', 'post', 'Outcome'],
    ['/v1/alerts/{alertId}/owner-decision', 'post', 'OwnerDecision'],
    ['/v1/admin/dead-letters/{id}/replay', 'post', 'DeadLetterAction'],
    ['/v1/webhooks', 'post', 'Webhook'],
  ])('documents %s %s with the %s schema it validates with', (path, method, component) => {
    expect(bodyOf(path, method)).toEqual({ $ref: `#/components/schemas/${component}` });
    expect(document.components.schemas[component]).toMatchObject({ type: 'object', additionalProperties: false });
  });

  it('lists the values of a closed list and the bounds of a score', () => {
    const subscription = document.components.schemas.Subscription.properties!;
    expect(subscription.levels).toEqual({
      type: 'array',
      uniqueItems: true,
      items: { type: 'string', enum: ['hit', 'possible'], 'x-message': 'must be one of hit, possible' },
    });
    expect(subscription.minScore).toEqual({ type: 'number', minimum: 0, maximum: 1 });
    expect(problems).toEqual([]);
  });
});
