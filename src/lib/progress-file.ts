/**
 * Learner progress and code as a file, so work moves between machines (workshop rooms change
 * laptops): the entries this build stores (stored-progress.ts), checked whole before any is written.
 */
import {
  isCount,
  isObject,
  isVersionList,
  labEntryKey,
  learnerName,
  MAX_TEXT_CHARS,
  progressIn,
  STORAGE_PREFIX,
  type SavedVersion,
} from './stored-progress.ts';

const FORMAT = 'serverless-meetup-tokyo-2/progress';
/** The one entry that holds every lab's standing. */
const PROGRESS_KEY = `${STORAGE_PREFIX}progress`;
const VERSION = 1;

export interface ProgressFile {
  format: typeof FORMAT;
  version: number;
  exportedAt: string;
  /** The name the learner typed when exporting, for the facilitator's class board. */
  learner?: string;
  entries: Record<string, string>;
}

/** The labs this build has: slug → the learner's file names. Only their keys may be imported. */
export type LabCatalog = Record<string, string[]>;

/** What one stored key is to the learner. */
export type EntryKind =
  | { kind: 'progress' }
  | { kind: 'file' | 'own'; lab: string; file: string }
  | { kind: 'hints'; lab: string };

/** Why a file could not be imported; nothing was changed when this is thrown. */
export class ProgressFileError extends Error {
  readonly code:
    | 'not-json'
    | 'not-progress'
    | 'bad-version'
    | 'newer-version'
    | 'bad-entry'
    | 'bad-value'
    | 'storage-full';
  /** The entry at fault, for the messages that name one. */
  readonly key: string;

  constructor(code: ProgressFileError['code'], message: string, key = '') {
    super(message);
    this.name = 'ProgressFileError';
    this.code = code;
    this.key = key;
  }
}

type KeyValueStore = Pick<Storage, 'length' | 'key' | 'getItem' | 'setItem' | 'removeItem'>;

/** What `key` stores, when it is a key this build writes for one of its labs; undefined otherwise. */
export function entryKind(key: string, catalog: LabCatalog): EntryKind | undefined {
  if (key === PROGRESS_KEY) return { kind: 'progress' };
  const [prefix, area, lab, kind, file, ...rest] = key.split(':');
  if (
    `${prefix}:` !== STORAGE_PREFIX ||
    area !== 'lab' ||
    !Object.hasOwn(catalog, lab) ||
    rest.length
  )
    return undefined;
  if (kind === 'hints' && file === undefined) return { kind, lab };
  if ((kind === 'file' || kind === 'own') && catalog[lab].includes(file))
    return { kind, lab, file };
  return undefined;
}

/** Why `value` cannot be stored under an entry of this kind, or undefined when it can. */
function problemWith(kind: EntryKind, value: string, catalog: LabCatalog): string | undefined {
  if (value.length > MAX_TEXT_CHARS)
    return `it holds ${value.length} characters, more than the ${MAX_TEXT_CHARS} any lab file needs`;
  if (kind.kind === 'file' || kind.kind === 'own') return undefined;
  let data: unknown;
  try {
    data = JSON.parse(value);
  } catch {
    return 'it is not JSON';
  }
  if (!isObject(data)) return 'it is not a JSON object';
  if (kind.kind === 'hints') {
    const bad = Object.keys(data).find((id) => !isCount(data[id]));
    return bad === undefined
      ? undefined
      : `the hint count of "${bad}" is not a whole number from 0 to 1000`;
  }
  const bad = Object.keys(data).find(
    (lab) =>
      !Object.hasOwn(catalog, lab) || Object.keys(progressIn({ [lab]: data[lab] })).length === 0,
  );
  return bad === undefined ? undefined : `"${bad}" is not a lab of this guide with { done, at }`;
}

/** Why History kept a version when a button set the learner's own code aside for other text. */
const SET_ASIDE: ReadonlyArray<SavedVersion['label']> = ['before-solution', 'before-reset'];

/**
 * For each learner file that Use solution or Reset replaced and that holds other text now, the
 * newest code they set aside, under the `own` key an import puts back into History. History stays
 * in its browser; without this, a learner who moves laptops after Use solution would find only the
 * solution there, and no Restore my code.
 */
function setAsideCode(storage: KeyValueStore, catalog: LabCatalog): Record<string, string> {
  const copies: Record<string, string> = {};
  for (const [lab, files] of Object.entries(catalog)) {
    for (const file of files) {
      const key = (kind: string) => labEntryKey(lab, kind, file);
      let versions: unknown;
      try {
        versions = JSON.parse(storage.getItem(key('history')) ?? '[]');
      } catch {
        continue;
      }
      const setAside = isVersionList(versions)
        ? versions.find((version) => SET_ASIDE.includes(version.label))
        : undefined;
      if (
        setAside &&
        setAside.text !== storage.getItem(key('file')) &&
        setAside.text.length <= MAX_TEXT_CHARS
      )
        copies[key('own')] = setAside.text;
    }
  }
  return copies;
}

/**
 * The guide's entries in `storage`, those an import would accept, and the code buttons set aside,
 * as a file to save. A copy an older build kept under `own` goes as it was.
 */
export function exportProgress(
  storage: KeyValueStore,
  now: Date,
  catalog: LabCatalog,
  learner = '',
  unsaved: Record<string, string> = {},
): ProgressFile {
  const entries = setAsideCode(storage, catalog);
  const add = (key: string | null, value: string | null) => {
    const kind = key === null ? undefined : entryKind(key, catalog);
    if (kind && value !== null && !problemWith(kind, value, catalog)) entries[key!] = value;
  };
  for (let index = 0; index < storage.length; index++) {
    const key = storage.key(index);
    add(key, key === null ? null : storage.getItem(key));
  }
  // Code on screen that a full storage could not hold: the learner moving laptops needs it most.
  for (const [key, text] of Object.entries(unsaved)) add(key, text);
  const name = learnerName(learner);
  return {
    format: FORMAT,
    version: VERSION,
    exportedAt: now.toISOString(),
    ...(name ? { learner: name } : {}),
    entries,
  };
}

/** Checks the whole file, every key and every value, before anything is written. */
export function parseProgressFile(text: string, catalog: LabCatalog): ProgressFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ProgressFileError(
      'not-json',
      'This file is not JSON, so it cannot be a progress file from this guide.',
    );
  }
  if (!isObject(data) || data.format !== FORMAT) {
    throw new ProgressFileError(
      'not-progress',
      `This JSON file was not exported by this guide (its "format" should be "${FORMAT}").`,
    );
  }
  if (!Number.isInteger(data.version) || (data.version as number) < 1) {
    throw new ProgressFileError(
      'bad-version',
      `This progress file has version ${JSON.stringify(data.version)}; versions are whole numbers from 1.`,
    );
  }
  if ((data.version as number) > VERSION) {
    throw new ProgressFileError(
      'newer-version',
      `This progress file has version ${String(data.version)}; this guide reads version ${VERSION}. Update the guide, then import again.`,
    );
  }
  const entries = data.entries;
  if (!isObject(entries))
    throw new ProgressFileError('bad-entry', 'The file has no "entries" object to restore.');
  for (const [key, value] of Object.entries(entries)) {
    const kind = entryKind(key, catalog);
    if (!kind)
      throw new ProgressFileError(
        'bad-entry',
        `The entry "${key}" is not one this guide stores, so nothing was imported.`,
        key,
      );
    const problem =
      typeof value === 'string' ? problemWith(kind, value, catalog) : 'it is not text';
    if (problem)
      throw new ProgressFileError(
        'bad-value',
        `The entry "${key}" cannot be imported: ${problem}. Nothing was imported.`,
        key,
      );
  }
  return {
    format: FORMAT,
    version: data.version as number,
    exportedAt: String(data.exportedAt ?? ''),
    ...(learnerName(data.learner) ? { learner: learnerName(data.learner) } : {}),
    entries: entries as Record<string, string>,
  };
}

/** One entry of a file about to be imported, and whether it overwrites something different. */
export interface PreviewItem {
  key: string;
  kind: EntryKind;
  replaces: boolean;
}

/**
 * What an entry of a file becomes in this browser, where it holds `current` (null: nothing).
 * Progress is one entry for every lab; a file's
 * progress replaces the standing of the labs it names, and the others keep theirs (a file from a
 * laptop that only did one lab would otherwise wipe every other lab's exercises and done marks).
 */
function importedValue(key: string, value: string, current: string | null): string {
  if (key !== PROGRESS_KEY || current === null) return value;
  let kept: unknown;
  try {
    kept = JSON.parse(current);
  } catch {
    return value;
  }
  return JSON.stringify({ ...progressIn(kept), ...progressIn(JSON.parse(value)) });
}

/** What an import would bring and what it would overwrite, for the learner to confirm first. */
export function previewImport(
  storage: KeyValueStore,
  file: ProgressFile,
  catalog: LabCatalog,
): PreviewItem[] {
  return Object.entries(file.entries).map(([key, value]) => {
    const current = storage.getItem(key);
    const replaces = current !== null && current !== importedValue(key, value, current);
    return { key, kind: entryKind(key, catalog)!, replaces };
  });
}

/** The values an import replaced (null: the key did not exist), to put back on undo. */
export type ImportUndo = Record<string, string | null>;

/** Writes every entry or none: when storage fills up midway, what was written is put back. */
export function applyImport(storage: KeyValueStore, file: ProgressFile): ImportUndo {
  const undo: ImportUndo = Object.fromEntries(
    Object.keys(file.entries).map((key) => [key, storage.getItem(key)]),
  );
  try {
    for (const [key, value] of Object.entries(file.entries))
      storage.setItem(key, importedValue(key, value, undo[key]));
  } catch {
    undoImport(storage, undo);
    throw new ProgressFileError(
      'storage-full',
      'This browser’s storage is full, so the file could not be imported. Nothing was changed.',
    );
  }
  return undo;
}

export function undoImport(storage: KeyValueStore, undo: ImportUndo): void {
  // Removals first: they free the room the restored values need.
  const entries = Object.entries(undo).sort(
    ([, a], [, b]) => Number(a !== null) - Number(b !== null),
  );
  for (const [key, value] of entries) {
    if (value === null) storage.removeItem(key);
    else storage.setItem(key, value);
  }
}
