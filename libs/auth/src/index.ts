export * from './agency-code.decorator';
export * from './api-key';
export * from './api-key.guard';
export * from './caller';
export * from './credential-store';
export * from './dissemination';
export * from './dissemination.contract';
export * from './roles';
