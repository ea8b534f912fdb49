// `npm run lab -- <slug> [--solution] [--dir <folder>] [--lang en|ja]`
import { fork } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatReport } from './format-report.ts';
import { labsRoot, listLabSlugs, loadLab } from './labs.ts';
import { timedOutReport } from './timed-out-report.ts';
import type { CheckResult, Lang, RunReport } from './types.ts';

/** How long one check may run before the CLI decides the learner's code loops forever. */
const CHECK_LIMIT_MS = 5_000;

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};
const lang: Lang = (option('--lang') ?? process.env.LC_ALL ?? process.env.LANG ?? '').startsWith('ja') ? 'ja' : 'en';
const slug = args.find((arg, index) => !arg.startsWith('--') && !args[index - 1]?.match(/^--(dir|lang)$/));

if (!slug) {
  console.error(`Usage: npm run lab -- <lab> [--solution] [--dir <folder>] [--lang en|ja]\nLabs: ${(await listLabSlugs()).join(', ')}`);
  process.exit(2);
}

let lab;
try {
  lab = await loadLab(slug);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
}
const dir = resolve(option('--dir') ?? join(labsRoot, slug, flag('--solution') ? 'solution' : 'starter'));
const report = await runInChild(slug, dir);
console.log(`${lab.title[lang]} — ${dir}\n`);
console.log(formatReport(report, lang));
process.exit(report.results.every((result) => result.status === 'pass') ? 0 : 1);

function runInChild(labSlug: string, folder: string): Promise<RunReport> {
  const child = fork(fileURLToPath(new URL('./cli-child.ts', import.meta.url)), [labSlug, folder], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolvePromise, reject) => {
    let watchdog: ReturnType<typeof setTimeout> | undefined;
    const finished: CheckResult[] = [];
    child.on('message', (message: { type: string; id?: string; result?: CheckResult; report?: RunReport }) => {
      clearTimeout(watchdog);
      if (message.type === 'check-start') {
        watchdog = setTimeout(() => {
          child.kill();
          resolvePromise(timedOutReport(lab!, finished, message.id!, CHECK_LIMIT_MS));
        }, CHECK_LIMIT_MS);
      } else if (message.type === 'check-done') {
        finished.push(message.result!);
      } else if (message.type === 'report') {
        resolvePromise(message.report!);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(watchdog);
      if (code !== 0 && code !== null) reject(new Error(`The check runner stopped unexpectedly (exit code ${code}).`));
    });
  });
}
