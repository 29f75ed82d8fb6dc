export * from './dates';
export * from './names';
export * from './person-score';
export * from './identifiers';
