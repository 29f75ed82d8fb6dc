/** What a benchmark asks of its database besides the services' progress: checkpoints between phases, its settings. */
import type { Client } from 'pg';

/**
 * Flushes dirty pages so that a timed phase does not pay for the previous one's writes; where the
 * role may not, says so once in `notes`.
 */
export async function checkpoint(db: Client, notes: string[]): Promise<void> {
  try {
    await db.query('CHECKPOINT');
  } catch (error) {
    const note = `CHECKPOINT not allowed (${(error as Error).message}): phases may pay for each other's writes`;
    if (!notes.includes(note)) notes.push(note);
  }
}

/** `Postgres server_version 16.4, fsync on, …`: the settings a report names, in the order asked. */
export async function postgresSettings(db: Client, ...names: string[]): Promise<string> {
  const { rows } = await db.query<{ name: string; setting: string }>(
    'SELECT name, setting FROM pg_settings WHERE name = ANY($1)',
    [names],
  );
  const settingOf = new Map(rows.map((row) => [row.name, row.setting]));
  return `Postgres ${names.map((name) => `${name} ${settingOf.get(name)}`).join(', ')}`;
}
