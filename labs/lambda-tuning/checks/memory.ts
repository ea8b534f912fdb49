import { expectCases } from '../../kit/cases.ts';
import { expect } from '../../kit/expect.ts';
import { randomInt } from '../../kit/seeded-random.ts';
import type { Case, Check, LearnerModules } from '../../kit/types.ts';
import {
  MEMORY_SIZES_MB,
  WORKLOADS,
  costOf,
  durationMs,
  type Workload,
} from '../support/power-model.ts';

type Memory = typeof import('../solution/memory.ts');
const FILE = 'memory.ts';
const learnerFn = <K extends keyof Memory>(learner: LearnerModules, name: K) =>
  expect.fn<Memory[K]>(learner[FILE], name, FILE);

type Strategy = 'cheapest' | 'fastest' | 'balanced';
type Measurement = ReturnType<Memory['sweep']>[number];
const STRATEGIES: Strategy[] = ['cheapest', 'fastest', 'balanced'];

const scoreOf = (row: Measurement, strategy: Strategy) =>
  strategy === 'cheapest'
    ? row.cost
    : strategy === 'fastest'
      ? row.durationMs
      : row.cost * row.durationMs;

/** The expected answer, worked out from the model itself rather than written down. */
function expectedPick(rows: Measurement[], strategy: Strategy) {
  return [...rows].sort(
    (a, b) => scoreOf(a, strategy) - scoreOf(b, strategy) || a.memoryMb - b.memoryMb,
  )[0].memoryMb;
}

const measure = (workload: Workload, memoryMb: number): Measurement => {
  const duration = durationMs(workload, memoryMb);
  return { memoryMb, durationMs: duration, cost: costOf(memoryMb, duration) };
};

/** A workload of the same kind as `base`, its figures drawn from the seed, so the chart's answers do not carry over. */
function workloadLike(base: Workload, random: () => number): Workload {
  const scale = (value: number) => Math.round(value * (0.5 + random() * 1.5));
  return {
    name: base.name,
    cpuMs: scale(base.cpuMs),
    waitMs: scale(base.waitMs),
    threads: base.threads === 1 ? 1 : randomInt(random, 2, 6),
    minMemoryMb: MEMORY_SIZES_MB[randomInt(random, 0, MEMORY_SIZES_MB.indexOf(base.minMemoryMb))],
  };
}

function shuffled<T>(items: T[], random: () => number): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = randomInt(random, 0, index);
    [copy[index], copy[other]] = [copy[other], copy[index]];
  }
  return copy;
}

/**
 * The edge of "lowest score, smaller size on a tie": a larger size that ties the best score
 * loses, and one just below it wins. Scores are set through duration (cost and balanced move with it).
 */
function tieTables(random: () => number): Array<Case<[Measurement[], Strategy], number>> {
  const small = 512 + randomInt(random, 0, 8) * 64;
  const large = small * 2;
  const row = (memoryMb: number, durationMs: number, cost: number): Measurement => ({
    memoryMb,
    durationMs,
    cost,
  });
  const duration = randomInt(random, 200, 900);
  const cost = randomInt(random, 2, 90) / 1000;
  return STRATEGIES.flatMap((strategy): Array<Case<[Measurement[], Strategy], number>> => {
    const tied = [
      row(large, duration, cost),
      row(small, duration, cost),
      row(small / 2, duration + 1, cost + 0.001),
    ];
    const justBelow = [
      row(small, duration, cost),
      row(large, duration - 1, cost - 0.0005),
      row(small / 2, duration + 1, cost + 0.001),
    ];
    return [
      { input: [shuffled(tied, random), strategy], expected: small, kind: 'boundary', hint: 2 },
      {
        input: [shuffled(justBelow, random), strategy],
        expected: large,
        kind: 'boundary',
        hint: 2,
      },
    ];
  });
}

export const memoryChecks: Check[] = [
  {
    id: 'memory.sweep',
    exercise: 3,
    title: {
      en: 'The sweep measures every size, smallest first, with its duration and cost',
      ja: 'スイープは全サイズを小さい順に測り、処理時間とコストを記録する',
    },
    hints: [
      {
        en: 'One entry per memory size, in ascending order of memory.',
        ja: 'メモリサイズごとに 1 件、メモリの小さい順に並べます。',
      },
      {
        en: 'durationMs(workload, memoryMb) gives the time; costOf(memoryMb, duration) the cost.',
        ja: '時間は durationMs(workload, memoryMb)、コストは costOf(memoryMb, duration) で求められます。',
      },
    ],
    run(learner, { random }) {
      const sweep = learnerFn(learner, 'sweep');
      const workload = workloadLike(WORKLOADS.multiThreaded, random);
      const sizes = shuffled(MEMORY_SIZES_MB, random).slice(0, randomInt(random, 3, 7));
      const generated = sweep(workload, [...sizes]);
      expect.deepEqual(
        generated,
        [...sizes].sort((a, b) => a - b).map((memoryMb) => measure(workload, memoryMb)),
        {
          en: `sweep of a workload drawn from the seed (${JSON.stringify(workload)}) over sizes [${sizes.join(', ')}]`,
          ja: `シードから作ったワークロード(${JSON.stringify(workload)})をサイズ [${sizes.join(', ')}] でスイープした結果`,
        },
        { hint: 2 },
      );
      const sizesShown = [2048, 512, 1024];
      const rows = sweep(WORKLOADS.cpuBound, sizesShown);
      expect.deepEqual(
        rows.map((row) => row.memoryMb),
        [512, 1024, 2048],
        {
          en: 'sizes in sweep(cpuBound, [2048, 512, 1024])',
          ja: 'sweep(cpuBound, [2048, 512, 1024]) のサイズ',
        },
      );
      for (const row of rows) {
        const duration = durationMs(WORKLOADS.cpuBound, row.memoryMb);
        expect.equal(row.durationMs, duration, {
          en: `duration at ${row.memoryMb} MB`,
          ja: `${row.memoryMb} MB での処理時間`,
        });
        expect.closeTo(row.cost, costOf(row.memoryMb, duration), 1e-12, {
          en: `cost at ${row.memoryMb} MB`,
          ja: `${row.memoryMb} MB でのコスト`,
        });
      }
    },
  },
  ...(['cpuBound', 'ioBound', 'multiThreaded'] as const).map((workload): Check => ({
    id: `memory.pick-${workload.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`,
    exercise: 3,
    title: {
      en: `Picks the right size for the ${WORKLOADS[workload].name.en} workload: cheapest, fastest and balanced`,
      ja: `${WORKLOADS[workload].name.ja}のワークロードに合うサイズを選ぶ(最安・最速・バランス)`,
    },
    hints: [
      {
        en: 'More memory means more CPU, until the work cannot use more CPU: past that point it only costs more.',
        ja: 'メモリを増やすと CPU も増えますが、処理がそれ以上 CPU を使えなくなると、コストが増えるだけです。',
      },
      {
        en: 'For each strategy compute one score per measurement and keep the lowest; on a tie keep the smaller memory.',
        ja: '戦略ごとに各測定値のスコアを計算し、最小のものを選びます。同点ならメモリの小さい方です。',
      },
    ],
    run(learner, { random }) {
      const sweep = learnerFn(learner, 'sweep');
      const pickMemory = learnerFn(learner, 'pickMemory');
      const chartRows = MEMORY_SIZES_MB.map((memoryMb) => measure(WORKLOADS[workload], memoryMb));
      const drawn = workloadLike(WORKLOADS[workload], random);
      const drawnRows = MEMORY_SIZES_MB.map((memoryMb) => measure(drawn, memoryMb));
      const learnerRows = sweep(WORKLOADS[workload]);
      const cases: Array<Case<[Measurement[], Strategy], number>> = [
        ...STRATEGIES.map((strategy): Case<[Measurement[], Strategy], number> => ({
          input: [learnerRows, strategy],
          expected: expectedPick(chartRows, strategy),
          kind: 'example',
        })),
        ...STRATEGIES.map((strategy): Case<[Measurement[], Strategy], number> => ({
          input: [shuffled(drawnRows, random), strategy],
          expected: expectedPick(drawnRows, strategy),
          kind: 'generated',
          hint: 2,
        })),
        ...tieTables(random),
      ];
      return expectCases(cases, {
        call: ([rows, strategy]) => pickMemory(rows, strategy),
        what: ([rows, strategy]) => {
          const table =
            rows === learnerRows
              ? `sweep(${workload})`
              : JSON.stringify(rows.map((row) => [row.memoryMb, row.durationMs, row.cost]));
          return {
            en: `pickMemory(${table}, '${strategy}')`,
            ja: `pickMemory(${table}, '${strategy}')`,
          };
        },
      });
    },
  })),
];
