/**
 * Renders a value the way a learner expects to read it in a check result: JSON-like, objects
 * with their keys sorted and one per line, so Expected and Got line up key by key and a
 * difference lands on one line. Arrays of plain values stay on one line. The layout depends only
 * on a value's shape, never on its length, so two values of the same shape are laid out alike.
 */
export function formatValue(value: unknown, maxLength = 1200): string {
  const text = formatAny(value, '', new Set());
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}

const INDENT = '  ';

function formatAny(value: unknown, indent: string, seen: Set<object>): string {
  return typeof value === 'object' && value !== null
    ? formatNested(value, indent, seen)
    : formatPlain(value);
}

function formatPlain(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'function') return `function ${value.name || '(anonymous)'}`;
  if (typeof value === 'symbol') return String(value);
  return JSON.stringify(value);
}

function formatNested(value: object, indent: string, seen: Set<object>): string {
  if (seen.has(value)) return '[Circular]';
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (value instanceof Map) return `Map ${formatNested(Object.fromEntries(value), indent, seen)}`;
  if (value instanceof Set) return `Set ${formatNested([...value], indent, seen)}`;
  const json = (value as { toJSON?: () => unknown }).toJSON;
  if (typeof json === 'function') return formatAny(json.call(value), indent, seen);
  seen.add(value);
  const inner = indent + INDENT;
  const item = (entry: unknown) => formatAny(entry, inner, seen);
  let text: string;
  if (Array.isArray(value)) {
    const nested = value.some((entry) => typeof entry === 'object' && entry !== null);
    text = !value.length
      ? '[]'
      : nested
        ? `[\n${value.map((entry) => inner + item(entry)).join(',\n')}\n${indent}]`
        : `[${value.map(item).join(', ')}]`;
  } else {
    const entries = Object.entries(value)
      .filter(([, entry]) => entry !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    text = !entries.length
      ? '{}'
      : `{\n${entries.map(([key, entry]) => `${inner}${JSON.stringify(key)}: ${item(entry)}`).join(',\n')}\n${indent}}`;
  }
  seen.delete(value);
  return text;
}
