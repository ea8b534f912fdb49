import type { Lab } from '../kit/types.ts';
import { batchSizeChecks } from './checks/batch-size.ts';
import { coldStartChecks } from './checks/cold-start.ts';
import { concurrencyChecks } from './checks/concurrency.ts';
import { keepWarmChecks } from './checks/keep-warm.ts';
import { memoryChecks } from './checks/memory.ts';

export const lab: Lab = {
  slug: 'lambda-tuning',
  title: { en: 'Tune Up AWS Lambda', ja: 'AWS Lambda をチューニングする' },
  exercises: [
    {
      number: 1,
      file: 'concurrency.ts',
      minutes: 8,
      title: { en: 'How much concurrency?', ja: '同時実行数はいくつ必要か' },
    },
    {
      number: 2,
      file: 'cold-start.ts',
      minutes: 8,
      title: { en: 'Cold starts and global scope', ja: 'コールドスタートとグローバルスコープ' },
    },
    {
      number: 3,
      file: 'memory.ts',
      minutes: 12,
      title: { en: 'Find the best memory size', ja: '最適なメモリサイズを見つける' },
    },
    {
      number: 4,
      file: 'batch-size.ts',
      minutes: 10,
      title: { en: 'Batch size for a stream', ja: 'ストリームのバッチサイズ' },
    },
    {
      number: 5,
      file: 'keep-warm.ts',
      minutes: 8,
      optional: true,
      title: {
        en: 'Keep it warm, from 2017’s pings to Provisioned Concurrency',
        ja: 'ウォームに保つ — 2017 年の ping からプロビジョニングされた同時実行へ',
      },
    },
  ],
  checks: [
    ...concurrencyChecks,
    ...coldStartChecks,
    ...memoryChecks,
    ...batchSizeChecks,
    ...keepWarmChecks,
  ],
};
