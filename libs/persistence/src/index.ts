export * from './open-database';
export * from './persistence.module';
