/**
 * bench:names' entity resolution through the real services: each FEBRL set
 * (1–3) shared through intake's batch API by two agencies in turn (names,
 * birth date, the address, and `soc_sec_id` as an Australian
 * `social_security` identifier), resolved by dedup, and scored pairwise from
 * the entity dedup gives each record. Every set runs in its own database and
 * topics, so sets never meet.
 */
import { Agencies } from '@crosscheck/infra';
import { log, openBenchEnvironment, type BenchContext } from './environment';
import { pairwiseQuality } from './pairwise-quality';
import { febrlRecords, type FebrlRecord } from './public-names';
import { resolvedEntities, shareThroughIntake } from './share-and-resolve';
import { round } from './stats';

const AGENCIES = ['AUS', 'NZL'] as const;

/** YYYY-MM-DD when the date exists, the year alone when only it does (FEBRL corrupts days and months), else nothing. */
function birthDate(text: string): string | undefined {
  const digits = text.replace(/\D/g, '');
  if (!/^\d{8}$/.test(digits)) return undefined;
  const [year, month, day] = [Number(digits.slice(0, 4)), Number(digits.slice(4, 6)), Number(digits.slice(6, 8))];
  if (year < 1800 || year > new Date().getUTCFullYear()) return undefined;
  const exists = month >= 1 && month <= 12 && new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
  const full = `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
  return exists && new Date(`${full}T00:00:00Z`).getTime() <= Date.now() ? full : String(year);
}

/** The fields FEBRL gives of the address, those it left empty left out; undefined when it gave none. */
function addressOf(record: FebrlRecord) {
  const parts = {
    street: record.address1.trim(),
    number: record.streetNumber.trim(),
    locality: record.suburb.trim(),
    postcode: record.postcode.trim(),
    region: record.state.trim().toUpperCase(),
    // address_2 is a building or property name, kept in the address's free-text form.
    text: [record.address2, record.streetNumber, record.address1, record.suburb, record.postcode, record.state]
      .map((part) => part.trim())
      .filter(Boolean)
      .join(' '),
  };
  const given = Object.fromEntries(Object.entries(parts).filter(([, value]) => value.length > 0));
  return Object.keys(given).length > 0 ? { ...given, country: 'AUS' } : undefined;
}

/** The record as an agency would share it, or undefined when FEBRL left it without any name. */
function sharedFebrlRecord(record: FebrlRecord) {
  const name = {
    ...(record.given.trim() ? { given: record.given.trim() } : {}),
    ...(record.family.trim() ? { family: record.family.trim() } : {}),
  };
  if (Object.keys(name).length === 0) return undefined;
  const dateOfBirth = birthDate(record.dateOfBirth);
  const number = record.socSecId.replace(/\s/g, '');
  const address = addressOf(record);
  return {
    kind: 'person',
    externalRef: record.id,
    dissemination: { scope: 'all' },
    purpose: 'bench:names',
    person: {
      names: [name],
      ...(dateOfBirth ? { dateOfBirth } : {}),
      ...(address ? { addresses: [address] } : {}),
      ...(/^[A-Za-z0-9]+$/.test(number) ? { identifiers: [{ type: 'social_security', number, country: 'AUS' }] } : {}),
    },
  };
}

/** Pairwise precision, recall and F1 of dedup's entities on each FEBRL set, shared by two agencies through the API. */
/** `dedupInstances`: dedup processes in one consumer group (the first answers the entity reads). */
export async function febrlThroughApi(
  context: BenchContext,
  sets: (1 | 2 | 3)[],
  dedupInstances = 1,
): Promise<Record<string, number>> {
  const figures: Record<string, number> = {};
  for (const set of sets) {
    const environment = await openBenchEnvironment(`febrl${set}`, context);
    const intake = await environment.startService('intake');
    const dedup = await environment.startService('dedup');
    for (let instance = 2; instance <= dedupInstances; instance++) await environment.startService('dedup');
    const agencies = new Agencies(environment.databaseUrl, () => intake.url);
    await agencies.accepted(await agencies.key(AGENCIES[0]), dedup.url, 60_000);
    const records = febrlRecords(set).flatMap((record, index) => {
      const body = sharedFebrlRecord(record);
      return body ? [{ record, agency: AGENCIES[index % AGENCIES.length], body }] : [];
    });
    const started = Date.now();
    const ids = await shareThroughIntake(
      intake.url,
      (agency) => agencies.key(agency),
      records,
      () => undefined,
    );
    const entityOf = await resolvedEntities(
      environment,
      await environment.connect(),
      await environment.kafkaAdmin(),
      context.signal,
    );
    const seconds = (Date.now() - started) / 1000;
    const sharedCount = ids.filter((id) => id !== undefined).length;
    const members = records.flatMap(({ record }, index) => {
      const entityId = entityOf.get(ids[index] ?? '');
      return entityId ? [{ recordId: ids[index]!, label: record.person, entityId, categories: [] }] : [];
    });
    if (members.length < sharedCount)
      throw new Error(`FEBRL ${set}: dedup placed ${members.length} of ${sharedCount} shared records in an entity`);
    const { overall } = pairwiseQuality(members);
    figures[`febrl${set}_api_precision`] = round(overall.precision, 3);
    figures[`febrl${set}_api_recall`] = round(overall.recall, 3);
    figures[`febrl${set}_api_f1`] = round(overall.f1, 3);
    figures[`febrl${set}_api_records_shared`] = sharedCount;
    figures[`febrl${set}_api_records_per_s`] = round(sharedCount / seconds, 1);
    log(
      `FEBRL ${set} through intake and dedup: ${sharedCount} records shared by ${AGENCIES.join(' and ')}, ` +
        `resolved in ${seconds.toFixed(0)} s; P ${figures[`febrl${set}_api_precision`]} R ${figures[`febrl${set}_api_recall`]} F1 ${figures[`febrl${set}_api_f1`]}`,
    );
  }
  return figures;
}
