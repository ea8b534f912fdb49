import type { Lab } from './types.ts';

/** What `@stackblitz/sdk`'s `openProject` takes (kept structural, so the kit needs no SDK types). */
export interface StackBlitzProject {
  title: string;
  description: string;
  template: 'node';
  files: Record<string, string>;
}

export interface StackBlitzSources {
  lab: Pick<Lab, 'slug' | 'title'>;
  /** The learner's current files, by file name: they become the project's `starter/`. */
  learnerFiles: Record<string, string>;
  /** The lab's own files by path inside its folder: `lab.ts`, `checks/…`, `support/…`. */
  labFiles: Record<string, string>;
  /** The kit's runner files by file name. */
  kitFiles: Record<string, string>;
  /** npm packages the lab's code imports, with the versions this site was built with. */
  packages: Record<string, string>;
  /** Version range of `tsx`, which runs the TypeScript checks on whatever Node StackBlitz has. */
  tsxVersion: string;
}

/** Kit files that only the page uses; the StackBlitz project runs the Node CLI instead. */
const PAGE_ONLY_KIT_FILES = new Set(['load-sources.ts', 'stackblitz-project.ts']);

/**
 * The StackBlitz project for a lab: the same folder layout as this repository, so `npm test`
 * there runs the very CLI a local learner runs. The solution stays out; it is on the lab page.
 */
export function stackblitzProject(sources: StackBlitzSources): StackBlitzProject {
  const { lab, learnerFiles, labFiles, kitFiles, packages, tsxVersion } = sources;
  const files: Record<string, string> = {};
  for (const [name, text] of Object.entries(kitFiles)) {
    if (!PAGE_ONLY_KIT_FILES.has(name) && !name.endsWith('.test.ts'))
      files[`labs/kit/${name}`] = text;
  }
  for (const [path, text] of Object.entries(labFiles)) {
    if (!path.startsWith('solution/') && !path.startsWith('starter/'))
      files[`labs/${lab.slug}/${path}`] = text;
  }
  for (const [name, text] of Object.entries(learnerFiles))
    files[`labs/${lab.slug}/starter/${name}`] = text;

  files['package.json'] = `${JSON.stringify(
    {
      name: `serverless-meetup-tokyo-2-${lab.slug}`,
      private: true,
      type: 'module',
      scripts: {
        test: `tsx labs/kit/cli.ts ${lab.slug}`,
        'test:ja': `tsx labs/kit/cli.ts ${lab.slug} --lang ja`,
      },
      dependencies: packages,
      devDependencies: { tsx: tsxVersion },
    },
    null,
    2,
  )}\n`;
  files['README.md'] = [
    `# ${lab.title.en} / ${lab.title.ja}`,
    '',
    `Edit the files in \`labs/${lab.slug}/starter/\`, then run \`npm test\` (\`npm run test:ja\` for Japanese).`,
    `\`labs/${lab.slug}/starter/\` のファイルを編集し、\`npm test\`(日本語は \`npm run test:ja\`)でチェックを実行します。`,
    '',
  ].join('\n');
  return {
    title: `Serverless Meetup Tokyo #2 — ${lab.title.en}`,
    description: `Lab: ${lab.title.en}. Run npm test to check your work.`,
    template: 'node',
    files,
  };
}
