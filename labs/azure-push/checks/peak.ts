import { CheckFailure } from '../../kit/check-failure.ts';
import { describeThrown, errorMessage } from '../../kit/describe-thrown.ts';
import { expectCases } from '../../kit/cases.ts';
import { expect } from '../../kit/expect.ts';
import type { Check, LearnerModules } from '../../kit/types.ts';
import type { HostSettings } from '../support/functions-host.ts';
import { MODEL_HUB_SENDS_PER_SECOND } from '../support/limits.ts';
import { runPeakMinute, type PeakRun } from '../support/pipeline.ts';
import { maxConcurrencyCases, Refused } from './max-concurrency-cases.ts';

type Peak = typeof import('../solution/peak.ts');
type Batches = typeof import('../solution/batches.ts');
type Handler = typeof import('../solution/handler.ts');

/** One peak-minute run per check run (the seed tells runs apart): the three checks that read it share it. */
const runs = new WeakMap<LearnerModules, { seed: number; run: PeakRun }>();

function peakRun(learner: LearnerModules, seed: number): PeakRun {
  const cached = runs.get(learner);
  if (cached?.seed === seed) return cached.run;
  const settings = learner['peak.ts']?.peakSettings as HostSettings | undefined;
  expect.ok(
    settings && typeof settings === 'object',
    {
      en: 'peak.ts must export peakSettings: { batchSize, newBatchThreshold, instances }.',
      ja: 'peak.ts は peakSettings({ batchSize, newBatchThreshold, instances })を export する必要があります。',
    },
    { actual: settings },
  );
  const code = {
    sendToHub: expect.fn<Batches['sendToHub']>(learner['batches.ts'], 'sendToHub', 'batches.ts'),
    createQueueHandler: expect.fn<Handler['createQueueHandler']>(
      learner['handler.ts'],
      'createQueueHandler',
      'handler.ts',
    ),
  };
  let run: PeakRun;
  try {
    run = runPeakMinute(code, settings!, seed);
  } catch (error) {
    const thrown = describeThrown(error);
    throw new CheckFailure({
      en: `The peak minute runs your code from exercises 1 and 3 (sendToHub, createQueueHandler) with peakSettings, and it stopped: ${thrown}`,
      ja: `ピークの 1 分間は、演習 1 と 3 のコード(sendToHub、createQueueHandler)を peakSettings で動かします。その途中で止まりました: ${thrown}`,
    });
  }
  runs.set(learner, { seed, run });
  return run;
}

/** One line about the run, added to failures so the learner sees what their settings did. */
function summary(run: PeakRun): { en: string; ja: string } {
  const { batchSize, newBatchThreshold, instances } = run.settings;
  const drained =
    run.drainedAtMs === undefined ? 'never' : `${(run.drainedAtMs / 1_000).toFixed(1)} s`;
  const drainedJa =
    run.drainedAtMs === undefined ? '空にならず' : `${(run.drainedAtMs / 1_000).toFixed(1)} 秒`;
  const average = run.averageConcurrency.toFixed(1);
  return {
    en: `With batchSize ${batchSize}, newBatchThreshold ${newBatchThreshold} and ${instances} instance(s): drained at ${drained}, ${run.maxConcurrency} runs at most and ${average} on average at once, ${run.throttledSends} sends throttled, ${run.poisoned.length} messages poisoned.`,
    ja: `batchSize ${batchSize}、newBatchThreshold ${newBatchThreshold}、インスタンス ${instances} の場合: キューが空になったのは ${drainedJa}、同時実行は最大 ${run.maxConcurrency}・平均 ${average}、スロットリングされた送信 ${run.throttledSends} 件、ポイズンキュー行き ${run.poisoned.length} 件。`,
  };
}

/** Poisoned messages whose notification could have been sent. */
function wronglyPoisoned(run: PeakRun) {
  return run.poisoned.filter((entry) => !run.unsendable.has(notificationIdOf(entry.body)));
}

/** The hint that fits goods lost in the poison queue: 429s mean a flood, anything else a handler bug. */
function poisonHint(run: PeakRun): number {
  return wronglyPoisoned(run).some((entry) => /429/.test(entry.reason)) ? 2 : 1;
}

function notificationIdOf(body: string): string {
  try {
    return String((JSON.parse(body) as { id?: unknown }).id);
  } catch {
    return body;
  }
}

export const peakChecks: Check[] = [
  {
    id: 'peak.max-concurrency',
    exercise: 4,
    title: {
      en: 'Maximum concurrency is (batchSize + newBatchThreshold) × instances; batchSize stays within 1–32',
      ja: '最大同時実行数は (batchSize + newBatchThreshold) × インスタンス数。batchSize は 1〜32',
    },
    hints: [
      {
        en: 'The defaults, 16 and 8, give 24 runs at once on one instance; the docs say 72 on three. Every instance runs its own batches.',
        ja: '既定値の 16 と 8 では、1 インスタンスで同時に 24 件、3 インスタンスなら 72 件です(ドキュメントの例)。インスタンスはそれぞれ自分のバッチを動かします。',
      },
      {
        en: 'checkSettings(settings) from the support code throws a RangeError for settings host.json refuses: batchSize outside 1–32, a negative newBatchThreshold, no instance. 1 and 32 themselves are allowed.',
        ja: 'サポートコードの checkSettings(settings) は、host.json が受け付けない設定(1〜32 の外の batchSize、負の newBatchThreshold、0 インスタンス)に RangeError を投げます。1 と 32 そのものは使えます。',
      },
    ],
    run(learner, { random }) {
      const maxConcurrency = expect.fn<Peak['maxConcurrency']>(
        learner['peak.ts'],
        'maxConcurrency',
        'peak.ts',
      );
      return expectCases(maxConcurrencyCases(random), {
        call: (settings) => {
          try {
            return maxConcurrency({ ...settings });
          } catch (error) {
            return new Refused(errorMessage(error));
          }
        },
        what: (settings) => ({
          en: `maxConcurrency(${JSON.stringify(settings)})`,
          ja: `maxConcurrency(${JSON.stringify(settings)})`,
        }),
        accepts: (actual, expected) =>
          expected instanceof Refused
            ? actual instanceof Refused && actual.message.includes(expected.message)
            : actual === expected,
      });
    },
  },
  {
    id: 'peak.nothing-lost',
    exercise: 4,
    title: {
      en: 'In the peak minute every notification reaches its devices, or is in the poison queue because no platform accepts it',
      ja: 'ピークの 1 分間、すべての通知が端末に届く。届かないのは、どのプラットフォームも受け付けない通知だけで、ポイズンキューに理由付きで入る',
    },
    hints: [
      {
        en: 'A notification is lost in two ways: the handler returns without sending it (the checks of exercise 3 catch that), or its message runs out of its 5 attempts. The reason in the result tells which.',
        ja: '通知が失われる道は 2 つです。ハンドラーが送らずに正常終了する(演習 3 のチェックで見つかります)か、メッセージが 5 回の試行を使い切るかです。結果に出る理由でどちらかがわかります。',
      },
      {
        en: 'Reasons with "429" mean too many runs at once flood Notification Hubs, and every retry counts against it too: lower the concurrency (fewer instances, or a smaller batchSize + newBatchThreshold).',
        ja: '理由に "429" があるなら、同時実行が多すぎて Notification Hubs があふれています。再試行も数に入るので悪循環になります。同時実行数を下げましょう(インスタンスを減らすか、batchSize + newBatchThreshold を小さくする)。',
      },
    ],
    run(learner, { seed }) {
      const run = peakRun(learner, seed);
      const context = summary(run);
      const wrong = wronglyPoisoned(run);
      expect.ok(
        wrong.length === 0,
        {
          en: `${wrong.length} notifications that could have been sent are in the poison queue, e.g. ${notificationIdOf(wrong[0]?.body ?? '')}: "${wrong[0]?.reason}". ${context.en}`,
          ja: `送れたはずの通知 ${wrong.length} 件がポイズンキューに入っています(例: ${notificationIdOf(wrong[0]?.body ?? '')}: "${wrong[0]?.reason}")。${context.ja}`,
        },
        { hint: poisonHint(run) },
      );
      for (const id of run.unsendable) {
        const entry = run.poisoned.find((poisoned) => notificationIdOf(poisoned.body) === id);
        expect.ok(
          entry && entry.reason.length > 0,
          {
            en: `${id}, whose body no platform accepts, should be in the poison queue with a reason. ${context.en}`,
            ja: `どのプラットフォームも受け付けない本文の ${id} は、理由付きでポイズンキューに入るはずです。${context.ja}`,
          },
          { hint: 1 },
        );
      }
      const delivered = new Set(
        run.deliveries.map((delivery) => `${delivery.notificationId}/${delivery.registrationId}`),
      );
      // Each user's unmuted devices, found once: scanning every registration for every
      // notification was millions of comparisons, most of this check's time.
      const devicesByTag = new Map<string, string[]>();
      for (const registration of run.registrations) {
        if (registration.tags.includes('muted')) continue;
        for (const tag of registration.tags)
          devicesByTag.set(tag, [...(devicesByTag.get(tag) ?? []), registration.id]);
      }
      const missing: string[] = [];
      for (const notification of run.notifications) {
        if (run.unsendable.has(notification.id)) continue;
        for (const registrationId of devicesByTag.get(`user:${notification.userId}`) ?? []) {
          if (!delivered.has(`${notification.id}/${registrationId}`))
            missing.push(`${notification.id} → ${registrationId}`);
        }
      }
      expect.ok(
        missing.length === 0,
        {
          en: `${missing.length} deliveries never happened and are in no queue, e.g. ${missing.slice(0, 3).join(', ')}. ${context.en}`,
          ja: `${missing.length} 件の配信が行われず、どのキューにも残っていません(例: ${missing.slice(0, 3).join(', ')})。${context.ja}`,
        },
        { hint: 1 },
      );
    },
  },
  {
    id: 'peak.nothing-twice',
    exercise: 4,
    title: {
      en: 'In the peak minute no device gets the same notification twice (the forwarder replays some events)',
      ja: 'ピークの 1 分間、同じ通知が同じ端末に 2 回届くことはない(フォワーダーは一部のイベントを再送する)',
    },
    hints: [
      {
        en: 'Event Hubs consumers are at-least-once: after a restart the forwarder queues some events again, with the same notification id.',
        ja: 'Event Hubs のコンシューマーは at-least-once です。再起動後、フォワーダーは一部のイベントを同じ通知 ID のままもう一度キューに入れます。',
      },
      {
        en: 'If exercise 3 passes, this should too: the idempotency key is the notification id and the platform, not the queue message id.',
        ja: '演習 3 が通れば、これも通るはずです。冪等性のキーはキューメッセージの ID ではなく、通知 ID とプラットフォームです。',
      },
    ],
    run(learner, { seed }) {
      const run = peakRun(learner, seed);
      expect.ok(run.deliveries.length > 0, {
        en: `Nothing was delivered in the peak minute. ${summary(run).en}`,
        ja: `ピークの 1 分間に何も配信されませんでした。${summary(run).ja}`,
      });
      const seen = new Map<string, number>();
      for (const delivery of run.deliveries) {
        const key = `${delivery.notificationId} → ${delivery.registrationId}`;
        seen.set(key, (seen.get(key) ?? 0) + 1);
      }
      const twice = [...seen].filter(([, count]) => count > 1);
      expect.ok(
        twice.length === 0,
        {
          en: `${twice.length} device(s) got a notification more than once (${run.replayed} events were queued twice), e.g. ${twice
            .slice(0, 3)
            .map(([key, count]) => `${key} ×${count}`)
            .join(', ')}.`,
          ja: `${twice.length} 件で同じ通知が同じ端末に複数回届きました(${run.replayed} 件のイベントが 2 回キューに入りました)。例: ${twice
            .slice(0, 3)
            .map(([key, count]) => `${key} ×${count}`)
            .join(', ')}。`,
        },
        { hint: 2 },
      );
    },
  },
  {
    id: 'peak.deadline',
    exercise: 4,
    title: {
      en: 'The peak minute is delivered and the queue empty within 75 s of its start',
      ja: 'ピークの 1 分間の通知が、開始から 75 秒以内に配信され、キューが空になる',
    },
    hints: [
      {
        en: 'The job system sends a burst of about 617 notifications every 10 s, and a run takes about 0.43 s: how many runs must be going at once on average?',
        ja: 'ジョブシステムは 10 秒ごとに約 617 件の通知を送り、1 回の実行は約 0.43 秒かかります。平均して同時にいくつ実行している必要があるでしょう。',
      },
      {
        en: 'The average is well below the maximum: the host fetches a new batch only when the count running drops to newBatchThreshold.',
        ja: '平均は最大よりかなり小さくなります。ホストが次のバッチを取りに行くのは、実行中の数が newBatchThreshold まで下がったときだけです。',
      },
      {
        en: `Too many at once fails too: in this model Notification Hubs takes ${MODEL_HUB_SENDS_PER_SECOND} sends a second, and each run makes two sends in about 0.43 s. Raise batchSize and newBatchThreshold before adding instances, and watch the throttled count in the result.`,
        ja: `同時に多すぎても失敗します。このモデルの Notification Hubs が受け付けるのは毎秒 ${MODEL_HUB_SENDS_PER_SECOND} 件の送信で、1 回の実行は約 0.43 秒の間に 2 回送信します。インスタンスを増やす前に batchSize と newBatchThreshold を上げ、結果に出るスロットリング件数を見ましょう。`,
      },
    ],
    run(learner, { seed }) {
      const run = peakRun(learner, seed);
      const context = summary(run);
      const wrong = wronglyPoisoned(run).length;
      expect.ok(
        wrong === 0,
        {
          en: `The queue emptied partly by poisoning ${wrong} good notifications; see peak.nothing-lost. ${context.en}`,
          ja: `正常な通知 ${wrong} 件をポイズンキューに送ることでキューが空になっています。peak.nothing-lost を見てください。${context.ja}`,
        },
        { hint: 3 },
      );
      expect.ok(
        run.drainedAtMs !== undefined && run.drainedAtMs <= run.deadlineMs,
        {
          en: `The last message settled ${run.drainedAtMs === undefined ? 'never' : `at ${(run.drainedAtMs / 1_000).toFixed(1)} s`}; the deadline is ${run.deadlineMs / 1_000} s. ${context.en}`,
          ja: `最後のメッセージが片付いたのは${run.drainedAtMs === undefined ? '(片付かず)' : ` ${(run.drainedAtMs / 1_000).toFixed(1)} 秒`}、期限は ${run.deadlineMs / 1_000} 秒です。${context.ja}`,
        },
        { expected: `<= ${run.deadlineMs} ms`, actual: run.drainedAtMs, hint: 1 },
      );
    },
  },
];
