/**
 * What the site stores for a learner, in localStorage under one prefix, and how each stored value
 * is read back: every reader (the workbench, the progress marks, the class board, an import)
 * takes a value through these, so a damaged or foreign value reads as nothing rather than breaking
 * a page. The progress file (progress-file.ts) carries these values between machines.
 */
export const STORAGE_PREFIX = 'smt2:';

/**
 * The event Export progress sends through the page before it writes the file: a lab's workbench
 * on the page adds to its detail (entry key → text) the code it shows but could not save, as
 * when the browser's storage is full.
 */
export const COLLECT_UNSAVED = 'smt2:collect-unsaved';

/** The key a lab keeps one kind of entry under (a file's text, its history, its hints…). */
export function labEntryKey(lab: string, kind: string, file = ''): string {
  return `${STORAGE_PREFIX}lab:${lab}:${kind}${file ? `:${file}` : ''}`;
}

/**
 * Longest text one entry may hold: far beyond any lab file (the largest solution is a few
 * kilobytes), far below the ~5 MB a browser gives a site, so one entry cannot fill storage.
 */
export const MAX_TEXT_CHARS = 200_000;

/** Longest learner name stored or carried in a file: enough for a full name, not for a message. */
export const MAX_LEARNER_CHARS = 60;

/** A learner name as it is stored and as files carry it: trimmed, one line, at most MAX_LEARNER_CHARS; empty when none. */
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
  'before-undo-import',
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

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
export const isDate = (value: unknown): value is string =>
  typeof value === 'string' && value.length <= 40 && !Number.isNaN(Date.parse(value));
export const isCount = (value: unknown): value is number =>
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

/**
 * Whether the browser refuses this site any storage (site data switched off for it): then even
 * reading `localStorage` throws, and nothing the learner writes can be saved.
 */
export function storageBlocked(): boolean {
  try {
    return !localStorage;
  } catch {
    return true;
  }
}
