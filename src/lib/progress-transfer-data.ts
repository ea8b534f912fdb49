import { translated, type PageLang } from './dictionaries.ts';
import { hashedJson, type HashedJson } from './hashed-json.ts';
import { labCatalog } from './progress-catalog.ts';
import type { LabCatalog } from './progress-file.ts';

/**
 * What Export and Import need beyond their code: their messages in the page's language and the
 * labs a progress file may hold. Served as a hashed JSON file that `progress-section.ts` fetches
 * with the first press, instead of two attributes on every progress section (3–4 KB of each lab
 * page and of the workshop page, most of it `&quot;`-escaped JSON).
 */
export interface ProgressTransferData {
  messages: Record<string, string>;
  catalog: LabCatalog;
}

/** Message name (as `progress-transfer.ts` and `progress-file.ts`'s error codes say it) → dictionary key. */
const MESSAGE_KEYS = {
  exported: 'progress.exported',
  imported: 'progress.imported',
  cancelled: 'progress.cancelled',
  undone: 'progress.undone',
  previewTitle: 'progress.previewTitle',
  previewReplaces: 'progress.previewReplaces',
  previewReplacesNothing: 'progress.previewReplacesNothing',
  'kind.progress': 'progress.kind.progress',
  'kind.file': 'progress.kind.file',
  'kind.own': 'progress.kind.own',
  'kind.hints': 'progress.kind.hints',
  noLabs: 'progress.noLabs',
  'not-json': 'progress.error.notJson',
  'not-progress': 'progress.error.notProgress',
  'bad-version': 'progress.error.badVersion',
  'newer-version': 'progress.error.newerVersion',
  'bad-entry': 'progress.error.badEntry',
  'bad-value': 'progress.error.badValue',
  'storage-full': 'progress.error.storageFull',
  empty: 'progress.error.empty',
};

/** The file for `lang`, named `progress-transfer/<lang>.<hash>.json` under the site's base. */
export function progressTransferFile(lang: PageLang): HashedJson {
  const messages = translated(lang, MESSAGE_KEYS);
  return hashedJson(lang, { messages, catalog: labCatalog() } satisfies ProgressTransferData);
}

/** The file's URL under the site's base (`/` or `/sub/`), for the progress section to fetch. */
export const progressTransferUrl = (lang: PageLang, base: string) =>
  `${base}progress-transfer/${progressTransferFile(lang).name}.json`;
