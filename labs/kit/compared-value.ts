import type { Lang, Text } from './types.ts';

/**
 * What a failed check shows as expected or as what came back: a value written as code (the same
 * in every language), or words where only words say it, in both languages.
 */
export type ComparedValue = string | Text;

/** Words for a check's expected or actual value, in both languages, shown as they are (not as a quoted string). */
export class InWords {
  readonly text: Text;
  constructor(text: Text) {
    this.text = text;
  }
}

/** `value` as a reader of `lang` sees it. */
export const comparedIn = (value: ComparedValue | undefined, lang: Lang) =>
  value === undefined || typeof value === 'string' ? value : value[lang];
