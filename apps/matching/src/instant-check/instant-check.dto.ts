/**
 * One instant check: a person, document, vehicle, firearm or artwork, as a
 * record body (its kind and the body of that kind), checked by the record
 * body schema of libs/records.
 */
import { type RecordBody, recordBody } from '@crosscheck/records';

export type CheckQuery = RecordBody;
export const checkQuery = recordBody;

export const MAX_CHECK_BATCH = 1_000;
