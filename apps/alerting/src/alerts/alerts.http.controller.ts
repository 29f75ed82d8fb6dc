/**
 * `GET /v1/alerts` lists an agency's alerts, newest first, with a cursor.
 * `GET /v1/alerts/stream` is the live stream (Server-Sent Events): it replays
 * what came after `Last-Event-ID` (or `?after=`), then pushes new alerts as they
 * commit. A client too slow to keep up is cut off rather than buffered forever;
 * it reconnects with its last event id and loses nothing.
 */
import { Controller, Get, HttpStatus, Query, Req, Res } from '@nestjs/common';
import { AgencyCode } from '@crosscheck/auth';
import { invalidField } from '@crosscheck/runtime';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { AlertingConfig } from '../alerting.config';
import { AlertFeed } from './alert-feed';
import { alertView, AlertsRepository } from './alerts.repository';

@Controller('v1/alerts')
export class AlertsHttpController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly alerts: AlertsRepository,
    private readonly feed: AlertFeed,
    private readonly config: AlertingConfig,
  ) {}

  @Get()
  async list(@AgencyCode() agency: string, @Query('cursor') cursor?: string, @Query('limit') limit?: string) {
    const pageSize = parsePositive('limit', limit ?? '50', 500);
    const before = cursor === undefined ? undefined : parsePositive('cursor', cursor);
    const page = await this.alerts.page(this.dataSource.manager, agency, before, pageSize);
    const next = page.length === pageSize ? String(page[page.length - 1].seq) : null;
    return { alerts: page.map(alertView), nextCursor: next };
  }

  @Get('stream')
  stream(@AgencyCode() agency: string, @Req() request: Request, @Res() response: Response, @Query('after') after?: string): void {
    const resumeFrom = request.header('last-event-id') ?? after ?? '0';
    const position = parsePositive(request.header('last-event-id') ? 'Last-Event-ID' : 'after', resumeFrom, Number.MAX_SAFE_INTEGER, true);

    response.status(HttpStatus.OK);
    response.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    response.setHeader('Cache-Control', 'no-cache, no-transform');
    response.setHeader('Connection', 'keep-alive');
    response.setHeader('X-Accel-Buffering', 'no');
    response.flushHeaders();
    response.write(`retry: 2000\n\n`);

    const close = () => {
      clearInterval(heartbeat);
      subscription.unsubscribe();
      response.end();
    };
    const send = (chunk: string) => {
      response.write(chunk);
      if (response.writableLength > this.config.STREAM_MAX_BUFFERED_BYTES) {
        response.write(`event: overflow\ndata: {"reason":"client too slow; reconnect with Last-Event-ID"}\n\n`);
        close();
      }
    };
    const heartbeat = setInterval(() => send(`: keep-alive\n\n`), this.config.STREAM_HEARTBEAT_SECONDS * 1000);
    const subscription = this.feed.stream(agency, position).subscribe({
      next: (alert) => send(`id: ${alert.seq}\nevent: alert\ndata: ${JSON.stringify(alertView(alert))}\n\n`),
      error: () => close(),
      complete: () => close(),
    });
    request.on('close', close);
  }
}

function parsePositive(field: string, text: string, max = Number.MAX_SAFE_INTEGER, allowZero = false): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value > max || (!allowZero && value === 0)) {
    throw invalidField(field, 'isInt', `must be a whole number from ${allowZero ? 0 : 1} to ${max}`);
  }
  return value;
}
