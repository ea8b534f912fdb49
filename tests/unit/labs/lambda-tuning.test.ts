import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pickMemory, sweep } from '../../../labs/lambda-tuning/solution/memory.ts';
import { filesUnder, readLabFolder } from '../../helpers/lab-files.ts';
import {
  assertCaught,
  describeUnderManySeeds,
  withTextMistake,
  type WrongSolution,
} from '../../helpers/lab-checks.ts';
import { lab } from '../../../labs/lambda-tuning/lab.ts';
import {
  MODEL_IDLE_RECLAIM_MS,
  simulateTraffic,
  type CreateFunction,
} from '../../../labs/lambda-tuning/support/execution-environments.ts';
import {
  MAX_VCPUS,
  MB_PER_VCPU,
  MODEL_PRICE_PER_GB_SECOND,
  MODEL_PRICE_PER_REQUEST,
  WORKLOADS,
  costOf,
  durationMs,
  vcpusFor,
} from '../../../labs/lambda-tuning/support/power-model.ts';

const initOnce: CreateFunction = (sdk) => {
  const client = sdk.createDatabaseClient();
  return (event) => client.getOrder(event.orderId);
};

describe('the execution environment model', () => {
  it('reuses a warm environment for the next request', () => {
    const report = simulateTraffic(initOnce, [0, 1_000, 2_000]);
    assert.deepEqual(
      report.invocations.map((invocation) => invocation.coldStart),
      [true, false, false],
    );
    assert.equal(report.environmentsCreated, 1);
  });

  it('starts a new environment (a cold start) after the idle period, and not before', () => {
    const justInside = simulateTraffic(initOnce, [0, MODEL_IDLE_RECLAIM_MS]);
    const justOutside = simulateTraffic(initOnce, [0, MODEL_IDLE_RECLAIM_MS + 1_000]);
    assert.equal(justInside.invocations[1].coldStart, false);
    assert.equal(justOutside.invocations[1].coldStart, true);
  });

  it('serves requests that arrive together from separate environments', () => {
    assert.equal(simulateTraffic(initOnce, [0, 0, 0]).environmentsCreated, 3);
  });

  it('runs init code once per environment, then only the handler', () => {
    const report = simulateTraffic(initOnce, [0, 5_000, 10_000]);
    assert.equal(report.clientsCreated, 1);
    assert.ok(report.invocations[0].latencyMs > report.invocations[1].latencyMs);
  });

  it('gives a request that arrives while the only environment is busy a new environment', () => {
    const report = simulateTraffic(initOnce, [0, 100, 10_000]);
    assert.deepEqual(
      report.invocations.map((invocation) => invocation.environment),
      [1, 2, 1],
    );
  });

  it('initialises provisioned environments before the first request, so none of them cold-starts', () => {
    const report = simulateTraffic(initOnce, [0, 0, 0], { provisionedConcurrency: 3 });
    assert.deepEqual(
      report.invocations.map((invocation) => invocation.coldStart),
      [false, false, false],
    );
    assert.equal(report.clientsCreated, 3);
    assert.ok(report.invocations.every((invocation) => invocation.latencyMs < 10));
  });

  it('keeps provisioned environments through an idle gap that reclaims on-demand ones', () => {
    const gap = MODEL_IDLE_RECLAIM_MS * 12;
    assert.equal(
      simulateTraffic(initOnce, [0, gap], { provisionedConcurrency: 1 }).invocations[1].coldStart,
      false,
    );
    assert.equal(simulateTraffic(initOnce, [0, gap]).invocations[1].coldStart, true);
  });

  it('cold-starts on-demand environments for requests beyond the provisioned ones', () => {
    const report = simulateTraffic(initOnce, [0, 0, 0], { provisionedConcurrency: 2 });
    assert.deepEqual(
      report.invocations.map((invocation) => invocation.coldStart),
      [false, false, true],
    );
  });
});

describe('the memory and CPU model', () => {
  it('gives one vCPU at 1,769 MB and grows in proportion to memory', () => {
    assert.equal(vcpusFor(MB_PER_VCPU), 1);
    assert.equal(vcpusFor(MB_PER_VCPU * 2), 2);
    assert.ok(vcpusFor(512) < vcpusFor(1024));
  });

  it('never gives more than 6 vCPUs, and rejects sizes outside 128–10,240 MB', () => {
    assert.ok(vcpusFor(10_240) <= MAX_VCPUS && vcpusFor(10_240) > MAX_VCPUS - 1);
    assert.throws(() => vcpusFor(64), /128–10240 MB/);
    assert.throws(() => vcpusFor(20_000), RangeError);
  });

  it('stops speeding up single-threaded work past one vCPU', () => {
    assert.equal(durationMs(WORKLOADS.cpuBound, 1_769), durationMs(WORKLOADS.cpuBound, 4_096));
    assert.ok(durationMs(WORKLOADS.cpuBound, 1_024) > durationMs(WORKLOADS.cpuBound, 1_769));
  });

  it('speeds multi-threaded work up until the vCPUs match its threads, then stops', () => {
    const threads = WORKLOADS.multiThreaded.threads;
    assert.ok(
      durationMs(WORKLOADS.multiThreaded, 4_096) >
        durationMs(WORKLOADS.multiThreaded, MB_PER_VCPU * threads),
    );
    assert.equal(
      durationMs(WORKLOADS.multiThreaded, MB_PER_VCPU * threads),
      durationMs(WORKLOADS.multiThreaded, 10_240),
    );
  });

  it('never shortens the time spent waiting on I/O', () => {
    assert.ok(durationMs(WORKLOADS.ioBound, 10_240) >= WORKLOADS.ioBound.waitMs);
  });

  it('charges memory × duration at the model price, plus the per-request charge', () => {
    assert.equal(costOf(1_024, 1_000), MODEL_PRICE_PER_GB_SECOND + MODEL_PRICE_PER_REQUEST);
    assert.equal(costOf(2_048, 500), costOf(1_024, 1_000));
  });

  it('makes a CPU-bound run about as cheap at 1,769 MB as at 512 MB, and dearer past it', () => {
    const at = (memoryMb: number) => costOf(memoryMb, durationMs(WORKLOADS.cpuBound, memoryMb));
    assert.ok(Math.abs(at(1_769) - at(512)) / at(512) < 0.02);
    assert.ok(at(2_048) > at(1_769));
  });

  it('fails (infinite duration) below the memory a workload needs', () => {
    assert.equal(durationMs(WORKLOADS.multiThreaded, 512), Infinity);
  });
});

const SLUG = 'lambda-tuning';
const solution = filesUnder(await readLabFolder(SLUG), 'solution');
const mistake = (file: string, from: string, to: string) =>
  withTextMistake(solution, file, from, to);

/** The answers the page's power-tuning chart shows: every workload × strategy, from the solution itself. */
const chartAnswers = Object.fromEntries(
  (Object.keys(WORKLOADS) as Array<keyof typeof WORKLOADS>).map((workload) => [
    sweep(WORKLOADS[workload])[0].durationMs,
    Object.fromEntries(
      (['cheapest', 'fastest', 'balanced'] as const).map((strategy) => [
        strategy,
        pickMemory(sweep(WORKLOADS[workload]), strategy),
      ]),
    ),
  ]),
);

const wrongSolutions: WrongSolution[] = [
  {
    name: 'rounds concurrency to the nearest whole number',
    caughtBy: 'concurrency.requests',
    files: mistake('concurrency.ts', 'Math.ceil(requestsPerSecond', 'Math.round(requestsPerSecond'),
  },
  {
    name: 'accepts a parallelization factor of 0',
    caughtBy: 'concurrency.stream-shards',
    files: mistake('concurrency.ts', 'parallelizationFactor < 1', 'parallelizationFactor < 0'),
  },
  {
    name: 'throttles at exactly the quota',
    caughtBy: 'concurrency.throttled',
    files: mistake('concurrency.ts', 'return required > limit;', 'return required >= limit;'),
  },
  {
    name: 'keeps the database client at the top of the file, shared by every environment',
    caughtBy: 'cold-start.init-once',
    files: withTextMistake(
      mistake(
        'cold-start.ts',
        '  const client = sdk.createDatabaseClient();\n',
        '  shared ??= sdk.createDatabaseClient();\n  const client = shared;\n',
      ),
      'cold-start.ts',
      'export function createFunction(',
      "let shared: ReturnType<FakeSdk['createDatabaseClient']> | undefined;\nexport function createFunction(",
    ),
  },
  {
    name: 'answers with the order id it was asked for, without reading the order',
    caughtBy: 'cold-start.steady-latency',
    files: mistake(
      'cold-start.ts',
      '    return client.getOrder(event.orderId);',
      "    return { orderId: event.orderId, status: client ? 'shipped' : 'unknown' };",
    ),
  },
  {
    name: 'breaks ties toward the larger memory size',
    caughtBy: 'memory.pick-cpu-bound',
    files: mistake('memory.ts', '|| a.memoryMb - b.memoryMb', '|| b.memoryMb - a.memoryMb'),
  },
  {
    name: 'scores balanced as cost + duration',
    caughtBy: 'memory.pick-io-bound',
    files: mistake(
      'memory.ts',
      ': measurement.cost * measurement.durationMs',
      ': measurement.cost + measurement.durationMs',
    ),
  },
  {
    name: 'needs strictly more capacity than the arrival rate',
    caughtBy: 'batch-size.smallest-that-keeps-up',
    files: mistake('batch-size.ts', 'capacity(batch) >= perShard', 'capacity(batch) > perShard'),
  },
  {
    name: 'rounds the shards needed to the nearest whole number',
    caughtBy: 'batch-size.reports-falling-behind',
    files: mistake('batch-size.ts', 'shardsNeeded: Math.ceil(', 'shardsNeeded: Math.round('),
  },
  {
    name: 'pings at the very end of the gap too',
    caughtBy: 'keep-warm.ping-schedule',
    files: mistake('keep-warm.ts', 'at < gapEndMs;', 'at <= gapEndMs;'),
  },
  {
    name: 'counts cold starts among the first requests instead of the burst',
    caughtBy: 'keep-warm.provisioned-beats-pings',
    files: mistake(
      'keep-warm.ts',
      'report.invocations.slice(-burst)',
      'report.invocations.slice(0, burst)',
    ),
  },
  {
    name: 'lookup table: the page’s concurrency examples, a plain product otherwise',
    caughtBy: 'concurrency.requests',
    files: mistake(
      'concurrency.ts',
      'return Math.ceil(requestsPerSecond * averageDurationSeconds);',
      `const seen: Record<string, number> = { '100,0.5': 50, '10,0.25': 3, '1000,2': 2000, '0,3': 0, '0.5,0.1': 1 };
  return seen[\`\${requestsPerSecond},\${averageDurationSeconds}\`] ?? Math.round(requestsPerSecond * averageDurationSeconds);`,
    ),
  },
  {
    name: 'lookup table: the quota edge from the hint, 1,000 always',
    caughtBy: 'concurrency.throttled',
    files: mistake('concurrency.ts', 'return required > limit;', 'return required > 1000;'),
  },
  {
    name: 'lookup table: the chart’s answers for the three workloads, the cheapest otherwise',
    caughtBy: 'memory.pick-cpu-bound',
    files: mistake(
      'memory.ts',
      'export function pickMemory(measurements: Measurement[], strategy: Strategy): number {',
      `const CHART: Record<number, Record<Strategy, number>> = ${JSON.stringify(chartAnswers)};
export function pickMemory(measurements: Measurement[], strategy: Strategy): number {
  const known = CHART[measurements[0]?.durationMs];
  if (known) return known[strategy];
  return [...measurements].sort((a, b) => a.cost - b.cost)[0].memoryMb;`,
    ),
  },
  {
    name: 'lookup table: the three warm-up comparisons the page works through, a guess otherwise',
    caughtBy: 'keep-warm.provisioned-beats-pings',
    files: mistake(
      'keep-warm.ts',
      '  const pings = pingTimes(0, gapMs);\n',
      `  const seen: Record<string, WarmUpComparison> = {
    '7200000,5': { pings: 23, coldStartsWithPings: 4, coldStartsWithProvisioned: 0 },
    '1800000,1': { pings: 5, coldStartsWithPings: 0, coldStartsWithProvisioned: 0 },
    '180000,3': { pings: 0, coldStartsWithPings: 2, coldStartsWithProvisioned: 0 },
  };
  return seen[\`\${gapMs},\${burst}\`] ?? { pings: Math.floor(gapMs / 300_000), coldStartsWithPings: burst - 1, coldStartsWithProvisioned: 0 };
`,
    ),
  },
  {
    name: 'a formula instead of the simulation: one warm environment, so burst − 1 cold starts, unless the last ping is still running',
    caughtBy: 'keep-warm.provisioned-beats-pings',
    files: mistake(
      'keep-warm.ts',
      '  const pings = pingTimes(0, gapMs);\n',
      `  const pings = pingTimes(0, gapMs);
  const lastPingRunning = pings.length > 0 && gapMs - pings[pings.length - 1] < 5;
  return { pings: pings.length, coldStartsWithPings: lastPingRunning ? burst : burst - 1, coldStartsWithProvisioned: 0 };
`,
    ),
  },
];

describeUnderManySeeds(lab);

describe('lambda-tuning checks', () => {
  for (const wrong of wrongSolutions) {
    it(`catch a solution that ${wrong.name}: ${wrong.caughtBy}`, () => assertCaught(SLUG, wrong));
  }
});
