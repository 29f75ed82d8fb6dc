/**
 * `GET /v1/alerts` lists an agency's alerts with filters, sorting and a
 * cursor; `GET /v1/alerts/{id}` is one alert. `GET /v1/alerts/stream` is the
 * live stream (Server-Sent Events): it replays what changed after
 * `Last-Event-ID` (or `?after=`), then pushes every change as it commits. A
 * client too slow to keep up is cut off rather than buffered without bound; it
 * reconnects with its last event id and loses nothing. Each agency holds a
 * bounded number of open streams.
 */
import { Controller, Get, HttpStatus, Param, Query, Req, Res } from '@nestjs/common';
import { Audited, Caller, CurrentCaller, RequireRoles } from '@crosscheck/auth';
import { ApiError, invalidField, isUuid, OpenApiOperation } from '@crosscheck/runtime';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { AlertingConfig } from '../alerting.config';
import { AlertFeed } from './alert-feed';
import { alertListSql, AlertListQuery, alertNotFound } from '../model/alert-query';
import { alertView } from '../model/alert-view';
import { AlertsRepository } from '../persistence/alerts.repository';

@Controller('v1/alerts')
@RequireRoles('analyst')
export class AlertsHttpController {
  private readonly openStreams = new Map<string, number>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly alerts: AlertsRepository,
    private readonly feed: AlertFeed,
    private readonly config: AlertingConfig,
  ) {}

  @Get()
  @Audited('alert.list')
  @OpenApiOperation({
    summary:
      'Your agency’s alerts: filter by status, level, dataset, kind, subscription, minimum score; sort; page with cursor',
  })
  async list(@CurrentCaller() caller: Caller, @Query() query: Record<string, string>) {
    const sql = alertListSql(caller.agency, singleValued(query) as AlertListQuery);
    const page = await this.alerts.select(this.dataSource.manager, sql.where, sql.orderAndLimit, sql.values);
    return {
      alerts: page.map(alertView),
      nextCursor: page.length === sql.limit ? page[page.length - 1].alertId : null,
    };
  }

  @Get('stream')
  @OpenApiOperation({ summary: 'Live stream of your agency’s alerts (Server-Sent Events); resume with Last-Event-ID' })
  stream(
    @CurrentCaller() caller: Caller,
    @Req() request: Request,
    @Res() response: Response,
    @Query('after') after?: string,
  ): void {
    const lastEventId = request.header('last-event-id');
    const position = streamPosition(lastEventId !== undefined ? 'Last-Event-ID' : 'after', lastEventId ?? after ?? '0');
    const open = this.openStreams.get(caller.agency) ?? 0;
    if (open >= this.config.STREAM_MAX_PER_AGENCY) {
      const refused = new ApiError(
        HttpStatus.TOO_MANY_REQUESTS,
        'too_many_streams',
        `your agency already holds ${open} open alert streams; close one first`,
      );
      refused.retryAfterSeconds = 5;
      throw refused;
    }
    this.openStreams.set(caller.agency, open + 1);

    response.status(HttpStatus.OK);
    response.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    response.setHeader('Cache-Control', 'no-cache, no-transform');
    response.setHeader('Connection', 'keep-alive');
    response.setHeader('X-Accel-Buffering', 'no');
    response.flushHeaders();
    response.write(`retry: 2000\n\n`);

    let closed = false;
    const close = () => {
      if (closed) return;
      closed = true;
      this.openStreams.set(caller.agency, (this.openStreams.get(caller.agency) ?? 1) - 1);
      clearInterval(heartbeat);
      subscription.unsubscribe();
      response.end();
    };
    const send = (chunk: string) => {
      if (closed) return;
      response.write(chunk);
      if (response.writableLength > this.config.STREAM_MAX_BUFFERED_BYTES) {
        response.write(`event: overflow\ndata: {"reason":"client too slow; reconnect with Last-Event-ID"}\n\n`);
        close();
      }
    };
    const heartbeat = setInterval(() => send(`: keep-alive\n\n`), this.config.STREAM_HEARTBEAT_SECONDS * 1000);
    const subscription = this.feed.stream(caller.agency, position).subscribe({
      next: (alert) => send(`id: ${alert.seq}\nevent: alert\ndata: ${JSON.stringify(alertView(alert))}\n\n`),
      error: () => close(),
      complete: () => close(),
    });
    request.on('close', close);
  }

  @Get(':alertId')
  @Audited('alert.read')
  @OpenApiOperation({
    summary: 'One of your agency’s alerts: both sides, the explanation, triage history and the owner’s decision',
  })
  async get(@CurrentCaller() caller: Caller, @Param('alertId') alertId: string) {
    const alert = isUuid(alertId) ? await this.alerts.find(this.dataSource.manager, alertId) : undefined;
    if (!alert || alert.agency !== caller.agency) throw alertNotFound();
    return alertView(alert);
  }
}

function streamPosition(field: string, text: string): number {
  if (!/^\d{1,15}$/.test(text))
    throw invalidField(field, 'isCursor', 'must be the id of an event from this stream, or 0');
  return Number(text);
}

/** `?status=new&status=acknowledged` is refused, not silently read as one of them. */
function singleValued(query: Record<string, unknown>): Record<string, string> {
  for (const [field, value] of Object.entries(query)) {
    if (typeof value !== 'string')
      throw invalidField(field, 'single', 'must be given once; list several values separated by commas');
  }
  return query as Record<string, string>;
}
