/** `/health` (the process answers), `/ready` (its dependencies answer) and `/metrics`. */
import { Controller, Get, Header, HttpStatus, Res } from '@nestjs/common';
import type { Response } from 'express';
import { metricsRegistry } from './metrics';
import { ReadinessRegistry } from './readiness.registry';

@Controller()
export class ObservabilityController {
  constructor(private readonly readiness: ReadinessRegistry) {}

  @Get('health')
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(@Res() response: Response): Promise<void> {
    const report = await this.readiness.report();
    response.status(report.ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json(report);
  }

  @Get('metrics')
  @Header('Content-Type', metricsRegistry.contentType)
  metrics(): Promise<string> {
    return metricsRegistry.metrics();
  }
}
