/** Identifiers compared across records: VINs, travel document numbers and MRZs, firearm serial numbers. */
export * from './document-number';
export * from './mrz';
export * from './serial-number';
export * from './vin';
export * from './identifier-match';
