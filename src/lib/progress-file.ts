/**
 * Learner progress and code as a file, so work moves between machines (workshop rooms change
 * laptops). Everything the site stores for a learner lives in localStorage under one prefix.
 */
export const STORAGE_PREFIX = 'smt2:';
const FORMAT = 'serverless-meetup-tokyo-2/progress';
const VERSION = 1;

export interface ProgressFile {
  format: typeof FORMAT;
  version: number;
  exportedAt: string;
  entries: Record<string, string>;
}

/** Why a file could not be imported; nothing was changed when this is thrown. */
export class ProgressFileError extends Error {
  readonly code: 'not-json' | 'not-progress' | 'newer-version' | 'bad-entry';

  constructor(code: ProgressFileError['code'], message: string) {
    super(message);
    this.name = 'ProgressFileError';
    this.code = code;
  }
}

type KeyValueStore = Pick<Storage, 'length' | 'key' | 'getItem' | 'setItem'>;

export function exportProgress(storage: KeyValueStore, now: Date): ProgressFile {
  const entries: Record<string, string> = {};
  for (let index = 0; index < storage.length; index++) {
    const key = storage.key(index);
    if (key?.startsWith(STORAGE_PREFIX)) entries[key] = storage.getItem(key) ?? '';
  }
  return { format: FORMAT, version: VERSION, exportedAt: now.toISOString(), entries };
}

/** Checks the whole file first, then writes its entries; returns how many were restored. */
export function importProgress(storage: KeyValueStore, text: string): number {
  const file = parseProgressFile(text);
  for (const [key, value] of Object.entries(file.entries)) storage.setItem(key, value);
  return Object.keys(file.entries).length;
}

export function parseProgressFile(text: string): ProgressFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ProgressFileError('not-json', 'This file is not JSON, so it cannot be a progress file from this guide.');
  }
  const file = data as Partial<ProgressFile> | null;
  if (!file || typeof file !== 'object' || file.format !== FORMAT) {
    throw new ProgressFileError(
      'not-progress',
      `This JSON file was not exported by this guide (its "format" should be "${FORMAT}").`,
    );
  }
  if (typeof file.version !== 'number' || file.version > VERSION) {
    throw new ProgressFileError(
      'newer-version',
      `This progress file has version ${String(file.version)}; this guide reads version ${VERSION}. Update the guide, then import again.`,
    );
  }
  if (!file.entries || typeof file.entries !== 'object' || Array.isArray(file.entries)) {
    throw new ProgressFileError('bad-entry', 'The file has no "entries" object to restore.');
  }
  for (const [key, value] of Object.entries(file.entries)) {
    if (!key.startsWith(STORAGE_PREFIX) || typeof value !== 'string') {
      throw new ProgressFileError('bad-entry', `The entry "${key}" is not one this guide stores, so nothing was imported.`);
    }
  }
  return file as ProgressFile;
}
