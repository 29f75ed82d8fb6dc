/**
 * The alert life-cycle: statuses, triage steps and what a new finding does to
 * an alert. Pure rules, shared by the alerting service and the console's
 * browser app, so both judge an alert the same way.
 */
export * from './alert-lifecycle';
