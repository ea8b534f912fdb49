import { randomUUID } from 'node:crypto';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadFailedReport } from './run-checks.ts';
import { timedOutReport } from './timed-out-report.ts';
import type { CheckResult, Lab, Lang, LoadError, RunReport, Text } from './types.ts';

/** How long one learner file's top level, or one check, may run before the CLI stops the run. */
export const CHECK_LIMIT_MS = 5_000;
/** Loading the kit and the lab's own code before any learner file: generous, for a slow machine. */
const STARTUP_LIMIT_MS = 60_000;

/** How a run in the child ended: a report to print, or why there is no report to trust. */
export type ChildOutcome = { report: RunReport } | { problem: Text };

type ChildMessage =
  | { type: 'file-load'; file: string; token?: string }
  | { type: 'check-start'; id: string; token?: string }
  | { type: 'check-done'; result: CheckResult; token?: string }
  | { type: 'report'; report: RunReport; token?: string };

/**
 * Runs `lab`'s checks on the files in `dir` in a child process and watches it: a learner file
 * whose top level, or a check that, runs past the limit is stopped; an exit without a report, a
 * crash, or a message without the run's token (learner code calling process.send) ends in a
 * problem, never in a report that could read as a pass.
 */
export function runInChild(lab: Lab, dir: string, seed: number, lang: Lang): Promise<ChildOutcome> {
  const token = randomUUID();
  const child = fork(
    fileURLToPath(new URL('./cli-child.ts', import.meta.url)),
    [lab.slug, dir, String(seed)],
    {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  child.send({ token });
  return new Promise((resolve) => {
    const finished: CheckResult[] = [];
    let watchdog: ReturnType<typeof setTimeout> | undefined;
    let settled = false;
    const settle = (outcome: ChildOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(watchdog);
      child.kill('SIGKILL');
      resolve(outcome);
    };
    const arm = (limitMs: number, onStuck: () => RunReport) => {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => settle({ report: onStuck() }), limitMs);
    };
    arm(STARTUP_LIMIT_MS, () =>
      loadFailedReport(lab, { file: '', message: notStarted[lang] }, seed),
    );

    child.on('message', (message: ChildMessage) => {
      if (message?.token !== token) return settle({ problem: forged });
      if (message.type === 'file-load') {
        arm(CHECK_LIMIT_MS, () => loadFailedReport(lab, stuckLoading(message.file, lang), seed));
      } else if (message.type === 'check-start') {
        arm(CHECK_LIMIT_MS, () => timedOutReport(lab, finished, message.id, CHECK_LIMIT_MS, seed));
      } else if (message.type === 'check-done') {
        finished.push(message.result);
      } else if (message.type === 'report') {
        settle(
          coversEveryCheck(lab, message.report)
            ? { report: message.report }
            : { problem: incomplete },
        );
      }
    });
    // 'close', not 'exit': it comes after every message the child sent has been delivered.
    child.on('close', (code, signal) => settle({ problem: stoppedEarly(code, signal) }));
    child.on('error', (error) => settle({ problem: stoppedEarly(null, error.message) }));
  });
}

function coversEveryCheck(lab: Lab, report: RunReport): boolean {
  const ids = report?.results?.map((result) => result?.id);
  return (
    Array.isArray(ids) &&
    ids.length === lab.checks.length &&
    lab.checks.every((check, index) => ids[index] === check.id)
  );
}

function stuckLoading(file: string, lang: Lang): LoadError {
  const seconds = CHECK_LIMIT_MS / 1000;
  const message = {
    en: `stopped after ${seconds} s: the top level of this file never finished. Look for a loop outside any function (for example \`while (true)\`).`,
    ja: `${seconds} 秒で停止しました。このファイルのトップレベルが終わりません。関数の外にあるループ(例: \`while (true)\`)を探してください。`,
  };
  return { file, message: message[lang] };
}

const notStarted: Text = {
  en: `The lab’s own code did not load within ${STARTUP_LIMIT_MS / 1000} s; no learner file had started loading.`,
  ja: `ラボ自身のコードが ${STARTUP_LIMIT_MS / 1000} 秒以内に読み込まれませんでした。学習者のファイルはまだ読み込み始めていません。`,
};

const forged: Text = {
  en: 'The check runner received a message it did not send (does your code call process.send?), so this run’s results cannot be trusted. Remove that call and run again.',
  ja: 'チェックランナーが、自分で送っていないメッセージを受け取りました(コードで process.send を呼んでいませんか？)。この実行結果は信頼できません。その呼び出しを消して、もう一度実行してください。',
};

const incomplete: Text = {
  en: 'The check runner’s report does not list this lab’s checks, so it cannot be trusted. Run again; if it happens again, look for code that changes process or the runner’s messages.',
  ja: 'チェックランナーの報告にこのラボのチェックがそろっていないため、信頼できません。もう一度実行し、繰り返すようなら process やランナーのメッセージを書き換えるコードがないか確かめてください。',
};

function stoppedEarly(code: number | null, signal: string | null): Text {
  const how = code !== null ? `exit code ${code}` : `signal ${signal}`;
  return {
    en: `The check runner stopped before it reported (${how}): no check result to show. Does your code call process.exit(), or throw from a timer or callback outside a check? Any error printed above says where.`,
    ja: `チェックランナーが結果を報告する前に止まりました(${how})。表示できるチェック結果はありません。コードで process.exit() を呼んだり、チェックの外のタイマーやコールバックでエラーを投げたりしていませんか？　上に表示されたエラーが場所を示しています。`,
  };
}
