export const MESSAGING_LOGGER = Symbol('MESSAGING_LOGGER');
export const CONTENT_TYPE_PROTOBUF = 'application/x-protobuf';
