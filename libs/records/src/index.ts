export * from './record-body.dto';
export * from './record-body.mapper';
export * from './record-validators';
