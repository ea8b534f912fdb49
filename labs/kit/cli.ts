// `npm run lab -- <slug> [--solution] [--dir <folder>] [--seed <n>] [--lang en|ja]`
// It runs the learner's code as a normal Node program, with the rights of whoever runs it.
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { errorMessage } from './describe-thrown.ts';
import { formatReport } from './format-report.ts';
import { labsRoot, listLabSlugs, loadLab } from './labs.ts';
import { runInChild } from './run-in-child.ts';
import { isSeed, MAX_SEED, newSeed } from './seeded-random.ts';
import type { Lang } from './types.ts';

const args = process.argv.slice(2);
const VALUED = /^--(dir|lang|seed)$/;
const flag = (name: string) => args.includes(name);
const option = (name: string) => {
  const index = args.indexOf(name);
  return index >= 0 ? (args[index + 1] ?? '') : undefined;
};
const lang: Lang = (option('--lang') ?? process.env.LC_ALL ?? process.env.LANG ?? '').startsWith(
  'ja',
)
  ? 'ja'
  : 'en';
const slug = args.find(
  (arg, index) => !arg.startsWith('--') && !VALUED.test(args[index - 1] ?? ''),
);

/** Says what is wrong with the command in one line, in the learner's language, and stops. */
function refuse(message: { en: string; ja: string }): never {
  console.error(message[lang]);
  process.exit(2);
}

if (!slug) {
  console.error(
    `Usage: npm run lab -- <lab> [--solution] [--dir <folder>] [--seed <n>] [--lang en|ja]\nLabs: ${(await listLabSlugs()).join(', ')}`,
  );
  process.exit(2);
}

let lab;
try {
  lab = await loadLab(slug);
} catch (error) {
  refuse({
    en: errorMessage(error),
    ja: errorMessage(error),
  });
}

const seedText = option('--seed');
const seed = seedText === undefined ? newSeed() : Number(seedText);
if (seedText !== undefined && (seedText.trim() === '' || !isSeed(seed))) {
  refuse({
    en: `--seed needs a whole number from 0 to ${MAX_SEED}, got "${seedText}".`,
    ja: `--seed には 0 から ${MAX_SEED} までの整数を指定してください(指定された値: "${seedText}")。`,
  });
}

const dirText = option('--dir');
const dir = resolve(dirText ?? join(labsRoot, slug, flag('--solution') ? 'solution' : 'starter'));
const isFolder = await stat(dir).then(
  (found) => found.isDirectory(),
  () => false,
);
if (!isFolder) {
  refuse({
    en: `--dir: no folder at ${dir}. Give the folder that holds your lab files, e.g. --dir labs/${slug}/starter.`,
    ja: `--dir: ${dir} というフォルダーはありません。ラボのファイルがあるフォルダーを指定してください(例: --dir labs/${slug}/starter)。`,
  });
}

const outcome = await runInChild(lab, dir, seed, lang);
console.log(`${lab.title[lang]} — ${dir}\n`);
if ('problem' in outcome) {
  console.log(outcome.problem[lang]);
  process.exit(1);
}
console.log(formatReport(outcome.report, lang));
process.exit(outcome.report.results.every((result) => result.status === 'pass') ? 0 : 1);
