import { VirtualClock } from '../../kit/virtual-clock.ts';

/**
 * A model of Lambda execution environments on a virtual clock: an environment runs its init
 * code once (the cold start), then serves one request at a time; between requests it is frozen
 * and may be thawed for the next one; after an idle period it is reclaimed. The idle period is a
 * model assumption: AWS keeps environments "for a non-deterministic period of time"
 * (docs.aws.amazon.com/lambda/latest/operatorguide/execution-environments.html).
 */
export const MODEL_IDLE_RECLAIM_MS = 10 * 60_000;

/** Runtime start-up before any of your init code runs (model assumption). */
export const MODEL_RUNTIME_START_MS = 150;

/** The SDK the learner's function receives. Calls cost virtual time, as network calls would. */
export interface FakeSdk {
  /** Builds a database client: TLS set-up, credentials, connection pool. Expensive. */
  createDatabaseClient(): DatabaseClient;
}
export interface DatabaseClient {
  getOrder(orderId: string): { orderId: string; status: string };
}

/** Model costs of the SDK calls, in ms (assumptions for the exercise). */
export const MODEL_COSTS = { createDatabaseClient: 300, getOrder: 5 } as const;

export type Handler = (event: { orderId: string }) => { orderId: string; status: string };
/** What the learner writes: the body runs once per environment (init); it returns the handler. */
export type CreateFunction = (sdk: FakeSdk) => Handler;

export interface Invocation {
  at: number;
  coldStart: boolean;
  environment: number;
  latencyMs: number;
  result: unknown;
}

export interface TrafficReport {
  invocations: Invocation[];
  /** Environments that started on demand, each a cold start of the request that needed it. */
  environmentsCreated: number;
  /** Database clients built, during init or in handlers, provisioned environments included. */
  clientsCreated: number;
}

interface Environment {
  id: number;
  handler: Handler;
  busyUntil: number;
  lastUsed: number;
  provisioned: boolean;
}

export interface TrafficOptions {
  /** How long an idle environment survives; defaults to the model's assumption. */
  idleReclaimMs?: number;
  /**
   * Provisioned Concurrency: this many environments run their init before the first request and
   * are never reclaimed for being idle (a simplification of this model); requests beyond them get
   * on-demand environments (docs.aws.amazon.com/lambda/latest/dg/provisioned-concurrency.html).
   */
  provisionedConcurrency?: number;
}

/** Sends one request at each arrival time (ms, ascending) through the modelled environments. */
export function simulateTraffic(
  createFunction: CreateFunction,
  arrivals: number[],
  options: TrafficOptions = {},
): TrafficReport {
  const { idleReclaimMs = MODEL_IDLE_RECLAIM_MS, provisionedConcurrency = 0 } = options;
  const clock = new VirtualClock();
  const environments: Environment[] = [];
  let spent = 0;
  let clientsCreated = 0;
  const sdk: FakeSdk = {
    createDatabaseClient() {
      clientsCreated += 1;
      spent += MODEL_COSTS.createDatabaseClient;
      return {
        getOrder(orderId) {
          spent += MODEL_COSTS.getOrder;
          return { orderId, status: `shipped-${orderId.length}` };
        },
      };
    },
  };

  const invocations: Invocation[] = [];
  let nextEnvironmentId = 1;
  const start = arrivals.length > 0 ? arrivals[0] : 0;
  for (let count = 0; count < provisionedConcurrency; count++) {
    environments.push({
      id: nextEnvironmentId++,
      handler: createFunction(sdk),
      busyUntil: start,
      lastUsed: start,
      provisioned: true,
    });
  }
  for (const at of arrivals) {
    clock.advanceTo(at);
    for (let index = environments.length - 1; index >= 0; index--) {
      const idle = environments[index];
      if (!idle.provisioned && idle.busyUntil <= at && at - idle.lastUsed > idleReclaimMs)
        environments.splice(index, 1);
    }
    let environment = environments.find((candidate) => candidate.busyUntil <= at);
    let latency = 0;
    const coldStart = !environment;
    if (!environment) {
      spent = 0;
      const handler = createFunction(sdk);
      latency += MODEL_RUNTIME_START_MS + spent;
      environment = {
        id: nextEnvironmentId++,
        handler,
        busyUntil: at,
        lastUsed: at,
        provisioned: false,
      };
      environments.push(environment);
    }
    spent = 0;
    const result = environment.handler({ orderId: `order-${invocations.length}` });
    latency += spent;
    environment.busyUntil = at + latency;
    environment.lastUsed = at + latency;
    invocations.push({ at, coldStart, environment: environment.id, latencyMs: latency, result });
  }
  const environmentsCreated = invocations.filter((invocation) => invocation.coldStart).length;
  return { invocations, environmentsCreated, clientsCreated };
}

/** Arrival times of `count` requests, one every `everyMs`, starting at `startMs`. */
export function steadyArrivals(count: number, everyMs: number, startMs = 0): number[] {
  return Array.from({ length: count }, (_, index) => startMs + index * everyMs);
}
