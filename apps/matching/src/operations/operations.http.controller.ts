/**
 * `/v1/operations`: an agency starts a coordinated operation (it is its
 * coordinator) with the agencies taking part; participants tag their instant
 * checks with it (`X-Operation`), and read its report, counted from the checks
 * and hits recorded, as JSON or CSV. A participant counts only the hits on
 * entries it may see, so two participants' reports can differ.
 */
import { Controller, Get, HttpStatus, Param, Post, Query, Res } from '@nestjs/common';
import { Audited, Caller, CurrentCaller, maySee, RequireRoles } from '@crosscheck/auth';
import { ApiError, invalidField, OpenApiOperation, SchemaBody } from '@crosscheck/runtime';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Operation, OperationInput, operationInput, OperationReport, reportCsv } from '../model/operation';
import { OperationsRepository } from '../persistence/operations.repository';

@Controller('v1/operations')
@RequireRoles('agency', 'analyst')
export class OperationsHttpController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly operations: OperationsRepository,
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
    if (!(await this.operations.create(this.dataSource.manager, operation)))
      throw new ApiError(HttpStatus.CONFLICT, 'conflict', `operation ${operation.code} exists already`);
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
      'The operation’s report, counted from what was done: checks per day, agency and dataset; hits (on entries you may see) per dataset, notice colour and level. ?format=json|csv',
  })
  async report(
    @CurrentCaller() caller: Caller,
    @Param('code') code: string,
    @Res({ passthrough: true }) response: Response,
    @Query('format') format = 'json',
  ) {
    if (format !== 'json' && format !== 'csv') throw invalidField('format', 'isIn', 'must be json or csv');
    const operation = await this.participating(caller, code);
    const checks = await this.operations.checkCounts(this.dataSource.manager, operation);
    const counted = new Map<string, OperationReport['hits'][number]>();
    for (const hit of await this.operations.hits(this.dataSource.manager, operation)) {
      if (!maySee(caller.agency, { owner: hit.entryOwner, dissemination: hit.entryDissemination })) continue;
      const key = `${hit.dataset}|${hit.noticeColour ?? ''}|${hit.level}`;
      const row = counted.get(key) ?? {
        dataset: hit.dataset,
        noticeColour: hit.noticeColour,
        level: hit.level,
        count: 0,
      };
      row.count++;
      counted.set(key, row);
    }
    const hits = [...counted.values()].sort((a, b) => a.dataset.localeCompare(b.dataset) || b.count - a.count);
    const report: OperationReport = {
      operation,
      checks,
      hits,
      totals: {
        checks: checks.reduce((sum, row) => sum + row.count, 0),
        hits: hits.reduce((sum, row) => sum + row.count, 0),
      },
    };
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
