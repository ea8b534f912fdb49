import sdk from '@stackblitz/sdk';
import { stackblitzProject } from '../../../labs/kit/stackblitz-project.ts';
import type { LabFiles, LabStart } from '../lab-data.ts';

/** Opens the lab in StackBlitz in a new tab, with the learner's current files as the starter (never the solution: it has none). */
export async function openInStackBlitz(
  lab: Pick<LabStart, 'slug' | 'title'> & LabFiles,
  learnerFiles: Record<string, string>,
): Promise<void> {
  const project = stackblitzProject({
    lab: { slug: lab.slug, title: lab.title },
    learnerFiles,
    labFiles: lab.labFiles,
    kitFiles: lab.kitFiles,
    packages: lab.packages,
    tsxVersion: lab.tsxVersion,
  });
  const firstFile = Object.keys(learnerFiles)[0];
  sdk.openProject(project, { newWindow: true, openFile: `labs/${lab.slug}/starter/${firstFile}` });
}
