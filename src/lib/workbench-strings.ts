/** The workbench's UI strings, looked up once at build time in the page's language. */
const KEYS = [
  'regionLabel',
  'planLabel',
  'planTotal',
  'planMinutes',
  'planOptional',
  'stuckLoading',
  'run',
  'running',
  'reset',
  'resetConfirm',
  'compare',
  'compareTitle',
  'compareMine',
  'compareSolution',
  'useSolution',
  'useSolutionConfirm',
  'solutionInPlace',
  'restore',
  'restored',
  'stackblitz',
  'stackblitzOpening',
  'stackblitzFailed',
  'files',
  'readOnly',
  'editorLabel',
  'notRunYet',
  'selfReported',
  'summary',
  'allPass',
  'loadError',
  'loadErrorAt',
  'crash',
  'expected',
  'actual',
  'showHint',
  'hintLabel',
  'seed',
  'status.pass',
  'status.fail',
  'status.timeout',
  'status.not-run',
  'typeCheckLoading',
  'typeErrors',
  'noTypeErrors',
  'typeCheckFailed'
] as const;

export type WorkbenchStringKey = (typeof KEYS)[number];

export function workbenchStrings(t: (key: `workbench.${WorkbenchStringKey}`) => string): Record<WorkbenchStringKey, string> {
  return Object.fromEntries(KEYS.map((key) => [key, t(`workbench.${key}`)])) as Record<WorkbenchStringKey, string>;
}
