import sdk from '@stackblitz/sdk';
import { stackblitzProject } from '../../../labs/kit/stackblitz-project.ts';
import type { LabSources } from '../lab-sources.ts';

/** Opens the lab in StackBlitz in a new tab, with the learner's current files as the starter. */
export async function openInStackBlitz(lab: LabSources, learnerFiles: Record<string, string>): Promise<void> {
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
