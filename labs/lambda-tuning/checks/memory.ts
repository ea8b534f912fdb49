import { expect } from '../../kit/expect.ts';
import type { Check, LearnerModules } from '../../kit/types.ts';
import { MEMORY_SIZES_MB, WORKLOADS, costOf, durationMs } from '../support/power-model.ts';

type Memory = typeof import('../solution/memory.ts');
const FILE = 'memory.ts';
const learnerFn = <K extends keyof Memory>(learner: LearnerModules, name: K) =>
  expect.fn<Memory[K]>(learner[FILE], name, FILE);

/** The expected answer, worked out from the model itself rather than written down. */
function expectedPick(
  workload: keyof typeof WORKLOADS,
  strategy: 'cheapest' | 'fastest' | 'balanced',
) {
  const rows = MEMORY_SIZES_MB.map((memoryMb) => {
    const duration = durationMs(WORKLOADS[workload], memoryMb);
    return { memoryMb, duration, cost: costOf(memoryMb, duration) };
  });
  const score = (row: (typeof rows)[number]) =>
    strategy === 'cheapest'
      ? row.cost
      : strategy === 'fastest'
        ? row.duration
        : row.cost * row.duration;
  return [...rows].sort((a, b) => score(a) - score(b) || a.memoryMb - b.memoryMb)[0].memoryMb;
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
    run(learner) {
      const sweep = learnerFn(learner, 'sweep');
      const sizes = [2048, 512, 1024];
      const rows = sweep(WORKLOADS.cpuBound, sizes);
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
    run(learner) {
      const sweep = learnerFn(learner, 'sweep');
      const pickMemory = learnerFn(learner, 'pickMemory');
      const rows = sweep(WORKLOADS[workload]);
      for (const strategy of ['cheapest', 'fastest', 'balanced'] as const) {
        expect.equal(pickMemory(rows, strategy), expectedPick(workload, strategy), {
          en: `pickMemory(sweep(${workload}), '${strategy}')`,
          ja: `pickMemory(sweep(${workload}), '${strategy}')`,
        });
      }
    },
  })),
];
