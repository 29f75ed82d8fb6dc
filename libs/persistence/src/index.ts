export * from './bulk-insert';
export * from './open-database';
export * from './persistence.module';
export * from './pg-listener';
export * from './reconnect-backoff';
export * from './rederive';
export * from './key-counts';
