import { expect } from '../../kit/expect.ts';
import type { Check, LearnerModules } from '../../kit/types.ts';
import { GB, PB, PiB, TB } from '../support/units.ts';

type ScanRate = typeof import('../solution/scan-rate.ts');
const FILE = 'scan-rate.ts';
const learnerFn = <K extends keyof ScanRate>(learner: LearnerModules, name: K) => expect.fn<ScanRate[K]>(learner[FILE], name, FILE);

export const scanRateChecks: Check[] = [
  {
    id: 'scan.throughput',
    exercise: 2,
    title: { en: '"1 PB in 130 s" as gigabytes per second, in the right units', ja: '「1 PB を 130 秒」を正しい単位で GB/秒に直す' },
    hints: [
      { en: 'Bytes per second first, then divide by the bytes in a (decimal) gigabyte.', ja: 'まずバイト/秒を求め、(10 進の)1 GB のバイト数で割ります。' },
      { en: '1 PB = 10¹⁵ bytes = 10⁶ GB; 1 PiB is 1024⁵ bytes, about 12.6 % more.', ja: '1 PB = 10¹⁵ バイト = 10⁶ GB です。1 PiB は 1024⁵ バイトで、約 12.6 % 多くなります。' },
    ],
    run(learner) {
      const throughput = learnerFn(learner, 'throughputGBps');
      expect.closeTo(throughput(PB, 130), 1e6 / 130, 1e-6, { en: 'throughputGBps(1 PB, 130 s)', ja: 'throughputGBps(1 PB, 130 秒)' });
      expect.closeTo(throughput(PiB, 130), PiB / 130 / GB, 1e-6, { en: 'throughputGBps(1 PiB, 130 s)', ja: 'throughputGBps(1 PiB, 130 秒)' });
      expect.closeTo(throughput(TB, 1), 1_000, 1e-9, { en: 'throughputGBps(1 TB, 1 s)', ja: 'throughputGBps(1 TB, 1 秒)' });
    },
  },
  {
    id: 'scan.workers',
    exercise: 2,
    title: { en: 'How many workers the figure implies, rounded up to whole workers', ja: 'その数字に必要なワーカー数を、整数に切り上げて求める' },
    hints: [{ en: 'Total bytes per second ÷ what one worker scans per second; a fraction of a worker is still a worker.', ja: '全体のバイト/秒 ÷ 1 ワーカーのバイト/秒。端数のワーカーも 1 台として数えます。' }],
    run(learner) {
      const workers = learnerFn(learner, 'workersNeeded');
      const cases: Array<[number, number, number, number]> = [
        [PB, 130, 100e6, Math.ceil(PB / 130 / 100e6)],
        [PB, 130, 1e9, Math.ceil(PB / 130 / 1e9)],
        [TB, 10, 100e9, 1],
        [PiB, 130, 250e6, Math.ceil(PiB / 130 / 250e6)],
      ];
      for (const [bytes, seconds, perWorker, expected] of cases) {
        expect.equal(workers(bytes, seconds, perWorker), expected, {
          en: `workersNeeded(${bytes}, ${seconds}, ${perWorker})`,
          ja: `workersNeeded(${bytes}, ${seconds}, ${perWorker})`,
        });
      }
    },
  },
];
