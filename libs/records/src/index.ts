import './record-formats';

export * from './iso-countries';
export * from './record-body.schema';
export * from './record-body.rules';
export * from './record-body.mapper';
export * from './contact-details';
export * from './operation-tag';
export * from './relation-targets';
