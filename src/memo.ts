/** `build` memoized by its argument's identity: built once per key object, gone with it. */
export function weakMemo<Key extends object, Value>(build: (key: Key) => Value): (key: Key) => Value {
  const built = new WeakMap<Key, Value>();
  return (key) => {
    if (built.has(key)) return built.get(key) as Value;
    const value = build(key);
    built.set(key, value);
    return value;
  };
}

/**
 * Facts about a file kept for as long as its AST lives, by key: computed on first use, shared by every rule and
 * every node of the file that asks, and gone with the file (a `WeakMap` on the `Program`).
 */
export class FileMemo<Key, Value> {
  readonly #byFile = new WeakMap<object, Map<Key, Value>>();

  get(file: object, key: Key, compute: () => Value): Value {
    let byKey = this.#byFile.get(file);
    if (!byKey) {
      byKey = new Map();
      this.#byFile.set(file, byKey);
    }
    if (byKey.has(key)) return byKey.get(key) as Value;
    const value = compute();
    byKey.set(key, value);
    return value;
  }
}
