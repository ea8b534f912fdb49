import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
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
