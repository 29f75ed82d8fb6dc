/**
 * What the name engine worked out lately, kept in a Map that forgets all of it
 * when full: a record's words meet each of its candidates', so the same words
 * come back many times within a batch, and the next batch's are soon back in.
 */
export function remembered<Value>(cache: Map<string, Value>, key: string, make: () => Value, max: number): Value {
  let value = cache.get(key);
  if (value === undefined) {
    if (cache.size >= max) cache.clear();
    value = make();
    cache.set(key, value);
  }
  return value;
}
