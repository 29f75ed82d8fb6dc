/** `operations.v1`: intake's copy of the operations records may be tagged with. No inbox: a state applies idempotently. */
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { OperationState, Topics } from '@crosscheck/contracts';
import { DataSource } from 'typeorm';
import { OperationTags } from '../persistence/operation-tags';

@Controller()
export class OperationsMessageController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly operationTags: OperationTags,
  ) {}

  @EventPattern(Topics.operations)
  async onOperationState(@Payload() state: OperationState): Promise<void> {
    await this.operationTags.apply(this.dataSource.manager, state);
  }
}
