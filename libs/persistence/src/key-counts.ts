import type { EntityManager } from 'typeorm';

/**
 * How many rows carry each blocking key, kept by statement triggers on the
 * table of keys, so whichever statement writes keys (a batch, a load, a
 * derivation again, a seed's COPY) keeps the count true. A candidate lookup
 * reads the counts before the keys: it reads the rarest keys first and leaves
 * out those too common to say anything (libs/resolution keys-read.ts).
 *
 * The functions keep the schema they were made in, as a writer from another
 * search path (a seed, an operator's script) reaches them too. Rows are
 * counted per statement, in key order, so two writers update shared counts in
 * one order.
 *
 * A long transaction writing keys in many statements (a reference load) would
 * update each common key's count once per statement, and every update leaves a
 * version that later statements of the transaction read through: at 100,000
 * notices, 140 versions a key. `withDeferredKeyCounts` gathers the changes in a
 * table of the transaction's own and writes each count once, at its end.
 */
export interface KeyCountTable {
  /** The table of keys, one row per (key, owner). */
  keys: string;
  /** The table of counts made for it. */
  counts: string;
  /** The columns that name a key, the last one the key itself (e.g. `['dataset', 'key']`). */
  columns: string[];
  /**
   * A temporary table that, while a transaction has it, gathers the changes instead (`withDeferredKeyCounts`). The
   * triggers of a table without it always write the counts at once.
   */
  deferredIn?: string;
}

/** The statements that make the counts table, fill it from the keys present, and keep it by triggers. */
export function keyCountsUp({ keys, counts, columns, deferredIn }: KeyCountTable): string[] {
  const list = columns.join(', ');
  const tuple = columns.length === 1 ? list : `(${list})`;
  const matched = columns.map((column) => `counted.${column} = gone.${column}`).join(' AND ');
  const typed = columns.map((column) => `${column} text NOT NULL`).join(', ');
  const deferred = (sign: string, transition: string) =>
    deferredIn
      ? `IF to_regclass('pg_temp.${deferredIn}') IS NOT NULL THEN
          INSERT INTO pg_temp.${deferredIn} (${list}, rows) SELECT ${list}, ${sign}count(*) FROM ${transition} GROUP BY ${list};
          RETURN NULL;
        END IF;`
      : '';
  return [
    `CREATE TABLE ${counts} (${typed}, rows integer NOT NULL, PRIMARY KEY (${list}))`,
    `INSERT INTO ${counts} (${list}, rows) SELECT ${list}, count(*) FROM ${keys} GROUP BY ${list}`,
    `CREATE FUNCTION ${keys}_added() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
      BEGIN
        ${deferred('', 'added')}
        INSERT INTO ${counts} AS counted (${list}, rows)
        SELECT ${list}, count(*) FROM added GROUP BY ${list} ORDER BY ${list}
        ON CONFLICT (${list}) DO UPDATE SET rows = counted.rows + excluded.rows;
        RETURN NULL;
      END $$`,
    `CREATE FUNCTION ${keys}_removed() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
      BEGIN
        ${deferred('-', 'removed')}
        PERFORM 1 FROM ${counts} WHERE ${tuple} IN (SELECT ${list} FROM removed) ORDER BY ${list} FOR UPDATE;
        UPDATE ${counts} AS counted SET rows = counted.rows - gone.rows
          FROM (SELECT ${list}, count(*) AS rows FROM removed GROUP BY ${list}) AS gone
         WHERE ${matched};
        RETURN NULL;
      END $$`,
    `CREATE TRIGGER ${keys}_added AFTER INSERT ON ${keys}
        REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION ${keys}_added()`,
    `CREATE TRIGGER ${keys}_removed AFTER DELETE ON ${keys}
        REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION ${keys}_removed()`,
  ];
}

/**
 * Runs `body` in `transaction` with the key counts' changes gathered in the table's `deferredIn`, then writes each
 * changed count once, in key order; the gathering table goes with the body, whatever it does.
 */
export async function withDeferredKeyCounts<T>(
  transaction: EntityManager,
  { counts, columns, deferredIn }: KeyCountTable,
  body: () => Promise<T>,
): Promise<T> {
  if (!deferredIn) throw new Error(`the counts in ${counts} cannot be deferred: they name no table to gather in`);
  const list = columns.join(', ');
  const typed = columns.map((column) => `${column} text NOT NULL`).join(', ');
  await transaction.query(`CREATE TEMPORARY TABLE ${deferredIn} (${typed}, rows integer NOT NULL) ON COMMIT DROP`);
  try {
    const result = await body();
    await transaction.query(
      `INSERT INTO ${counts} AS counted (${list}, rows)
       SELECT ${list}, sum(rows) FROM pg_temp.${deferredIn} GROUP BY ${list} ORDER BY ${list}
       ON CONFLICT (${list}) DO UPDATE SET rows = counted.rows + excluded.rows`,
    );
    return result;
  } finally {
    await transaction.query(`DROP TABLE IF EXISTS pg_temp.${deferredIn}`).catch(() => undefined);
  }
}

/** The statements that undo keyCountsUp. */
export function keyCountsDown({ keys, counts }: KeyCountTable): string[] {
  return [
    `DROP TRIGGER ${keys}_removed ON ${keys}`,
    `DROP TRIGGER ${keys}_added ON ${keys}`,
    `DROP FUNCTION ${keys}_removed()`,
    `DROP FUNCTION ${keys}_added()`,
    `DROP TABLE ${counts}`,
  ];
}
