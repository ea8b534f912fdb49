/**
 * The numbers the push pipeline model runs on. The first group is documented by Microsoft, Apple
 * or Google (each cites its page); the second group is ours, chosen so the exercises show the
 * trade-offs, and is labelled MODEL_ on purpose: none of those is a published quota.
 */

// ── Documented ──────────────────────────────────────────────────────────────────────────────

/** Event Hubs Standard tier: maximum size of one publication, a single event or a batch: 1 MB, taken as 1,048,576 bytes (learn.microsoft.com/azure/event-hubs/event-hubs-quotas). */
export const EVENT_HUBS_MAX_PUBLICATION_BYTES = 1_048_576;

/** Event Hubs Basic and Standard tiers: at most 32 partitions per event hub (learn.microsoft.com/azure/event-hubs/event-hubs-quotas). */
export const EVENT_HUBS_MAX_PARTITIONS = 32;

/** Queue Storage Get Messages: at most 32 messages per call (learn.microsoft.com/rest/api/storageservices/get-messages). */
export const QUEUE_MAX_MESSAGES_PER_GET = 32;

/** Queue Storage Get Messages: visibility timeout when none is given, 30 s; at most 7 days (learn.microsoft.com/rest/api/storageservices/get-messages). */
export const QUEUE_DEFAULT_VISIBILITY_TIMEOUT_MS = 30_000;
export const QUEUE_MAX_VISIBILITY_TIMEOUT_MS = 7 * 24 * 60 * 60 * 1_000;

/** Queue Storage: a message can be up to 64 KB, taken as 65,536 bytes (learn.microsoft.com/azure/storage/queues/storage-queues-introduction). */
export const QUEUE_MAX_MESSAGE_BYTES = 65_536;

/**
 * Functions queue trigger, host.json `extensions.queues`: batchSize 16 by default and at most 32;
 * newBatchThreshold batchSize/2 on the Consumption plan; maxDequeueCount 5; visibilityTimeout
 * (the wait before a failed message is retried) 0; maxPollingInterval 1 minute
 * (learn.microsoft.com/azure/azure-functions/functions-bindings-storage-queue#host-json).
 */
export const FUNCTIONS_DEFAULT_BATCH_SIZE = 16;
export const FUNCTIONS_MAX_BATCH_SIZE = 32;
export const FUNCTIONS_DEFAULT_MAX_DEQUEUE_COUNT = 5;
export const FUNCTIONS_DEFAULT_RETRY_VISIBILITY_MS = 0;
export const FUNCTIONS_MAX_POLLING_INTERVAL_MS = 60_000;

/**
 * Functions queue trigger polling: 100 ms after finding messages, about 200 ms after finding none,
 * then growing to maxPollingInterval; while a function runs the message stays invisible with the
 * service's 10-minute default (learn.microsoft.com/azure/azure-functions/functions-bindings-storage-queue-trigger).
 */
export const FUNCTIONS_POLL_AFTER_MESSAGES_MS = 100;
export const FUNCTIONS_FIRST_IDLE_POLL_MS = 200;
export const FUNCTIONS_PROCESSING_VISIBILITY_MS = 10 * 60 * 1_000;

/** Notification Hubs: a tag is up to 120 characters of letters, digits and _ @ # . : - (learn.microsoft.com/azure/notification-hubs/notification-hubs-tags-segment-push-message). */
export const NOTIFICATION_HUBS_MAX_TAG_LENGTH = 120;
export const NOTIFICATION_HUBS_TAG_PATTERN = /^[A-Za-z0-9_@#.:-]+$/;

/** Notification Hubs tag expressions: up to 20 tags when they only use ||, otherwise up to 6 (same page). */
export const NOTIFICATION_HUBS_MAX_TAGS_OR_ONLY = 20;
export const NOTIFICATION_HUBS_MAX_TAGS_MIXED = 6;

/** APNs refuses a regular remote notification whose payload is over 4 KB, 4096 bytes (developer.apple.com/documentation/usernotifications/generating-a-remote-notification). */
export const APNS_MAX_PAYLOAD_BYTES = 4_096;

/** FCM: "Maximum payload for both message types is 4096 bytes" (firebase.google.com/docs/cloud-messaging/customize-messages/set-message-type). */
export const FCM_MAX_PAYLOAD_BYTES = 4_096;

/** The case study's peak: about 3,700 notifications a minute (the 2017 event report; a figure of the talk that cannot be checked). */
export const PEAK_NOTIFICATIONS_PER_MINUTE = 3_700;

// ── Model assumptions (not published figures) ───────────────────────────────────────────────

/** Partitions of the lab's event hub (the report does not say how many the team used). */
export const MODEL_EVENT_HUB_PARTITIONS = 4;

/** Time one Notification Hubs send takes, drawn evenly from this range with a seeded generator. */
export const MODEL_HUB_SEND_MS = { min: 100, max: 300 } as const;

/** A throttled send is refused quickly. */
export const MODEL_HUB_THROTTLED_MS = 20;

/**
 * Sends one notification hub accepts per clock second; refused attempts count too, so retrying
 * at once keeps the hub saturated. Notification Hubs publishes no such per-second figure: this
 * stands in for "a hub answers a flood of concurrent sends with errors". Set so that, with runs
 * of about 0.43 s making two sends each, the peak minute drains in time only between "too few
 * runs at once" (the documented defaults on one instance) and "too many" (32 + 16 on two
 * instances): both halves of the exercise's lesson sit within settings a learner tries.
 */
export const MODEL_HUB_SENDS_PER_SECOND = 200;

/** Start-up and bookkeeping time of one function run, besides the sends it makes. */
export const MODEL_INVOCATION_OVERHEAD_MS = 30;

/** Share of platform calls that fail transiently (a 5xx from APNs or FCM) in the peak minute. */
export const MODEL_TRANSIENT_FAILURE_RATE = 0.01;
