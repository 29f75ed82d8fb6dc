import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How many members carry each blocking key (`key_counts`), kept by statement
 * triggers on `member_keys`, so whichever statement writes keys (a batch, a
 * record resolved alone, a derivation again, a seed's COPY) keeps it true.
 *
 * The candidate lookup reads at most ROWS_PER_KEY rows of a key
 * (entities.repository.ts). A key more members carry than that (a coarse
 * name sound alone, in a store of 200,000 people: thousands) gave an
 * arbitrary 200 of them, in record-id order: a duplicate among them by
 * chance, at the cost of reading them for every record. Knowing the count,
 * the lookup leaves such keys out, and weighs the others by their true count.
 *
 * The functions keep the schema they were made in, as a writer from another
 * search path (a seed, an operator's script) reaches them too. Rows are
 * counted per statement, in key order, so two writers update shared
 * counts in one order; writers of a key hold its advisory lock anyway
 * (resolution-locks.ts).
 */
export class KeyCounts1763800000940 implements MigrationInterface {
  name = 'KeyCounts1763800000940';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE key_counts (key text PRIMARY KEY, rows integer NOT NULL)`);
    await runner.query(`INSERT INTO key_counts (key, rows) SELECT key, count(*) FROM member_keys GROUP BY key`);
    await runner.query(`
      CREATE FUNCTION member_keys_added() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
      BEGIN
        INSERT INTO key_counts AS counted (key, rows)
        SELECT key, count(*) FROM added GROUP BY key ORDER BY key
        ON CONFLICT (key) DO UPDATE SET rows = counted.rows + excluded.rows;
        RETURN NULL;
      END $$`);
    await runner.query(`
      CREATE FUNCTION member_keys_removed() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
      BEGIN
        PERFORM 1 FROM key_counts WHERE key IN (SELECT key FROM removed) ORDER BY key FOR UPDATE;
        UPDATE key_counts AS counted SET rows = counted.rows - gone.rows
          FROM (SELECT key, count(*) AS rows FROM removed GROUP BY key) AS gone
         WHERE counted.key = gone.key;
        RETURN NULL;
      END $$`);
    await runner.query(`
      CREATE TRIGGER member_keys_added AFTER INSERT ON member_keys
        REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION member_keys_added()`);
    await runner.query(`
      CREATE TRIGGER member_keys_removed AFTER DELETE ON member_keys
        REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION member_keys_removed()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TRIGGER member_keys_removed ON member_keys');
    await runner.query('DROP TRIGGER member_keys_added ON member_keys');
    await runner.query('DROP FUNCTION member_keys_removed()');
    await runner.query('DROP FUNCTION member_keys_added()');
    await runner.query('DROP TABLE key_counts');
  }
}
