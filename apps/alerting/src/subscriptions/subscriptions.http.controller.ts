/**
 * `/v1/subscriptions`: an agency's analysts create, list, edit and delete the
 * subscriptions their alerts come from. A subscription is the agency's; the
 * analyst who wrote it is kept as `createdBy`.
 */
import { randomUUID } from 'node:crypto';
import { Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Put } from '@nestjs/common';
import { Audited, Caller, CurrentCaller, RequireRoles } from '@crosscheck/auth';
import { ApiError, invalidField, isUuid, OpenApiOperation, SchemaBody } from '@crosscheck/runtime';
import { DataSource, EntityManager } from 'typeorm';
import { WebhooksRepository } from '../persistence/webhooks.repository';
import { subscriptionInput, type SubscriptionInput } from './subscription.schema';
import { Subscription, SubscriptionsRepository } from '../persistence/subscriptions.repository';

@Controller('v1/subscriptions')
@RequireRoles('analyst')
export class SubscriptionsHttpController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly webhooks: WebhooksRepository,
  ) {}

  @Get()
  @OpenApiOperation({ summary: 'Your agency’s subscriptions' })
  async list(@CurrentCaller() caller: Caller) {
    return { subscriptions: await this.subscriptions.ofAgency(this.dataSource.manager, caller.agency) };
  }

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @Audited('subscription.create')
  @OpenApiOperation({
    summary: 'Subscribe to hits: by dataset, notice colour, record kind, countries, minimum score and level',
  })
  async create(
    @CurrentCaller() caller: Caller,
    @SchemaBody(subscriptionInput) body: SubscriptionInput,
  ): Promise<Subscription> {
    return this.dataSource.transaction(async (manager) => {
      await this.checkWebhook(manager, caller.agency, body.webhookId);
      return this.subscriptions.create(manager, randomUUID(), caller.agency, caller.keyId, body);
    });
  }

  @Get(':subscriptionId')
  @OpenApiOperation({ summary: 'One of your agency’s subscriptions' })
  async get(@CurrentCaller() caller: Caller, @Param('subscriptionId') subscriptionId: string): Promise<Subscription> {
    const found =
      isUuid(subscriptionId) && (await this.subscriptions.find(this.dataSource.manager, caller.agency, subscriptionId));
    if (!found) throw notFound();
    return found;
  }

  @Put(':subscriptionId')
  @Audited('subscription.replace')
  @OpenApiOperation({ summary: 'Replace a subscription’s name and filters' })
  async replace(
    @CurrentCaller() caller: Caller,
    @Param('subscriptionId') subscriptionId: string,
    @SchemaBody(subscriptionInput) body: SubscriptionInput,
  ): Promise<Subscription> {
    if (!isUuid(subscriptionId)) throw notFound();
    return this.dataSource.transaction(async (manager) => {
      await this.checkWebhook(manager, caller.agency, body.webhookId);
      const replaced = await this.subscriptions.replace(manager, caller.agency, subscriptionId, body);
      if (!replaced) throw notFound();
      return replaced;
    });
  }

  @Delete(':subscriptionId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Audited('subscription.delete')
  @OpenApiOperation({ summary: 'Delete a subscription; its alerts stay, for the record' })
  async delete(@CurrentCaller() caller: Caller, @Param('subscriptionId') subscriptionId: string): Promise<void> {
    if (
      !isUuid(subscriptionId) ||
      !(await this.subscriptions.delete(this.dataSource.manager, caller.agency, subscriptionId))
    )
      throw notFound();
  }

  private async checkWebhook(
    manager: EntityManager,
    agency: string,
    webhookId: string | null | undefined,
  ): Promise<void> {
    if (webhookId && !(await this.webhooks.find(manager, agency, webhookId))) {
      throw invalidField('webhookId', 'exists', 'must be the id of one of your agency’s webhooks');
    }
  }
}

function notFound(): ApiError {
  return new ApiError(HttpStatus.NOT_FOUND, 'not_found', 'subscription not found');
}
