import { PAGE_LANGS, translatorFor, type PageLang } from './dictionaries.ts';
import { hashedJson } from './hashed-json.ts';
import { getLabSources, type LabSources } from './lab-sources.ts';
import type { WorkbenchStrings } from './lab-workbench/strings.ts';
import { textDigest } from './lab-workbench/text-digest.ts';
import { workbenchStrings } from './workbench-strings.ts';

/**
 * A lab's data, split by when the page needs it and served as JSON files whose names carry a
 * hash of their content (`/lab-data/<slug>-<part>.<hash>.json`, see src/pages/lab-data/): the
 * page's HTML stays small, a rebuild that leaves a lab alone leaves its files' URLs alone, and a
 * browser may keep each file for good.
 */

/** What the editor needs first: the outline and the starter files. */
export interface LabStart extends Pick<
  LabSources,
  'slug' | 'title' | 'exercises' | 'checks' | 'starter'
> {
  /** File → digest of its solution text (`textDigest`): tells the solution apart without its text. */
  solutionDigests: Record<string, string>;
}

/** The reference solution: loaded for Compare and Use solution only. */
export type LabSolution = Pick<LabSources, 'solution'>;

/**
 * The lab's other files, the kit and the package versions: what the type checker reads (after the
 * editor is ready), read-only support tabs show (`support/…` in `labFiles`) and StackBlitz gets.
 */
export type LabFiles = Pick<LabSources, 'labFiles' | 'kitFiles' | 'packages' | 'tsxVersion'>;

export interface LabDataParts {
  start: LabStart;
  /** The workbench's UI strings in the page's language: one file per language, shared by every lab. */
  strings: WorkbenchStrings;
  solution: LabSolution;
  /** Named for its first reader, so tools that measure the editor apart from the type checker can tell. */
  'type-check': LabFiles;
}
export type LabDataPart = keyof LabDataParts;

export interface LabDataFile {
  part: LabDataPart;
  /** File name without `.json`: `<slug>-<part>.<hash>`, or `workbench-strings-<lang>.<hash>`. */
  name: string;
  body: string;
}

const hashedFile = (part: LabDataPart, prefix: string, value: unknown): LabDataFile => ({
  part,
  ...hashedJson(prefix, value),
});

function partsOf(lab: LabSources): Omit<LabDataParts, 'strings'> {
  return {
    start: {
      slug: lab.slug,
      title: lab.title,
      exercises: lab.exercises,
      checks: lab.checks,
      starter: lab.starter,
      solutionDigests: Object.fromEntries(
        Object.entries(lab.solution).map(([file, text]) => [file, textDigest(text)]),
      ),
    },
    solution: { solution: lab.solution },
    'type-check': {
      labFiles: lab.labFiles,
      kitFiles: lab.kitFiles,
      packages: lab.packages,
      tsxVersion: lab.tsxVersion,
    },
  };
}

/** The JSON files of one lab, named by the hash of their text. */
export function labDataFiles(slug: string): LabDataFile[] {
  return Object.entries(partsOf(getLabSources(slug))).map(([part, value]) =>
    hashedFile(part as LabDataPart, `${slug}-${part}`, value),
  );
}

/**
 * The workbench's UI strings in `lang`, from the same dictionaries Starlight's `t()` reads
 * (src/content/i18n/): kept out of the page's HTML, where they were 6–7 KB on every lab page.
 */
export function workbenchStringsFile(lang: PageLang): LabDataFile {
  return hashedFile('strings', `workbench-strings-${lang}`, workbenchStrings(translatorFor(lang)));
}

/** Each JSON file the site serves under lab-data/: every lab's, and the strings in each language. */
export function allLabDataFiles(slugs: string[]): LabDataFile[] {
  return [
    ...slugs.flatMap((slug) => labDataFiles(slug)),
    ...PAGE_LANGS.map((lang) => workbenchStringsFile(lang)),
  ];
}

/** Each part's URL under the site's base (`/` or `/sub/`), for the lab page to fetch. */
export function labDataUrls(
  slug: string,
  lang: PageLang,
  base: string,
): Record<LabDataPart, string> {
  return Object.fromEntries(
    [...labDataFiles(slug), workbenchStringsFile(lang)].map((file) => [
      file.part,
      `${base}lab-data/${file.name}.json`,
    ]),
  ) as Record<LabDataPart, string>;
}
