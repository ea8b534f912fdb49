import { expect } from '../../kit/expect.ts';
import type { Check, LearnerModules } from '../../kit/types.ts';
import { MODEL_WORKER_BYTES_PER_SECOND, TALK_SCAN } from '../support/talk-figures.ts';

type ScanRate = typeof import('../solution/scan-rate.ts');
const FILE = 'scan-rate.ts';
const learnerFn = <K extends keyof ScanRate>(learner: LearnerModules, name: K) =>
  expect.fn<ScanRate[K]>(learner[FILE], name, FILE);

const PB = 1000 ** 5;
const PIB = 1024 ** 5;
const { seconds } = TALK_SCAN;

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
        en: "A unit you don't know must not become a number: 'Pb' is a petabit, an eighth of a petabyte. Throw a RangeError.",
        ja: "知らない単位を数値にしてはいけません。'Pb' はペタビットで、ペタバイトの 8 分の 1 です。RangeError を投げましょう。",
      },
    ],
    run(learner) {
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
      ];
      for (const [amount, unit, bytes] of cases) {
        expect.equal(toBytes(amount, unit as never), bytes, {
          en: `toBytes(${amount}, '${unit}')`,
          ja: `toBytes(${amount}, '${unit}')`,
        });
      }
      for (const unit of ['Pb', 'pb', 'petabytes']) {
        expect.throws(() => toBytes(1, unit as never), {
          en: `toBytes(1, '${unit}') must reject the unit`,
          ja: `toBytes(1, '${unit}') は単位を拒否する必要があります`,
        });
      }
    },
  },
  {
    id: 'scan.throughput',
    exercise: 2,
    title: {
      en: '"1 PB in 130 s" in bytes per second and in GB/s',
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
    run(learner) {
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
        en: "Workers = the scan's bytes per second ÷ what one worker scans per second.",
        ja: 'ワーカー数 = スキャン全体のバイト/秒 ÷ 1 台が 1 秒にスキャンするバイト数です。',
      },
      {
        en: 'A fraction of a worker is still a machine to run: round up, but never add one when it divides exactly.',
        ja: '端数のワーカーも 1 台の機械です。切り上げますが、割り切れるときに 1 台足してはいけません。',
      },
    ],
    run(learner) {
      const workersNeeded = learnerFn(learner, 'workersNeeded');
      const rate = MODEL_WORKER_BYTES_PER_SECOND;
      const cases: Array<[number, number, number, number, string]> = [
        [PB, seconds, rate, Math.ceil(PB / seconds / rate), '1 PB'],
        [PIB, seconds, rate, Math.ceil(PIB / seconds / rate), '1 PiB'],
        [1e12, 10, 1e11, 1, '1 TB'],
        [1e12, 10, 3e10, 4, '1 TB'],
        [0, seconds, rate, 0, '0 bytes'],
      ];
      for (const [bytes, time, perWorker, expected, label] of cases) {
        expect.equal(workersNeeded(bytes, time, perWorker), expected, {
          en: `workersNeeded(${label}, ${time} s, ${perWorker / 1e6} MB/s per worker)`,
          ja: `workersNeeded(${label}, ${time} 秒, 1 台あたり ${perWorker / 1e6} MB/秒)`,
        });
      }
    },
  },
];
