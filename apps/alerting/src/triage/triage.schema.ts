/** What an analyst sends to move an alert along: a triage step, an owner's decision, an outcome. */
import { HIT_OUTCOMES, TRIAGE_STATUSES } from '@crosscheck/alert-lifecycle';
import { OneOf } from '@crosscheck/records';
import { compileSchema } from '@crosscheck/runtime';
import { Type, type StaticDecode } from '@sinclair/typebox';

const Reason = Type.String({ minLength: 1, maxLength: 1000 });

/** An analyst's triage step: where the alert goes, and why. */
export const triageInput = compileSchema(
  Type.Object(
    { status: OneOf(TRIAGE_STATUSES, { listed: true }), reason: Reason },
    { $id: 'Triage', additionalProperties: false },
  ),
);
export type TriageInput = StaticDecode<typeof triageInput.schema>;

export const OWNER_DECISIONS = ['confirmed', 'rejected'] as const;

/**
 * The reference entry's owner confirms or rejects (dismisses) a hit on its
 * data; confirming may disclose the entry to the agencies that were told of
 * the hit without it (hit/no-hit), for this hit alone.
 */
export const ownerDecisionInput = compileSchema(
  Type.Object(
    {
      decision: OneOf(OWNER_DECISIONS, { listed: true }),
      reason: Reason,
      disclose: Type.Optional(Type.Boolean()),
    },
    { $id: 'OwnerDecision', additionalProperties: false },
  ),
);
export type OwnerDecisionInput = StaticDecode<typeof ownerDecisionInput.schema>;

/** What followed a hit, recorded by the agency that acted on it. */
export const outcomeInput = compileSchema(
  Type.Object(
    { outcome: OneOf(HIT_OUTCOMES, { listed: true }), note: Type.Optional(Type.String({ maxLength: 1000 })) },
    { $id: 'Outcome', additionalProperties: false },
  ),
);
export type OutcomeInput = StaticDecode<typeof outcomeInput.schema>;
