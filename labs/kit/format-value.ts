/** Renders a value the way a learner expects to read it in a check result (short, stable, JSON-like). */
export function formatValue(value: unknown, maxLength = 400): string {
  let text: string;
  if (value === undefined) text = 'undefined';
  else if (typeof value === 'number' && !Number.isFinite(value)) text = String(value);
  else if (typeof value === 'bigint') text = `${value}n`;
  else if (typeof value === 'function') text = `function ${value.name || '(anonymous)'}`;
  else if (value instanceof Error) text = `${value.name}: ${value.message}`;
  else if (value instanceof Map) text = `Map ${safeJson(Object.fromEntries(value))}`;
  else if (value instanceof Set) text = `Set ${safeJson([...value])}`;
  else text = safeJson(value);
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
