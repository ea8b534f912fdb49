import type { Lab } from '../kit/types.ts';
import { batchesChecks } from './checks/batches.ts';
import { formatsChecks } from './checks/formats.ts';
import { handlerChecks } from './checks/handler.ts';
import { peakChecks } from './checks/peak.ts';
import { warmUpPeakMinute } from './warm-up.ts';

export const lab: Lab = {
  slug: 'azure-push',
  title: { en: 'Serverless Push Notifications on Azure', ja: 'Azure でサーバーレスなプッシュ通知' },
  exercises: [
    {
      number: 1,
      file: 'batches.ts',
      minutes: 10,
      title: { en: 'Send from on-premises', ja: 'オンプレミスから送る' },
    },
    {
      number: 2,
      file: 'formats.ts',
      minutes: 10,
      title: { en: 'Format for each platform', ja: 'プラットフォームごとに整形する' },
    },
    {
      number: 3,
      file: 'handler.ts',
      minutes: 15,
      title: { en: 'The queue-triggered function', ja: 'キュートリガーの関数' },
    },
    {
      number: 4,
      file: 'peak.ts',
      minutes: 10,
      title: { en: 'Survive the peak', ja: 'ピークを乗り切る' },
    },
  ],
  checks: [...batchesChecks, ...formatsChecks, ...handlerChecks, ...peakChecks],
  warmUp: warmUpPeakMinute,
};
