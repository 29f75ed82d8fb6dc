/** A UUID (any version) as text: ids in paths and bodies are checked before they reach a query. */
import { defineFormat } from './schema/compiled-schema';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(text: string): boolean {
  return UUID.test(text);
}

defineFormat('uuid', { rule: 'isUuid', check: isUuid, message: () => 'must be a UUID' });
