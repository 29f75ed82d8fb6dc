/**
 * `/v1/operations`: an agency starts a coordinated operation (it is its
 * coordinator) with the agencies taking part (published on `operations.v1`);
 * participants tag their instant checks and shared records with it, and read its report, counted from the checks,
 * hits and outcomes recorded, as JSON or CSV. A participant counts only the
 * hits (and outcomes) on entries it may see, so two reports can differ.
 */
import { Controller, Get, HttpStatus, Param, Post, Query, Res } from '@nestjs/common';
import { create } from '@bufbuild/protobuf';
import { Audited, Caller, CurrentCaller, RequireRoles } from '@crosscheck/auth';
import { OperationStateSchema, Topics } from '@crosscheck/contracts';
import { Outbox } from '@crosscheck/messaging';
import { ApiError, invalidField, OpenApiOperation, SchemaBody } from '@crosscheck/runtime';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Operation, OperationInput, operationInput, operationReport, reportCsv } from '../model/operation';
import { OperationsRepository } from '../persistence/operations.repository';

@Controller('v1/operations')
@RequireRoles('agency', 'analyst')
export class OperationsHttpController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly operations: OperationsRepository,
    private readonly outbox: Outbox,
  ) {}

  @Post()
  @Audited('operation.create')
  @OpenApiOperation({
    summary: 'Start an operation (code, name, startsOn, endsOn, participants); you coordinate it',
    errors: [409],
  })
  async create(@CurrentCaller() caller: Caller, @SchemaBody(operationInput) input: OperationInput) {
    const operation: Operation = {
      code: input.code,
      name: input.name,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      coordinator: caller.agency,
      participants: [...new Set([caller.agency, ...input.participants])],
    };
    await this.dataSource.transaction(async (transaction) => {
      if (!(await this.operations.create(transaction, operation)))
        throw new ApiError(HttpStatus.CONFLICT, 'conflict', `operation ${operation.code} exists already`);
      // Intake keeps a copy, to let participants tag the records they share with it.
      await this.outbox.enqueue(transaction, {
        topic: Topics.operations,
        key: operation.code,
        schema: OperationStateSchema,
        message: create(OperationStateSchema, operation),
      });
    });
    return operation;
  }

  @Get(':code')
  @Audited('operation.read')
  @OpenApiOperation({ summary: 'An operation you take part in' })
  async read(@CurrentCaller() caller: Caller, @Param('code') code: string) {
    return this.participating(caller, code);
  }

  @Get(':code/report')
  @Audited('operation.report')
  @OpenApiOperation({
    summary:
      'The operation’s report, counted from what was done: checks per day, agency and dataset; hits (on entries you may see) per dataset, notice colour and level; outcomes of those hits per agency and kind; entities linking two or more participants’ shared records. ?format=json|csv',
  })
  async report(
    @CurrentCaller() caller: Caller,
    @Param('code') code: string,
    @Res({ passthrough: true }) response: Response,
    @Query('format') format = 'json',
  ) {
    if (format !== 'json' && format !== 'csv') throw invalidField('format', 'isIn', 'must be json or csv');
    const operation = await this.participating(caller, code);
    const manager = this.dataSource.manager;
    const report = operationReport(
      operation,
      {
        checks: await this.operations.checkCounts(manager, operation),
        hits: await this.operations.hits(manager, operation),
        outcomes: await this.operations.outcomes(manager, operation),
        taggedRecords: await this.operations.taggedRecords(manager, operation),
      },
      caller.agency,
      new Date().toISOString().slice(0, 10),
    );
    if (format === 'json') return report;
    response.setHeader('content-type', 'text/csv; charset=utf-8');
    response.setHeader('content-disposition', `attachment; filename="${operation.code}-report.csv"`);
    return reportCsv(report);
  }

  /** Only participants see an operation; to others it does not exist. */
  private async participating(caller: Caller, code: string): Promise<Operation> {
    const operation = await this.operations.find(this.dataSource.manager, code.toUpperCase());
    if (!operation || !operation.participants.includes(caller.agency))
      throw new ApiError(HttpStatus.NOT_FOUND, 'not_found', `operation ${code} not found`);
    return operation;
  }
}
