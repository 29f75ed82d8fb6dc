export * from './errors';
export * from './registry';
export * from './topics';
export * from './codec';
export * from './person-json';

export * from './gen/crosscheck/common/v1/common_pb';
export * from './gen/crosscheck/records/v1/records_pb';
export * from './gen/crosscheck/resolution/v1/resolution_pb';
export * from './gen/crosscheck/reference/v1/reference_pb';
export * from './gen/crosscheck/matching/v1/matching_pb';
export * from './gen/crosscheck/alerting/v1/alerting_pb';
export * from './gen/crosscheck/messaging/v1/messaging_pb';
export * from './gen/crosscheck/identity/v1/identity_pb';
