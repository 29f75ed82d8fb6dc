/**
 * `POST /v1/alerts/{id}/triage` moves an alert along `new → acknowledged →
 * confirmed | false_positive`, with a reason. `POST /v1/alerts/{id}/owner-decision`
 * is the reference entry owner's confirmation or rejection of the hit.
 */
import { Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { Caller, CurrentCaller, RequireRoles } from '@crosscheck/auth';
import { invalidField, isUuid, OpenApiOperation, SchemaBody } from '@crosscheck/runtime';
import { alertNotFound } from '../model/alert-query';
import { alertView } from '../model/alert-view';
import {
  outcomeInput,
  ownerDecisionInput,
  triageInput,
  type OutcomeInput,
  type OwnerDecisionInput,
  type TriageInput,
} from './triage.schema';
import { TriageService } from './triage.service';

@Controller('v1/alerts/:alertId')
export class TriageHttpController {
  constructor(private readonly triageService: TriageService) {}

  @Post('triage')
  @HttpCode(HttpStatus.OK)
  @RequireRoles('analyst')
  @OpenApiOperation({
    summary:
      'Acknowledge, confirm or mark an alert a false positive, with a reason; a false positive silences the pair until either side changes',
  })
  async triage(
    @CurrentCaller() caller: Caller,
    @Param('alertId') alertId: string,
    @SchemaBody(triageInput) body: TriageInput,
  ) {
    if (!isUuid(alertId)) throw alertNotFound();
    return alertView(await this.triageService.triage(caller, alertId, body.status, body.reason));
  }

  @Post('outcome')
  @HttpCode(HttpStatus.OK)
  @RequireRoles('analyst')
  @OpenApiOperation({
    summary:
      'Record what followed the hit (arrested, located, seized, victim_identified, no_action, false_positive), on an acknowledged or confirmed alert',
  })
  async outcome(
    @CurrentCaller() caller: Caller,
    @Param('alertId') alertId: string,
    @SchemaBody(outcomeInput) body: OutcomeInput,
  ) {
    if (!isUuid(alertId)) throw alertNotFound();
    return alertView(await this.triageService.recordOutcome(caller, alertId, body.outcome, body.note));
  }

  @Post('owner-decision')
  @HttpCode(HttpStatus.OK)
  @RequireRoles('analyst', 'data-owner')
  @OpenApiOperation({
    summary:
      'As the owner of the reference entry, confirm or reject the hit before anyone acts on it; a confirmation with disclose: true shows the entry to the agencies told of the hit without it',
  })
  async decide(
    @CurrentCaller() caller: Caller,
    @Param('alertId') alertId: string,
    @SchemaBody(ownerDecisionInput) body: OwnerDecisionInput,
  ) {
    if (body.disclose && body.decision !== 'confirmed')
      throw invalidField('disclose', 'onlyWhenConfirmed', 'can be true only with decision confirmed');
    if (!isUuid(alertId)) throw alertNotFound();
    return alertView(
      await this.triageService.decideAsOwner(caller, alertId, body.decision, body.reason, body.disclose ?? false),
    );
  }
}
