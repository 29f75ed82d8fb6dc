import { Global, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { collectProcessMetrics } from './metrics';
import { ObservabilityController } from './observability.controller';
import { ReadinessRegistry } from './readiness.registry';
import { TraceResponseMiddleware } from './trace-response.middleware';

@Global()
@Module({
  controllers: [ObservabilityController],
  providers: [ReadinessRegistry],
  exports: [ReadinessRegistry],
})
export class ObservabilityModule implements NestModule {
  constructor() {
    collectProcessMetrics();
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(TraceResponseMiddleware).forRoutes('*path');
  }
}
