import { RecordBodyDto } from '@crosscheck/records';

/** One instant check: a person, document, vehicle, firearm or artwork, as a record body (its kind and the body of that kind). */
export class CheckQueryDto extends RecordBodyDto {}

export const MAX_CHECK_BATCH = 1_000;
