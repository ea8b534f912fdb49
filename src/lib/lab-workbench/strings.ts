import type { Lang, Text } from '../../../labs/kit/types.ts';

/** UI strings of the workbench in the page's language, rendered by LabWorkbench.astro. */
export type WorkbenchStrings = Record<string, string>;

/** Fills `{{name}}` placeholders, as Starlight's own strings do. */
export function format(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
}

export const pageLang = (): Lang => (document.documentElement.lang.startsWith('ja') ? 'ja' : 'en');

export const localize = (text: Text | undefined, lang: Lang) => text?.[lang] ?? '';
