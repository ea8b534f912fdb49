import type { Lab } from '../../labs/kit/types.ts';
import rootPackage from '../../package.json' with { type: 'json' };

/**
 * Build-time view of the lab folders for the workbench: the lab's metadata and the text of every
 * file the page shows, runs or sends to StackBlitz. Read once here, embedded in the lab page.
 */
const texts = import.meta.glob<string>('/labs/**/*.ts', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const labs = import.meta.glob<{ lab: Lab }>('/labs/*/lab.ts', { eager: true });

export interface LabSources {
  slug: string;
  title: Lab['title'];
  exercises: Lab['exercises'];
  checks: Array<Pick<Lab['checks'][number], 'id' | 'exercise' | 'title'> & { hintCount: number }>;
  /** File name → text, for the learner's editable files. */
  starter: Record<string, string>;
  solution: Record<string, string>;
  /** Read-only files the learner may open, by path inside the lab folder (`support/limits.ts`). */
  support: Record<string, string>;
  /** Everything StackBlitz needs besides the learner's files. */
  labFiles: Record<string, string>;
  kitFiles: Record<string, string>;
  /** npm packages the lab imports, with the versions this site was built with. */
  packages: Record<string, string>;
  tsxVersion: string;
}

function filesUnder(prefix: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(texts)
      .filter(([path]) => path.startsWith(prefix) && !path.endsWith('.test.ts'))
      .map(([path, text]) => [path.slice(prefix.length), text]),
  );
}

/** The learner's files in the order the exercises use them, so the first tab is exercise 1. */
function inExerciseOrder(files: Record<string, string>, lab: Lab): Record<string, string> {
  const rank = (file: string) => {
    const index = lab.exercises.findIndex((exercise) => exercise.file === file);
    return index < 0 ? lab.exercises.length : index;
  };
  return Object.fromEntries(
    Object.entries(files).sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b)),
  );
}

/** The slugs of every lab folder with a lab.ts. */
export const labSlugs = (): string[] => Object.keys(labs).map((path) => path.split('/')[2]);

/** Minutes a lab takes: the sum of what its exercises declare in lab.ts. */
export function labMinutes(slug: string): number {
  return (labs[`/labs/${slug}/lab.ts`]?.lab.exercises ?? []).reduce(
    (sum, exercise) => sum + exercise.minutes,
    0,
  );
}

export function getLabSources(slug: string): LabSources {
  const module = labs[`/labs/${slug}/lab.ts`];
  if (!module) {
    throw new Error(
      `<LabWorkbench slug="${slug}">: no lab folder labs/${slug}/ with a lab.ts. Labs: ${labSlugs().join(', ')}.`,
    );
  }
  const { lab } = module;
  const dependencies = rootPackage.dependencies as Record<string, string>;
  const packages = [...(lab.packages ?? []), ...(lab.supportPackages ?? [])];
  for (const name of packages) {
    if (!dependencies[name]) {
      throw new Error(
        `labs/${slug}/lab.ts: packages lists "${name}", which the workbench cannot bundle. Add it to "dependencies" in package.json.`,
      );
    }
  }
  const labFiles = filesUnder(`/labs/${slug}/`);
  return {
    slug,
    title: lab.title,
    exercises: lab.exercises,
    checks: lab.checks.map((check) => ({
      id: check.id,
      exercise: check.exercise,
      title: check.title,
      hintCount: check.hints?.length ?? 0,
    })),
    starter: inExerciseOrder(filesUnder(`/labs/${slug}/starter/`), lab),
    solution: inExerciseOrder(filesUnder(`/labs/${slug}/solution/`), lab),
    support: Object.fromEntries(
      Object.entries(labFiles).filter(([path]) => path.startsWith('support/')),
    ),
    labFiles: Object.fromEntries(
      Object.entries(labFiles).filter(
        ([path]) => !path.startsWith('starter/') && !path.startsWith('solution/'),
      ),
    ),
    kitFiles: filesUnder('/labs/kit/'),
    packages: Object.fromEntries(packages.map((name) => [name, dependencies[name]])),
    tsxVersion: rootPackage.devDependencies.tsx,
  };
}
