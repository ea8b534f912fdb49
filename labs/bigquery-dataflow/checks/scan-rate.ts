import { drawCases, expectCases } from '../../kit/cases.ts';
import { expect } from '../../kit/expect.ts';
import { randomInt } from '../../kit/seeded-random.ts';
import type { Case, Check, LearnerModules } from '../../kit/types.ts';
import { MODEL_WORKER_BYTES_PER_SECOND, TALK_SCAN } from '../support/talk-figures.ts';

type ScanRate = typeof import('../solution/scan-rate.ts');
const FILE = 'scan-rate.ts';
const learnerFn = <K extends keyof ScanRate>(learner: LearnerModules, name: K) =>
  expect.fn<ScanRate[K]>(learner[FILE], name, FILE);

const PB = 1000 ** 5;
const PIB = 1024 ** 5;
const { seconds } = TALK_SCAN;

interface WorkerInput {
  bytes: number;
  time: number;
  perWorker: number;
}

/**
 * The page's worked example (the talk's 1 PB in 130 s) and 0 bytes; the edge of whole workers
 * (a scan that needs exactly k workers, and one byte per second more or less); and scans drawn
 * from the seed whose worker count has a fraction below one half, where round and floor say
 * one worker fewer than ceil.
 */
function workerCases(random: () => number): Array<Case<WorkerInput, number>> {
  const rate = MODEL_WORKER_BYTES_PER_SECOND;
  const answer = ({ bytes, time, perWorker }: WorkerInput) => Math.ceil(bytes / time / perWorker);
  const of = (input: WorkerInput, kind: Case<WorkerInput, number>['kind'], hint: number) => ({
    input,
    expected: answer(input),
    kind,
    hint,
  });
  const workers = randomInt(random, 2, 500);
  const time = randomInt(random, 1, 300);
  const exact = workers * time * rate;
  const drawn = drawCases(
    random,
    3,
    (draw) => ({
      bytes: randomInt(draw, 1, 10_000) * 1e9 + randomInt(draw, 1, 999) * 1e6,
      time: randomInt(draw, 10, 600),
      perWorker: rate,
    }),
    ({ bytes, time: seconds, perWorker }) => {
      const fraction = bytes / seconds / perWorker - Math.floor(bytes / seconds / perWorker);
      return fraction > 0.05 && fraction < 0.45;
    },
  );
  return [
    of({ bytes: PB, time: seconds, perWorker: rate }, 'example', 1),
    of({ bytes: 0, time: seconds, perWorker: rate }, 'example', 1),
    of({ bytes: exact - time, time, perWorker: rate }, 'boundary', 2),
    of({ bytes: exact, time, perWorker: rate }, 'boundary', 2),
    of({ bytes: exact + time, time, perWorker: rate }, 'boundary', 2),
    ...drawn.map((input) => of(input, 'generated', 2)),
  ];
}

export const scanRateChecks: Check[] = [
  {
    id: 'scan.units',
    exercise: 2,
    title: {
      en: 'Units are explicit: PB is 1000⁵ bytes, PiB is 1024⁵',
      ja: '単位をはっきりさせる: PB は 1000⁵ バイト、PiB は 1024⁵ バイト',
    },
    hints: [
      {
        en: 'Decimal prefixes (MB, GB, TB, PB) step by 1000; binary ones (MiB, GiB, TiB, PiB) by 1024.',
        ja: '10 進の接頭辞(MB・GB・TB・PB)は 1000 倍ずつ、2 進の接頭辞(MiB・GiB・TiB・PiB)は 1024 倍ずつ増えます。',
      },
      {
        en: "A unit you don’t know must not become a number: 'Pb' is a petabit, an eighth of a petabyte. Throw a RangeError.",
        ja: "知らない単位を数値にしてはいけません。'Pb' はペタビットで、ペタバイトの 8 分の 1 です。RangeError を投げましょう。",
      },
    ],
    run(learner, { random }) {
      const toBytes = learnerFn(learner, 'toBytes');
      const cases: Array<[number, string, number]> = [
        [1, 'PB', PB],
        [1, 'PiB', PIB],
        [1, 'TB', 1000 ** 4],
        [2, 'TiB', 2 * 1024 ** 4],
        [130, 'GB', 130e9],
        [0.5, 'GiB', 2 ** 29],
        [10, 'MiB', 10 * 2 ** 20],
        [3, 'MB', 3e6],
        ...(['MB', 'GB', 'TB', 'PB', 'MiB', 'GiB', 'TiB', 'PiB'] as const).map(
          (unit): [number, string, number] => {
            const amount = randomInt(random, 2, 999);
            const base = unit.includes('i') ? 1024 : 1000;
            const power = ['M', 'G', 'T', 'P'].indexOf(unit[0]) + 2;
            return [amount, unit, amount * base ** power];
          },
        ),
      ];
      for (const [amount, unit, bytes] of cases) {
        expect.equal(
          toBytes(amount, unit as never),
          bytes,
          { en: `toBytes(${amount}, '${unit}')`, ja: `toBytes(${amount}, '${unit}')` },
          { hint: 1 },
        );
      }
      for (const unit of ['Pb', 'pb', 'petabytes']) {
        expect.throws(
          () => toBytes(1, unit as never),
          {
            en: `toBytes(1, '${unit}') must reject the unit`,
            ja: `toBytes(1, '${unit}') は単位を拒否する必要があります`,
          },
          undefined,
          { hint: 2 },
        );
      }
    },
  },
  {
    id: 'scan.throughput',
    exercise: 2,
    title: {
      en: '“1 PB in 130 s” in bytes per second and in GB/s',
      ja: '「1 PB を 130 秒」をバイト/秒と GB/秒で表す',
    },
    hints: [
      {
        en: 'Bytes per second is bytes ÷ seconds; GB/s divides that by 10⁹, the bytes in a decimal gigabyte.',
        ja: 'バイト/秒はバイト数 ÷ 秒数です。GB/秒はそれを 10 進の 1 GB のバイト数 10⁹ で割ります。',
      },
      {
        en: 'Dividing by 2³⁰ gives GiB/s, about 7 % less: a different unit.',
        ja: '2³⁰ で割ると GiB/秒になり、約 7 % 小さくなります。別の単位です。',
      },
    ],
    run(learner, { random }) {
      const perSecond = learnerFn(learner, 'bytesPerSecond');
      const gigabytes = learnerFn(learner, 'gigabytesPerSecond');
      expect.closeTo(perSecond(PB, seconds), PB / seconds, 1, {
        en: `bytesPerSecond(1 PB, ${seconds})`,
        ja: `bytesPerSecond(1 PB, ${seconds})`,
      });
      expect.closeTo(gigabytes(PB, seconds), 1e6 / seconds, 1e-6, {
        en: `gigabytesPerSecond(1 PB, ${seconds})`,
        ja: `gigabytesPerSecond(1 PB, ${seconds})`,
      });
      expect.closeTo(gigabytes(PIB, seconds), PIB / seconds / 1e9, 1e-6, {
        en: `gigabytesPerSecond(1 PiB, ${seconds})`,
        ja: `gigabytesPerSecond(1 PiB, ${seconds})`,
      });
      expect.closeTo(gigabytes(1e12, 1), 1000, 1e-9, {
        en: 'gigabytesPerSecond(1 TB, 1)',
        ja: 'gigabytesPerSecond(1 TB, 1)',
      });
      const bytes = randomInt(random, 1, 900) * 2 ** 30;
      const time = randomInt(random, 1, 600);
      expect.closeTo(
        gigabytes(bytes, time),
        bytes / time / 1e9,
        1e-9 * (bytes / time / 1e9),
        {
          en: `gigabytesPerSecond(${bytes}, ${time})`,
          ja: `gigabytesPerSecond(${bytes}, ${time})`,
        },
        { hint: 2 },
      );
    },
  },
  {
    id: 'scan.workers',
    exercise: 2,
    title: {
      en: 'How many workers the figure implies, in whole workers',
      ja: 'その数字に必要なワーカー数を、整数の台数で求める',
    },
    hints: [
      {
        en: 'Workers = the scan’s bytes per second ÷ what one worker scans per second.',
        ja: 'ワーカー数 = スキャン全体のバイト/秒 ÷ 1 台が 1 秒にスキャンするバイト数です。',
      },
      {
        en: 'A fraction of a worker is still a machine to run: round up, but never add one when it divides exactly.',
        ja: '端数のワーカーも 1 台の機械です。切り上げますが、割り切れるときに 1 台足してはいけません。',
      },
    ],
    run(learner, { random }) {
      const workersNeeded = learnerFn(learner, 'workersNeeded');
      return expectCases(workerCases(random), {
        call: ({ bytes, time, perWorker }) => workersNeeded(bytes, time, perWorker),
        what: ({ bytes, time, perWorker }) => ({
          en: `workersNeeded(${bytes}, ${time}, ${perWorker})`,
          ja: `workersNeeded(${bytes}, ${time}, ${perWorker})`,
        }),
      });
    },
  },
];
