/**
 * `/v1/webhooks`: an agency registers the receivers its subscriptions call,
 * reads its delivery log and re-sends a delivery. The signing secret is shown
 * once, when the webhook is registered.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { Audited, Caller, CurrentCaller, RequireRoles } from '@crosscheck/auth';
import { ApiError, invalidField, isUuid, OpenApiOperation, SchemaBody } from '@crosscheck/runtime';
import { DataSource } from 'typeorm';
import { AlertingConfig } from '../alerting.config';
import { pageSize } from '../model/alert-query';
import { webhookInput, type WebhookInput } from './webhook.schema';
import { webhookUrlProblem } from './webhook-target';
import { DeliveryStatus, WebhooksRepository } from '../persistence/webhooks.repository';

const DELIVERY_STATUSES: DeliveryStatus[] = ['pending', 'delivered', 'dead'];

@Controller('v1/webhooks')
@RequireRoles('analyst')
export class WebhooksHttpController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly webhooks: WebhooksRepository,
    private readonly config: AlertingConfig,
  ) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @Audited('webhook.register')
  @OpenApiOperation({ summary: 'Register a webhook receiver; the answer carries its signing secret, shown this once' })
  async register(@CurrentCaller() caller: Caller, @SchemaBody(webhookInput) body: WebhookInput) {
    const problem = webhookUrlProblem(body.url, this.config.webhookTargets());
    if (problem) throw invalidField('url', problem.rule, problem.message);
    const secret = `whsec_${randomBytes(32).toString('base64url')}`;
    const webhook = await this.webhooks.register(this.dataSource.manager, {
      webhookId: randomUUID(),
      agency: caller.agency,
      url: body.url,
      description: body.description ?? '',
      secret,
      createdBy: caller.keyId,
    });
    return { ...webhook, secret };
  }

  @Get()
  @OpenApiOperation({ summary: 'Your agency’s webhooks (without their secrets)' })
  async list(@CurrentCaller() caller: Caller) {
    return { webhooks: await this.webhooks.ofAgency(this.dataSource.manager, caller.agency) };
  }

  @Get('deliveries')
  @OpenApiOperation({ summary: 'The delivery log, newest first: filter by status, webhook or alert; page with cursor' })
  async deliveries(
    @CurrentCaller() caller: Caller,
    @Query('status') status?: string,
    @Query('webhook') webhookId?: string,
    @Query('alert') alertId?: string,
    @Query('cursor') cursor?: string,
    @Query('limit') limit?: string,
  ) {
    if (status !== undefined && !DELIVERY_STATUSES.includes(status as DeliveryStatus))
      throw invalidField('status', 'isIn', `must be one of ${DELIVERY_STATUSES.join(', ')}`);
    for (const [field, value] of [
      ['webhook', webhookId],
      ['alert', alertId],
      ['cursor', cursor],
    ] as const) {
      if (value !== undefined && !isUuid(value))
        throw invalidField(
          field,
          'isUuid',
          field === 'cursor' ? 'must be a cursor from a previous page' : 'must be an id',
        );
    }
    const size = pageSize(limit);
    const page = await this.webhooks.deliveries(
      this.dataSource.manager,
      caller.agency,
      { status: status as DeliveryStatus | undefined, webhookId, alertId, before: cursor },
      size,
    );
    return { deliveries: page, nextCursor: page.length === size ? page[page.length - 1].deliveryId : null };
  }

  @Post('deliveries/:deliveryId/resend')
  @HttpCode(HttpStatus.ACCEPTED)
  @Audited('webhook.resend')
  @OpenApiOperation({ summary: 'Send a delivery again, as a new delivery of the alert as it is now' })
  async resend(@CurrentCaller() caller: Caller, @Param('deliveryId') deliveryId: string) {
    return this.dataSource.transaction(async (manager) => {
      const original = isUuid(deliveryId)
        ? await this.webhooks.findDelivery(manager, caller.agency, deliveryId)
        : undefined;
      if (!original) throw new ApiError(HttpStatus.NOT_FOUND, 'not_found', 'delivery not found');
      return this.webhooks.enqueue(manager, { ...original, deliveryId: randomUUID(), resentFrom: original.deliveryId });
    });
  }

  @Delete(':webhookId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Audited('webhook.delete')
  @OpenApiOperation({
    summary: 'Remove a webhook; subscriptions that used it stop calling it, its pending deliveries are dropped',
  })
  async delete(@CurrentCaller() caller: Caller, @Param('webhookId') webhookId: string): Promise<void> {
    if (!isUuid(webhookId) || !(await this.webhooks.delete(this.dataSource.manager, caller.agency, webhookId))) {
      throw new ApiError(HttpStatus.NOT_FOUND, 'not_found', 'webhook not found');
    }
  }
}
