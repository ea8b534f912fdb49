/**
 * Learner progress and code as a file, so work moves between machines (workshop rooms change
 * laptops). Everything the site stores for a learner lives in localStorage under one prefix;
 * this file also owns the shape of each stored value, so the import and every reader agree.
 */
export const STORAGE_PREFIX = 'smt2:';
const FORMAT = 'serverless-meetup-tokyo-2/progress';
const VERSION = 1;

/**
 * Longest text one entry may hold: far beyond any lab file (the largest solution is a few
 * kilobytes), far below the ~5 MB a browser gives a site, so one entry cannot fill storage.
 */
export const MAX_TEXT_CHARS = 200_000;

export interface ProgressFile {
  format: typeof FORMAT;
  version: number;
  exportedAt: string;
  /** The name the learner typed when exporting, for the facilitator's class board. */
  learner?: string;
  entries: Record<string, string>;
}

/** Longest learner name a file may carry: enough for a full name, not for a message. */
export const MAX_LEARNER_CHARS = 60;

/** A learner name as files carry it: trimmed, one line, at most MAX_LEARNER_CHARS; empty when none. */
export const learnerName = (value: unknown): string =>
  typeof value === 'string' ? value.replace(/\s+/g, ' ').trim().slice(0, MAX_LEARNER_CHARS) : '';

/** One exercise's checks at the latest run: how many pass, of how many, and whether on the untouched solution. */
export interface ExerciseProgress {
  passed: number;
  total: number;
  /** Every check passes on the reference solution exactly as "Use solution" put it in. */
  solution?: boolean;
  /** Ids of the exercise's checks failing at that run, for the facilitator's class board. */
  failing?: string[];
}

/** Whether a lab is done, and when it was finished (or last run). */
export interface LabProgress {
  /** Every check passes, on the learner's own code. */
  done: boolean;
  at: string;
  /** Every check passes, but some exercise only on the untouched solution: shown as such, not as done. */
  solution?: boolean;
  /** By exercise number, from the latest run; files exported before exercises were tracked have none. */
  exercises?: Record<string, ExerciseProgress>;
}

/** Why a version of a file was kept: the action that was about to replace it. */
export const VERSION_LABELS = [
  'before-solution',
  'before-reset',
  'before-restore',
  'before-import',
  'before-other-tab',
  'other-tab',
  'autosave',
  'kept',
] as const;

/** One earlier version of a learner file, kept so no button can destroy it. */
export interface SavedVersion {
  text: string;
  at: string;
  label: (typeof VERSION_LABELS)[number];
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

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isDate = (value: unknown): value is string =>
  typeof value === 'string' && value.length <= 40 && !Number.isNaN(Date.parse(value));
const isCount = (value: unknown): value is number =>
  Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 1000;

const isExerciseProgress = (value: unknown): value is ExerciseProgress =>
  isObject(value) &&
  isCount(value.passed) &&
  isCount(value.total) &&
  (value.passed as number) <= (value.total as number) &&
  (value.solution === undefined || typeof value.solution === 'boolean') &&
  (value.failing === undefined ||
    (Array.isArray(value.failing) &&
      value.failing.length <= (value.total as number) &&
      value.failing.every((id) => typeof id === 'string' && id.length <= 100)));

/**
 * The valid entries of a stored progress value (anything else reads as "no progress"). An entry
 * needs `done` and `at`; its optional parts are kept when well formed and dropped otherwise.
 */
export function progressIn(value: unknown): Record<string, LabProgress> {
  if (!isObject(value)) return {};
  const valid: Record<string, LabProgress> = {};
  for (const [lab, entry] of Object.entries(value)) {
    if (!isObject(entry) || typeof entry.done !== 'boolean' || !isDate(entry.at)) continue;
    const progress: LabProgress = { done: entry.done, at: entry.at };
    if (typeof entry.solution === 'boolean') progress.solution = entry.solution;
    if (isObject(entry.exercises)) {
      const exercises = Object.entries(entry.exercises).filter(
        ([number, exercise]) => /^[1-9]\d?$/.test(number) && isExerciseProgress(exercise),
      );
      progress.exercises = Object.fromEntries(exercises) as Record<string, ExerciseProgress>;
    }
    valid[lab] = progress;
  }
  return valid;
}

/** The valid counts of a stored hints value (check id → hints revealed). */
export function hintsShownIn(value: unknown): Record<string, number> {
  if (!isObject(value)) return {};
  return Object.fromEntries(Object.entries(value).filter(([, count]) => isCount(count))) as Record<
    string,
    number
  >;
}

export function isVersionList(value: unknown): value is SavedVersion[] {
  return (
    Array.isArray(value) &&
    value.every(
      (version) =>
        isObject(version) &&
        typeof version.text === 'string' &&
        isDate(version.at) &&
        VERSION_LABELS.includes(version.label as SavedVersion['label']),
    )
  );
}

/** What `key` stores, when it is a key this build writes for one of its labs; undefined otherwise. */
export function entryKind(key: string, catalog: LabCatalog): EntryKind | undefined {
  if (key === `${STORAGE_PREFIX}progress`) return { kind: 'progress' };
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

/** The guide's entries in `storage`, those an import would accept, as a file to save. */
export function exportProgress(
  storage: KeyValueStore,
  now: Date,
  catalog: LabCatalog,
  learner = '',
): ProgressFile {
  const entries: Record<string, string> = {};
  for (let index = 0; index < storage.length; index++) {
    const key = storage.key(index);
    const kind = key === null ? undefined : entryKind(key, catalog);
    const value = key === null ? null : storage.getItem(key);
    if (kind && value !== null && !problemWith(kind, value, catalog)) entries[key!] = value;
  }
  const name = learnerName(learner);
  return { format: FORMAT, version: VERSION, exportedAt: now.toISOString(), ...(name ? { learner: name } : {}), entries };
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

/** What an import would bring and what it would overwrite, for the learner to confirm first. */
export function previewImport(
  storage: KeyValueStore,
  file: ProgressFile,
  catalog: LabCatalog,
): PreviewItem[] {
  return Object.entries(file.entries).map(([key, value]) => {
    const current = storage.getItem(key);
    return { key, kind: entryKind(key, catalog)!, replaces: current !== null && current !== value };
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
    for (const [key, value] of Object.entries(file.entries)) storage.setItem(key, value);
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
