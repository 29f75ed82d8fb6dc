/**
 * One instant check: a person, document, vehicle, firearm or artwork, as a
 * record body (its kind and the body of that kind), checked by the record
 * body schema of libs/records; a vehicle may be named by its plate and
 * registration country alone, as a border officer or a plate reader sees it.
 */
import { checkBody, type RecordBody } from '@crosscheck/records';

export type CheckQuery = RecordBody;
export const checkQuery = checkBody;

export const MAX_CHECK_BATCH = 1_000;
