/**
 * What the console's server answers operators, as the browser reads it: the
 * pipeline health view of `/api/operator/health`. Types and constants only,
 * shared by the server that builds the view and the web app that draws it.
 */
export * from './pipeline-health.view';
