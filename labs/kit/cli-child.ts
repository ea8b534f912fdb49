// The CLI runs checks in this child process so that an endless loop in learner code can be
// stopped by killing the process, the same way the page terminates its worker.
import { loadLab } from './labs.ts';
import { runFolder } from './run-folder.ts';

// Taken before any learner file loads: learner code that replaces process.send, or calls it,
// cannot sign a message, because the run's token arrives over IPC before that code exists.
const send = process.send!.bind(process);
const token = await new Promise<string>((resolve) =>
  process.once('message', (message: { token: string }) => resolve(message.token)),
);
const signed = (message: object) => send({ ...message, token });

const [slug, dir, seed] = process.argv.slice(2);
const lab = await loadLab(slug);
const report = await runFolder(lab, dir, {
  seed: Number(seed),
  onFileLoad: (file) => signed({ type: 'file-load', file }),
  onCheckStart: (id) => signed({ type: 'check-start', id }),
  onCheckDone: (result) => signed({ type: 'check-done', result }),
});
signed({ type: 'report', report });
