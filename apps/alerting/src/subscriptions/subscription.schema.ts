/**
 * A subscription as an analyst writes it: which hits and network links their
 * agency wants alerts for. An empty or missing filter means "any"; a network
 * link has no dataset, notice colour or level, so a filter on those is of hits only.
 */
import { Country, OneOf, RECORD_KINDS } from '@crosscheck/records';
import { compileSchema } from '@crosscheck/runtime';
import { Type, type StaticDecode, type TSchema } from '@sinclair/typebox';

export const DATASETS = ['notices', 'sltd', 'smv', 'firearms', 'works-of-art'] as const;
export const NOTICE_COLOURS = [
  'red',
  'yellow',
  'blue',
  'black',
  'green',
  'orange',
  'purple',
  'silver',
  'un_special',
] as const;
export const LEVELS = ['hit', 'possible'] as const;
/** What a subscription hears of: hits on reference data, links between agencies' cases through the network. */
export const SUBSCRIPTION_KINDS = ['match', 'network_link'] as const;

/** A filter: a list without repeats; missing or empty means any. */
const Filter = <T extends TSchema>(item: T, options: { maxItems?: number; description?: string } = {}) =>
  Type.Optional(Type.Array(item, { uniqueItems: true, ...options }));

export const subscriptionInput = compileSchema(
  Type.Object(
    {
      name: Type.String({ minLength: 1, maxLength: 100 }),
      datasets: Filter(OneOf(DATASETS, { listed: true })),
      noticeColours: Filter(OneOf(NOTICE_COLOURS, { listed: true })),
      recordKinds: Filter(OneOf(RECORD_KINDS, { listed: true })),
      countries: Filter(Country(), {
        maxItems: 250,
        description:
          'matched against the owner agencies, nationalities and issuing or registration countries of either side',
      }),
      minScore: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
      levels: Filter(OneOf(LEVELS, { listed: true })),
      kinds: Filter(OneOf(SUBSCRIPTION_KINDS, { listed: true })),
      /** One of the agency's registered webhooks, called for every alert of this subscription. */
      webhookId: Type.Optional(
        Type.Union([Type.String({ format: 'uuid' }), Type.Null()], {
          'x-message': 'must be the id of one of your agency’s webhooks, or null',
        }),
      ),
    },
    { $id: 'Subscription', additionalProperties: false },
  ),
);
export type SubscriptionInput = StaticDecode<typeof subscriptionInput.schema>;
