/**
 * `POST /v1/datasets/{dataset}/loads`: a data owner loads reference data over
 * the API, as the CLI does, for changes that fit in one request (the body is
 * NDJSON, the project's own lines or FollowTheMoney's with `?format=ftm`; up
 * to HTTP_MAX_BODY_BYTES). The caller's agency owns the dataset; a dataset
 * another agency owns cannot be loaded by it. Big files go through the CLI,
 * which streams.
 */
import { Body, Controller, HttpStatus, Param, Post, Query, Req } from '@nestjs/common';
import { create } from '@bufbuild/protobuf';
import { Audited, Caller, CurrentCaller, disseminationToContract, RequireRoles } from '@crosscheck/auth';
import { DisseminationSchema } from '@crosscheck/contracts';
import { Outbox } from '@crosscheck/messaging';
import { ApiError, invalidField, OpenApiOperation } from '@crosscheck/runtime';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { DATASETS, defaultOutsidePolicy, isDataset } from '../model/datasets';
import { ReferenceEntriesRepository } from '../persistence/reference-entries.repository';
import {
  DISSEMINATION_OPTION_RULE,
  OUTSIDE_OPTION_RULE,
  parseDisseminationOption,
  parseOutsideOption,
} from './dissemination-option';
import { parseFollowTheMoney, parseNdjson } from './formats';
import { loadReference, LoadStopped } from '../persistence/reference-versions';

@Controller('v1/datasets')
@RequireRoles('data-owner')
export class LoadReferenceHttpController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly entries: ReferenceEntriesRepository,
  ) {}

  @Post(':dataset/loads')
  @Audited('reference.load')
  @OpenApiOperation({
    summary:
      'Load reference data (NDJSON, or FollowTheMoney lines with ?format=ftm) as the dataset’s next version; ?mode=full|delta, ?dissemination=all|owner-only|agencies:A,B, ?outside=hidden|hit-no-hit (default hit-no-hit for notices), ?stopOnBadLine=true',
    body: {
      content: {
        'application/x-ndjson': { schema: { type: 'string', description: 'one entry (or change) per line' } },
      },
    },
  })
  async load(
    @CurrentCaller() caller: Caller,
    @Param('dataset') dataset: string,
    @Body() body: unknown,
    @Req() request: Request,
    @Query('mode') mode = 'delta',
    @Query('format') format = 'ndjson',
    @Query('dissemination') dissemination = 'all',
    @Query('outside') outside?: string,
    @Query('stopOnBadLine') stopOnBadLine = 'false',
  ) {
    if (!isDataset(dataset))
      throw new ApiError(
        HttpStatus.NOT_FOUND,
        'not_found',
        `dataset ${dataset} not found; datasets are ${DATASETS.join(', ')}`,
      );
    if (mode !== 'full' && mode !== 'delta') throw invalidField('mode', 'isIn', 'must be full or delta');
    if (format !== 'ndjson' && format !== 'ftm')
      throw invalidField('format', 'isIn', 'must be ndjson or ftm (CSV loads go through the CLI)');
    if (stopOnBadLine !== 'true' && stopOnBadLine !== 'false')
      throw invalidField('stopOnBadLine', 'isBoolean', 'must be true or false');
    if (!request.is('application/x-ndjson') || typeof body !== 'string')
      throw new ApiError(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        'unsupported_media_type',
        'the body must be application/x-ndjson',
      );
    const scope = parseDisseminationOption(dissemination);
    if (!scope) throw invalidField('dissemination', 'isDissemination', DISSEMINATION_OPTION_RULE);
    const policy = outside === undefined ? defaultOutsidePolicy(dataset) : parseOutsideOption(outside);
    if (!policy) throw invalidField('outside', 'isIn', OUTSIDE_OPTION_RULE);
    const rule = { ...scope, outside: policy };
    const current = (await this.entries.datasets(this.dataSource.manager)).find((known) => known.dataset === dataset);
    if (current && current.owner !== caller.agency)
      throw new ApiError(HttpStatus.FORBIDDEN, 'forbidden', `dataset ${dataset} is owned by another agency`);

    const context = {
      dataset,
      owner: caller.agency,
      dissemination: create(DisseminationSchema, disseminationToContract(rule)),
    };
    const lines = (async function* () {
      yield* body.split('\n');
    })();
    const changes = format === 'ftm' ? parseFollowTheMoney(lines, context) : parseNdjson(lines, context);
    try {
      return await loadReference(this.dataSource, this.outbox, changes, {
        dataset,
        owner: caller.agency,
        dissemination: rule,
        mode,
        stopOnBadLine: stopOnBadLine === 'true',
      });
    } catch (error) {
      if (error instanceof LoadStopped)
        throw new ApiError(
          HttpStatus.BAD_REQUEST,
          'bad_line',
          `nothing was loaded: line ${error.line}: ${error.reason}`,
          [{ field: `line ${error.line}`, rule: 'validLine', message: error.reason }],
        );
      throw error;
    }
  }
}
