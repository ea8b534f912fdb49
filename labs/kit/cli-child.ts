// The CLI runs checks in this child process so that an endless loop in learner code can be
// stopped by killing the process, the same way the page terminates its worker.
import { loadLab } from './labs.ts';
import { runFolder } from './run-folder.ts';

const [slug, dir] = process.argv.slice(2);
const send = (message: unknown) => process.send?.(message);
const lab = await loadLab(slug);
const report = await runFolder(lab, dir, {
  onCheckStart: (id) => send({ type: 'check-start', id }),
  onCheckDone: (result) => send({ type: 'check-done', result }),
});
send({ type: 'report', report });
