export * from './agency-code.decorator';
export * from './dissemination';
export * from './dissemination.contract';
