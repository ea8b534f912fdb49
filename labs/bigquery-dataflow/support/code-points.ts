/**
 * Orders strings by Unicode code point, as Python's `<` on str and SQL engines such as BigQuery
 * do. JavaScript's `<` compares UTF-16 code units instead, which differs once a character lies
 * outside the Basic Multilingual Plane: '𠮷' (U+20BB7) is stored as two units starting 0xD842,
 * so `<` puts it before 'ﾗ' (U+FF97), though its code point is larger. `localeCompare` follows
 * the language's collation (lower case before upper, for one), not code points.
 */
export function compareCodePoints(a: string, b: string): number {
  const left = a[Symbol.iterator]();
  const right = b[Symbol.iterator]();
  for (;;) {
    const x = left.next();
    const y = right.next();
    if (x.done || y.done) return (x.done ? 0 : 1) - (y.done ? 0 : 1);
    const difference = x.value.codePointAt(0)! - y.value.codePointAt(0)!;
    if (difference !== 0) return difference;
  }
}
