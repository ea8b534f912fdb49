/** An in-memory stand-in for localStorage; `room` is how many characters it holds before it is full. */
export function memoryStorage(initial: Record<string, string> = {}, room = Infinity) {
  const map = new Map(Object.entries(initial));
  const used = () => [...map].reduce((sum, [key, value]) => sum + key.length + value.length, 0);
  return {
    get length() {
      return map.size;
    },
    key: (index: number) => [...map.keys()][index] ?? null,
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => {
      const before = map.get(key);
      map.set(key, value);
      if (used() > room) {
        if (before === undefined) map.delete(key);
        else map.set(key, before);
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
    },
    removeItem: (key: string) => void map.delete(key),
    snapshot: () => Object.fromEntries(map),
  };
}
