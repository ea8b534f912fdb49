/** Puts `values` into a message's `{{name}}` places; a place with no value stays as written. */
export const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => String(values[key] ?? whole));
