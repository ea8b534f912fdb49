import { WARM_UP_SEED } from '../kit/seeded-random.ts';
import { expectedApnsPayload, expectedFcmV1Payload } from './checks/expected-payloads.ts';
import { DEFAULT_HOST_SETTINGS } from './support/functions-host.ts';
import type { PushNotification } from './support/notification.ts';
import { runPeakMinute } from './support/pipeline.ts';

/**
 * Runs one peak minute through the whole simulated pipeline (Event Hubs, Queue Storage, the
 * Functions host, Notification Hubs), so the page's spare worker has that code warm when the
 * learner's run starts it again. The code it plugs in is the plainest that keeps the pipeline
 * busy (one event per batch, every platform sent every time), not an answer to any exercise.
 */
export function warmUpPeakMinute(): void {
  runPeakMinute(
    {
      sendToHub(hub, notifications) {
        for (const notification of notifications)
          hub.send({ partitionKey: notification.userId, events: [notification] });
      },
      createQueueHandler: (hub) => (message) => {
        const notification = JSON.parse(message.body) as PushNotification;
        const tagExpression = `user:${notification.userId}`;
        hub.sendNotification(
          { platform: 'apple', body: expectedApnsPayload(notification) },
          { tagExpression },
        );
        hub.sendNotification(
          { platform: 'fcmv1', body: expectedFcmV1Payload(notification) },
          { tagExpression },
        );
      },
    },
    DEFAULT_HOST_SETTINGS,
    WARM_UP_SEED,
  );
}
