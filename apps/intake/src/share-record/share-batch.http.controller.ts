/**
 * `POST /v1/records/batch`: up to 1,000 records as a JSON array
 * (`application/json`) or one per line (`application/x-ndjson`). The answer is
 * 200 with one result per item, in order, each with its own status.
 */
import { Body, Controller, Headers, Post, Req, Res } from '@nestjs/common';
import { Audited, Caller, CurrentCaller, itemsOfBatch, RateLimited, RequireRoles } from '@crosscheck/auth';
import { invalidField, invalidTextError, OpenApiOperation, textProblemIn } from '@crosscheck/runtime';
import type { Request, Response } from 'express';
import { itemsTaggedBy, operationHeader } from './operation-header';
import { MAX_BATCH, RefusedLine, ShareRecordService } from './share-record.service';
import { ShareRecordSchema } from './share-record.schema';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,128}$/;

@Controller('v1/records/batch')
@RequireRoles('agency')
export class ShareBatchHttpController {
  constructor(private readonly shareRecord: ShareRecordService) {}

  @Post()
  @Audited('record.share-batch')
  @RateLimited('records', itemsOfBatch)
  @OpenApiOperation({
    summary:
      'Share up to 1,000 records at once, answered item by item. X-Operation: <code> tags every item that names no operation',
    errors: [429],
    body: {
      schema: ShareRecordSchema,
      array: { maxItems: MAX_BATCH },
      content: {
        'application/x-ndjson': { schema: { type: 'string', description: 'one record (ShareRecord) per line' } },
      },
    },
  })
  async share(
    @CurrentCaller() caller: Caller,
    @Body() body: unknown,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @Headers('idempotency-key') idempotencyKey?: string,
    @Headers('x-operation') operation?: string,
  ) {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw invalidField('Idempotency-Key', 'matches', 'must be 1-128 printable ASCII characters');
    }
    const items = request.is('application/x-ndjson') ? parseNdjson(typeof body === 'string' ? body : '') : body;
    if (!Array.isArray(items)) {
      throw invalidField('records', 'isArray', 'the body must be a JSON array of records, or NDJSON');
    }
    const answer = await this.shareRecord.shareBatch(
      caller.agency,
      itemsTaggedBy(items, operationHeader(operation)),
      idempotencyKey,
    );
    response.status(answer.status);
    if (answer.replayed) response.setHeader('Idempotent-Replayed', 'true');
    return answer.body;
  }
}

function parseNdjson(text: string): unknown[] {
  return text
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line, index) => {
      let item: unknown;
      try {
        item = JSON.parse(line);
      } catch (error) {
        return new RefusedLine({
          code: 'malformed_json',
          message: `line ${index + 1} is not valid JSON: ${(error as Error).message}`,
          details: [],
        });
      }
      // The rules a JSON body meets before any handler runs, here line by line, so that one bad line is refused on its own.
      const problem = textProblemIn(item);
      return problem ? new RefusedLine(invalidTextError(problem)) : item;
    });
}
