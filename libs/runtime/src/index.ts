export * from './api-errors';
export * from './boot-service';
export * from './load-config';
export * from './service.config';
export * from './messaging-settings';
export * from './service-core.module';
export * from './json-body';
export * from './database.config';
