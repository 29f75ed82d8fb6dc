import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The network's evidence, one row per fact a record brings: the normalised
 * attributes it carries (phone, email, address, identifier, document), the
 * relations it declares to its agency's other records by externalRef, and the
 * externalRef itself so a relation can find its target. Two records sharing
 * an attribute value, or one declaring a relation to the other, are an edge;
 * the edges are read through `network_edges`. Rows go with their record.
 */
export class Network1763800000230 implements MigrationInterface {
  name = 'Network1763800000230';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE network_attributes (
        attribute text NOT NULL,
        value     text NOT NULL,
        record_id uuid NOT NULL REFERENCES entity_members (record_id) ON DELETE CASCADE,
        PRIMARY KEY (attribute, value, record_id)
      )`);
    await runner.query('CREATE INDEX network_attributes_record ON network_attributes (record_id)');
    await runner.query(`
      CREATE TABLE network_references (
        record_id    uuid PRIMARY KEY REFERENCES entity_members (record_id) ON DELETE CASCADE,
        owner        text NOT NULL,
        external_ref text NOT NULL
      )`);
    // Not unique: intake keeps an externalRef to one record, and resolving must never fail on it if not.
    await runner.query('CREATE INDEX network_references_ref ON network_references (owner, external_ref)');
    await runner.query(`
      CREATE TABLE network_relations (
        record_id       uuid NOT NULL REFERENCES entity_members (record_id) ON DELETE CASCADE,
        owner           text NOT NULL,
        to_external_ref text NOT NULL,
        role            text NOT NULL,
        since           text,
        until           text,
        PRIMARY KEY (record_id, to_external_ref, role)
      )`);
    await runner.query('CREATE INDEX network_relations_target ON network_relations (owner, to_external_ref)');
    // Every edge between two records, both ways: a shared attribute value, or a declared relation
    // (reason 'relation', value the role, declared_by the declaring record). Who may see each side, and
    // whether the records are still live, is the reader's to check.
    await runner.query(`
      CREATE VIEW network_edges AS
        SELECT a.record_id AS from_record, b.record_id AS to_record, a.attribute AS reason, a.value,
               NULL::text AS since, NULL::text AS until, NULL::uuid AS declared_by
          FROM network_attributes a
          JOIN network_attributes b ON b.attribute = a.attribute AND b.value = a.value AND b.record_id <> a.record_id
        UNION ALL
        SELECT r.record_id, t.record_id, 'relation', r.role, r.since, r.until, r.record_id
          FROM network_relations r
          JOIN network_references t ON t.owner = r.owner AND t.external_ref = r.to_external_ref
         WHERE t.record_id <> r.record_id
        UNION ALL
        SELECT t.record_id, r.record_id, 'relation', r.role, r.since, r.until, r.record_id
          FROM network_relations r
          JOIN network_references t ON t.owner = r.owner AND t.external_ref = r.to_external_ref
         WHERE t.record_id <> r.record_id`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP VIEW network_edges');
    await runner.query('DROP TABLE network_relations');
    await runner.query('DROP TABLE network_references');
    await runner.query('DROP TABLE network_attributes');
  }
}
