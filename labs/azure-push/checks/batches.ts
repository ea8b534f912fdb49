import { expect } from '../../kit/expect.ts';
import { randomInt } from '../../kit/seeded-random.ts';
import type { Check, LearnerModules } from '../../kit/types.ts';
import { batchBytes, eventBytes, EventHub, type EventBatch } from '../support/event-hub.ts';
import type { PushNotification } from '../support/notification.ts';
import { sampleNotifications } from './sample-notifications.ts';

type Batches = typeof import('../solution/batches.ts');
const FILE = 'batches.ts';
const learnerFn = <K extends keyof Batches>(learner: LearnerModules, name: K) =>
  expect.fn<Batches[K]>(learner[FILE], name, FILE);

/** Small enough that each user's notifications need several batches; drawn per run. */
const smallLimit = (random: () => number) => randomInt(random, 700, 1_300);

/** The fewest batches that keep one user per batch and each user's order: fill each batch greedily. */
function fewestBatches(notifications: PushNotification[], limit: number): number {
  const bytesByUser = new Map<string, number[]>();
  for (const notification of notifications) {
    bytesByUser.set(notification.userId, [
      ...(bytesByUser.get(notification.userId) ?? []),
      eventBytes(notification),
    ]);
  }
  let count = 0;
  for (const sizes of bytesByUser.values()) {
    let room = 0;
    for (const size of sizes) {
      if (size > room) {
        count += 1;
        room = limit;
      }
      room -= size;
    }
  }
  return count;
}

/**
 * Two notifications in a row of one user and the limits on the edge of their fill: exactly their
 * bytes (one batch holds both) and one byte less (they need two), so `<` where `<=` belongs shows.
 */
function exactFit(notifications: PushNotification[]) {
  const [first] = notifications;
  const second = notifications.find(
    (notification) => notification !== first && notification.userId === first.userId,
  ) ?? { ...first, id: `${first.id}-next`, seq: first.seq + 1 };
  const both = eventBytes(first) + eventBytes(second);
  return { pair: [first, second], limits: [both - 1, both] };
}

/** Each user's notification ids in the order given. */
function idsByUser(notifications: PushNotification[]): Map<string, string[]> {
  const ids = new Map<string, string[]>();
  for (const notification of notifications)
    ids.set(notification.userId, [...(ids.get(notification.userId) ?? []), notification.id]);
  return ids;
}

/**
 * Different users under one partition key put all their load on one partition, the hot partition
 * `batches.partition-key` warns of; `placed` is each event's key and user as sent.
 */
function expectOneUserPerKey(
  placed: Array<{ partitionKey: string | undefined; userId: string }>,
): void {
  const usersByKey = new Map<string | undefined, Set<string>>();
  for (const { partitionKey, userId } of placed)
    usersByKey.set(partitionKey, (usersByKey.get(partitionKey) ?? new Set()).add(userId));
  for (const [partitionKey, users] of usersByKey) {
    if (partitionKey === undefined) continue;
    expect.ok(users.size === 1, {
      en: `Users ${[...users].join(', ')} share the partition key ${JSON.stringify(partitionKey)}: one partition gets all their load. Give each batch its user’s key, partitionKeyFor(event).`,
      ja: `ユーザー ${[...users].join(', ')} が同じパーティションキー ${JSON.stringify(partitionKey)} を使っています。負荷がすべて 1 つのパーティションに集まります。バッチにはそのユーザーのキー partitionKeyFor(event) を付けましょう。`,
    });
  }
}

function checkBatches(
  batches: EventBatch[],
  notifications: PushNotification[],
  limit: number,
): void {
  expect.ok(
    Array.isArray(batches),
    {
      en: `toBatches(…, ${limit}) must return an array of batches.`,
      ja: `toBatches(…, ${limit}) はバッチの配列を返す必要があります。`,
    },
    { actual: batches },
  );
  batches.forEach((batch, index) => {
    expect.ok(
      typeof batch?.partitionKey === 'string' &&
        Array.isArray(batch.events) &&
        batch.events.length > 0,
      {
        en: `Batch ${index} must look like { partitionKey: string, events: [at least one notification] }.`,
        ja: `バッチ ${index} は { partitionKey: 文字列, events: [1 件以上の通知] } の形にします。`,
      },
      { actual: batch },
    );
    const users = [...new Set(batch.events.map((event) => event.userId))];
    expect.ok(users.length === 1, {
      en: `Batch ${index} mixes users ${users.join(', ')}: a batch goes to one partition, so it holds one partition key’s events.`,
      ja: `バッチ ${index} に複数のユーザー(${users.join(', ')})が混ざっています。1 つのバッチは 1 つのパーティションに入るので、1 つのパーティションキーのイベントだけにします。`,
    });
    const bytes = batchBytes(batch);
    expect.ok(
      bytes <= limit,
      {
        en: `Batch ${index} is ${bytes} bytes; the limit was ${limit}.`,
        ja: `バッチ ${index} は ${bytes} バイトです。上限は ${limit} バイトでした。`,
      },
      { expected: `<= ${limit}`, actual: bytes },
    );
  });
  expectOneUserPerKey(
    batches.map((batch) => ({ partitionKey: batch.partitionKey, userId: batch.events[0].userId })),
  );
  const sent = idsByUser(batches.flatMap((batch) => batch.events));
  for (const [userId, ids] of idsByUser(notifications)) {
    expect.deepEqual(sent.get(userId), ids, {
      en: `${userId}'s notifications, read batch after batch (each once, in the order given)`,
      ja: `${userId} の通知をバッチ順に並べたもの(それぞれ 1 回、渡された順)`,
    });
  }
}

export const batchesChecks: Check[] = [
  {
    id: 'batches.partition-key',
    exercise: 1,
    title: {
      en: 'One partition key per user, so a user’s notifications share a partition',
      ja: '1 ユーザーに 1 つのパーティションキー: ユーザーの通知が同じパーティションに入る',
    },
    hints: [
      {
        en: 'Event Hubs keeps order only inside a partition. What must all of one user’s notifications have in common?',
        ja: 'Event Hubs が順序を保つのはパーティションの中だけです。1 人のユーザーの通知に共通しているものは何でしょう。',
      },
      {
        en: 'The key must not change between two notifications of the same user, so it cannot use the id or seq.',
        ja: '同じユーザーの 2 つの通知でキーが変わってはいけないので、id や seq は使えません。',
      },
    ],
    run(learner, { random }) {
      const partitionKeyFor = learnerFn(learner, 'partitionKeyFor');
      const notifications = sampleNotifications(random);
      const keyOf = new Map<string, string>();
      for (const notification of notifications) {
        const key = partitionKeyFor(notification);
        expect.ok(
          typeof key === 'string' && key.length > 0,
          {
            en: `partitionKeyFor(${notification.id}) must return a non-empty string.`,
            ja: `partitionKeyFor(${notification.id}) は空でない文字列を返す必要があります。`,
          },
          { actual: key },
        );
        const earlier = keyOf.get(notification.userId);
        expect.ok(earlier === undefined || earlier === key, {
          en: `${notification.userId} got two keys, ${JSON.stringify(earlier)} and ${JSON.stringify(key)}: their notifications could land in different partitions.`,
          ja: `${notification.userId} に 2 つのキー(${JSON.stringify(earlier)} と ${JSON.stringify(key)})が付きました。通知が別々のパーティションに入るおそれがあります。`,
        });
        keyOf.set(notification.userId, key);
      }
      expect.equal(new Set(keyOf.values()).size, keyOf.size, {
        en: `Distinct keys for ${keyOf.size} users (different users should not share one key, or one partition gets all the load)`,
        ja: `${keyOf.size} 人のユーザーに対するキーの種類(別のユーザーが同じキーを共有すると、負荷が 1 つのパーティションに集まります)`,
      });
    },
  },
  {
    id: 'batches.fit-the-limit',
    exercise: 1,
    title: {
      en: 'Batches hold one user each, stay within the byte limit and keep each user’s order',
      ja: 'バッチは 1 ユーザー分ずつ、バイト数の上限内で、ユーザーごとの順序を保つ',
    },
    hints: [
      {
        en: 'First group the notifications by partition key (a Map keeps insertion order), then cut each group into batches.',
        ja: 'まず通知をパーティションキーでグループに分け(Map は挿入順を保ちます)、それからグループごとにバッチへ切り分けます。',
      },
      {
        en: 'Add up eventBytes(event) as you fill a batch; start a new batch when the next event would pass maxBatchBytes.',
        ja: 'バッチを埋めながら eventBytes(event) を足していき、次のイベントで maxBatchBytes を超えるなら新しいバッチを始めます。',
      },
    ],
    run(learner, { random }) {
      const toBatches = learnerFn(learner, 'toBatches');
      const notifications = sampleNotifications(random);
      for (const limit of [smallLimit(random), 1_048_576]) {
        checkBatches(toBatches(structuredClone(notifications), limit), notifications, limit);
      }
    },
  },
  {
    id: 'batches.fewest-batches',
    exercise: 1,
    title: {
      en: 'As few batches as the limit allows, and a clear error for a notification too large for any batch',
      ja: '上限の範囲でできるだけ少ないバッチにし、どのバッチにも入らない通知ははっきりしたエラーにする',
    },
    hints: [
      {
        en: 'Each batch is a call over the network: fill a batch as far as the limit allows before starting the next.',
        ja: 'バッチ 1 つがネットワーク越しの呼び出し 1 回です。上限まで詰めてから次のバッチを始めましょう。',
      },
      {
        en: 'Check each event on its own first: if eventBytes(event) > maxBatchBytes, no batch can hold it, so throw an Error that names event.id.',
        ja: '先にイベント単体を確かめます。eventBytes(event) > maxBatchBytes ならどのバッチにも入らないので、event.id を含む Error を投げます。',
      },
    ],
    run(learner, { random }) {
      const toBatches = learnerFn(learner, 'toBatches');
      const notifications = sampleNotifications(random);
      for (const limit of [smallLimit(random), 1_048_576]) {
        expect.equal(
          toBatches(structuredClone(notifications), limit).length,
          fewestBatches(notifications, limit),
          {
            en: `Number of batches for ${notifications.length} notifications with a ${limit}-byte limit`,
            ja: `上限 ${limit} バイトで ${notifications.length} 件の通知を送るときのバッチ数`,
          },
          { hint: 1 },
        );
      }
      const { pair, limits } = exactFit(notifications);
      for (const limit of limits) {
        expect.equal(
          toBatches(structuredClone(pair), limit).length,
          fewestBatches(pair, limit),
          {
            en: `Number of batches for ${pair.map((each) => each.id).join(' and ')} (${pair.map(eventBytes).join(' + ')} bytes, one user) with a ${limit}-byte limit`,
            ja: `上限 ${limit} バイトで ${pair.map((each) => each.id).join(' と ')}(${pair.map(eventBytes).join(' + ')} バイト、同じユーザー)を送るときのバッチ数`,
          },
          { hint: 1 },
        );
      }
      const limit = smallLimit(random);
      const ofSize = (id: string, bytes: number): PushNotification => {
        const empty = { ...notifications[0], id, body: '' };
        return { ...empty, body: 'x'.repeat(bytes - eventBytes(empty)) };
      };
      const exactly = ofSize('n-just-fits', limit);
      expect.equal(
        toBatches([exactly], limit).length,
        1,
        {
          en: `Batches for one notification of exactly ${limit} bytes with a ${limit}-byte limit (it fits)`,
          ja: `上限 ${limit} バイトで、ちょうど ${limit} バイトの通知 1 件を送るときのバッチ数(収まります)`,
        },
        { hint: 2 },
      );
      const huge = ofSize('n-too-big', limit + 1);
      expect.throws(
        () => toBatches([huge], limit),
        {
          en: `toBatches with a notification of ${limit + 1} bytes and a ${limit}-byte limit must throw an error naming it (n-too-big)`,
          ja: `上限 ${limit} バイトで ${limit + 1} バイトの通知を渡した toBatches は、その通知の ID(n-too-big)を含むエラーを投げる必要があります`,
        },
        /n-too-big/,
        { hint: 2 },
      );
    },
  },
  {
    id: 'batches.per-user-order',
    exercise: 1,
    title: {
      en: 'After the hub, each user’s notifications sit in one partition, in order, each once',
      ja: 'ハブに届いた後、各ユーザーの通知は 1 つのパーティションに順番どおり 1 回ずつ並ぶ',
    },
    hints: [
      {
        en: 'Ask the hub for its limit (hub.maxBatchBytes) rather than assuming 1 MB: this hub accepts less.',
        ja: '1 MB と決めつけず、ハブに上限を聞きましょう(hub.maxBatchBytes)。このハブの上限はもっと小さいです。',
      },
      {
        en: 'A batch without partitionKey goes to whichever partition the hub picks.',
        ja: 'partitionKey のないバッチは、ハブが選んだどこかのパーティションに入ります。',
      },
    ],
    run(learner, { random }) {
      const sendToHub = learnerFn(learner, 'sendToHub');
      const notifications = sampleNotifications(random);
      const limit = smallLimit(random);
      const hub = new EventHub({ partitionCount: 4, maxBatchBytes: limit });
      sendToHub(hub, structuredClone(notifications));
      const placed = new Map<string, Array<{ partition: number; seq: number; id: string }>>();
      const keys: Array<{ partitionKey: string | undefined; userId: string }> = [];
      for (let partition = 0; partition < hub.partitionCount; partition += 1) {
        for (const event of hub.read(partition)) {
          keys.push({ partitionKey: event.partitionKey, userId: event.body.userId });
          placed.set(event.body.userId, [
            ...(placed.get(event.body.userId) ?? []),
            { partition, seq: event.body.seq, id: event.body.id },
          ]);
        }
      }
      expectOneUserPerKey(keys);
      for (const [userId, ids] of idsByUser(notifications)) {
        const events = placed.get(userId) ?? [];
        const partitions = [...new Set(events.map((event) => event.partition))];
        expect.ok(partitions.length === 1, {
          en: `${userId}'s notifications are in partitions ${partitions.join(', ') || '(none)'}; Event Hubs only keeps order within one partition.`,
          ja: `${userId} の通知がパーティション ${partitions.join(', ') || '(なし)'} に入っています。Event Hubs が順序を保つのは 1 つのパーティションの中だけです。`,
        });
        expect.deepEqual(
          events.map((event) => event.id),
          ids,
          {
            en: `${userId}'s notifications in their partition, in the order read`,
            ja: `パーティションから読んだ順の ${userId} の通知`,
          },
        );
      }
      expect.equal(hub.publications.length, fewestBatches(notifications, limit), {
        en: `Calls to hub.send for ${notifications.length} notifications (batch them; do not send one by one)`,
        ja: `${notifications.length} 件の通知に対する hub.send の呼び出し回数(1 件ずつではなくバッチで送りましょう)`,
      });
    },
  },
];
