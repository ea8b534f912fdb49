import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  MODEL_IDLE_RECLAIM_MS,
  simulateTraffic,
  type CreateFunction,
} from '../../../labs/lambda-tuning/support/execution-environments.ts';
import { MAX_VCPUS, MB_PER_VCPU, WORKLOADS, durationMs, vcpusFor } from '../../../labs/lambda-tuning/support/power-model.ts';

const initOnce: CreateFunction = (sdk) => {
  const client = sdk.createDatabaseClient();
  return (event) => client.getOrder(event.orderId);
};

describe('the execution environment model', () => {
  it('reuses a warm environment for the next request', () => {
    const report = simulateTraffic(initOnce, [0, 1_000, 2_000]);
    assert.deepEqual(report.invocations.map((invocation) => invocation.coldStart), [true, false, false]);
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
});

describe('the memory and CPU model', () => {
  it('gives one vCPU at 1,769 MB and grows in proportion to memory', () => {
    assert.equal(vcpusFor(MB_PER_VCPU), 1);
    assert.equal(vcpusFor(MB_PER_VCPU * 2), 2);
    assert.ok(vcpusFor(512) < vcpusFor(1024));
  });

  it('never gives more than 6 vCPUs, and rejects sizes outside 128–10,240 MB', () => {
    assert.ok(vcpusFor(10_240) <= MAX_VCPUS);
    assert.throws(() => vcpusFor(64), /128–10240 MB/);
    assert.throws(() => vcpusFor(20_000), RangeError);
  });

  it('stops speeding up single-threaded work past one vCPU', () => {
    assert.equal(durationMs(WORKLOADS.cpuBound, 1_769), durationMs(WORKLOADS.cpuBound, 4_096));
    assert.ok(durationMs(WORKLOADS.cpuBound, 1_024) > durationMs(WORKLOADS.cpuBound, 1_769));
  });

  it('fails (infinite duration) below the memory a workload needs', () => {
    assert.equal(durationMs(WORKLOADS.multiThreaded, 512), Infinity);
  });
});
