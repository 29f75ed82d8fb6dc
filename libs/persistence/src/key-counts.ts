/**
 * How many rows carry each blocking key, kept by statement triggers on the
 * table of keys, so whichever statement writes keys (a batch, a load, a
 * derivation again, a seed's COPY) keeps the count true. A candidate lookup
 * reads the counts before the keys: it reads the rarest keys first and leaves
 * out those too common to say anything (libs/resolution candidate-ranking.ts).
 *
 * The functions keep the schema they were made in, as a writer from another
 * search path (a seed, an operator's script) reaches them too. Rows are
 * counted per statement, in key order, so two writers update shared counts in
 * one order.
 */
export interface KeyCountTable {
  /** The table of keys, one row per (key, owner). */
  keys: string;
  /** The table of counts made for it. */
  counts: string;
  /** The columns that name a key, the last one the key itself (e.g. `['dataset', 'key']`). */
  columns: string[];
}

/** The statements that make the counts table, fill it from the keys present, and keep it by triggers. */
export function keyCountsUp({ keys, counts, columns }: KeyCountTable): string[] {
  const list = columns.join(', ');
  const tuple = columns.length === 1 ? list : `(${list})`;
  const matched = columns.map((column) => `counted.${column} = gone.${column}`).join(' AND ');
  const typed = columns.map((column) => `${column} text NOT NULL`).join(', ');
  return [
    `CREATE TABLE ${counts} (${typed}, rows integer NOT NULL, PRIMARY KEY (${list}))`,
    `INSERT INTO ${counts} (${list}, rows) SELECT ${list}, count(*) FROM ${keys} GROUP BY ${list}`,
    `CREATE FUNCTION ${keys}_added() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
      BEGIN
        INSERT INTO ${counts} AS counted (${list}, rows)
        SELECT ${list}, count(*) FROM added GROUP BY ${list} ORDER BY ${list}
        ON CONFLICT (${list}) DO UPDATE SET rows = counted.rows + excluded.rows;
        RETURN NULL;
      END $$`,
    `CREATE FUNCTION ${keys}_removed() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
      BEGIN
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
