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
 * Facts about the file being linted, by key: computed on first use, shared by every rule and every node of the
 * file that asks, and dropped when a question comes about another file. ESLint lints a file from start to end
 * before the next one (in each thread), so one file is all there is to keep; a `WeakMap` per fact instead costs a
 * weak entry per file per fact, which on a large corpus is a good part of the per-file cost.
 */
export class FileMemo<Key, Value> {
  #file: object | undefined;
  #byKey = new Map<Key, Value>();

  get(file: object, key: Key, compute: () => Value): Value {
    if (file !== this.#file) {
      this.#file = file;
      this.#byKey = new Map();
    }
    const byKey = this.#byKey;
    if (byKey.has(key)) return byKey.get(key) as Value;
    const value = compute();
    // `compute` may have asked about another file (it never does today): keep the answer only for the file it is of.
    if (this.#file === file) this.#byKey.set(key, value);
    return value;
  }
}
