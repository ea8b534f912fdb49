import type { Lab } from '../kit/types.ts';
import { concurrencyChecks } from './checks/concurrency.ts';

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
  ],
  checks: [...concurrencyChecks],
};
