import type { CheckResult, LoadError, RunReport } from '../../../labs/kit/types.ts';

// Every message crossing into or out of the sandbox is checked against its shape on arrival:
// the other side may be older (a tab open across a deploy) or, for runner events, may have been
// shaped by learner code. Anything else is dropped or reported, never acted on.

/** Page → sandbox document: load a lab's runtime script, start or stop one worker of it. */
export type SandboxOrder =
  | { type: 'load-runtime'; script: string }
  /** Sent with one transferred MessagePort: the worker's only way to talk to the page. */
  | { type: 'start-worker'; worker: number }
  | { type: 'stop-worker'; worker: number };

/** Sandbox document → page. */
export type SandboxNotice =
  { type: 'sandbox-ready' } | { type: 'worker-failed'; worker: number; message: string };

/** Page → lab runtime, over the worker's port: run these files against these checks, once. */
export interface RunOrder {
  type: 'run';
  /** The learner's files by name, as in the editor. */
  files: Record<string, string>;
  /** The ids of the checks the page expects, in order; a runtime with other checks refuses. */
  checks: string[];
  /** Repeats a run's generated cases; the runtime draws a fresh seed when absent. */
  seed?: number;
}

/** Lab runtime → page, over the worker's port. */
export type RunnerEvent =
  | { type: 'ready' }
  | { type: 'check-start'; id: string }
  | { type: 'check-done'; result: CheckResult }
  | { type: 'report'; report: RunReport }
  | { type: 'crash'; message: string }
  // The page and the runtime come from two builds (the page was open across an update).
  | { type: 'other-version' };

type Shape = Record<string, unknown>;
const isObject = (value: unknown): value is Shape =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isWorkerId = (value: unknown): value is number =>
  Number.isSafeInteger(value) && (value as number) > 0;
const isOptional = (value: unknown, is: (value: unknown) => boolean) =>
  value === undefined || is(value);
const isText = (value: unknown) => isObject(value) && isString(value.en) && isString(value.ja);
const isStringRecord = (value: unknown) => isObject(value) && Object.values(value).every(isString);
const isLine = (value: unknown) => Number.isSafeInteger(value) && (value as number) > 0;
const isSeed = (value: unknown) => Number.isSafeInteger(value) && (value as number) >= 0;

export function isSandboxOrder(value: unknown): value is SandboxOrder {
  if (!isObject(value)) return false;
  if (value.type === 'load-runtime') return isString(value.script);
  return (
    (value.type === 'start-worker' || value.type === 'stop-worker') && isWorkerId(value.worker)
  );
}

export function isSandboxNotice(value: unknown): value is SandboxNotice {
  if (!isObject(value)) return false;
  if (value.type === 'sandbox-ready') return true;
  return value.type === 'worker-failed' && isWorkerId(value.worker) && isString(value.message);
}

export function isRunOrder(value: unknown): value is RunOrder {
  return (
    isObject(value) &&
    value.type === 'run' &&
    isStringRecord(value.files) &&
    Array.isArray(value.checks) &&
    value.checks.every(isString) &&
    isOptional(value.seed, isSeed)
  );
}

/** A check's expected or actual value: code, or words in both languages. */
const isComparedValue = (value: unknown) => isString(value) || isText(value);

export function isCheckResult(value: unknown): value is CheckResult {
  return (
    isObject(value) &&
    isString(value.id) &&
    Number.isSafeInteger(value.exercise) &&
    isText(value.title) &&
    ['pass', 'fail', 'timeout', 'not-run'].includes(value.status as string) &&
    isOptional(value.message, isText) &&
    isOptional(value.expected, isComparedValue) &&
    isOptional(value.actual, isComparedValue) &&
    Array.isArray(value.hints) &&
    value.hints.every(isText) &&
    isOptional(value.hint, isLine)
  );
}

export function isLoadError(value: unknown): value is LoadError {
  return (
    isObject(value) &&
    isString(value.file) &&
    isString(value.message) &&
    isOptional(value.line, isLine) &&
    isOptional(value.column, isLine)
  );
}

export function isRunnerEvent(value: unknown): value is RunnerEvent {
  if (!isObject(value)) return false;
  switch (value.type) {
    case 'ready':
      return true;
    case 'check-start':
      return isString(value.id);
    case 'check-done':
      return isCheckResult(value.result);
    case 'report': {
      const report = value.report;
      return (
        isObject(report) &&
        isString(report.lab) &&
        isOptional(report.seed, isSeed) &&
        Array.isArray(report.results) &&
        report.results.every(isCheckResult) &&
        isOptional(report.loadError, isLoadError)
      );
    }
    case 'crash':
      return isString(value.message);
    case 'other-version':
      return true;
    default:
      return false;
  }
}
