// Imported first by main.ts: instrumentation must be in place before Nest and pg load.
import { startTelemetry } from '@crosscheck/telemetry/sdk';

export const telemetry = startTelemetry('matching');
