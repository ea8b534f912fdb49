import type { Lab } from '../kit/types.ts';
import { autocompleteChecks } from './checks/autocomplete.ts';
import { payForWhatYouReadChecks } from './checks/pay-for-what-you-read.ts';
import { scanRateChecks } from './checks/scan-rate.ts';
import { windowedCountsChecks } from './checks/windowed-counts.ts';
import { warmUpQueries } from './warm-up.ts';

export const lab: Lab = {
  slug: 'bigquery-dataflow',
  title: { en: 'Data processing on Google Cloud', ja: 'Google Cloud のデータ処理' },
  exercises: [
    {
      number: 1,
      file: 'pay-for-what-you-read.ts',
      minutes: 12,
      title: { en: 'Pay for what you read', ja: '読んだ分だけ払う' },
    },
    {
      number: 2,
      file: 'scan-rate.ts',
      minutes: 8,
      title: { en: 'How fast is “1 PB in 130 s”?', ja: '「1 PB を 130 秒」はどれほど速いか' },
    },
    {
      number: 3,
      file: 'autocomplete.ts',
      minutes: 15,
      title: { en: 'AutoComplete, the Dataflow way', ja: 'Dataflow 流のオートコンプリート' },
    },
    {
      number: 4,
      file: 'windowed-counts.ts',
      minutes: 10,
      title: {
        en: 'Batch and stream, one pipeline',
        ja: 'バッチとストリームを 1 つのパイプラインで',
      },
    },
  ],
  checks: [
    ...payForWhatYouReadChecks,
    ...scanRateChecks,
    ...autocompleteChecks,
    ...windowedCountsChecks,
  ],
  supportPackages: ['sql.js', 'node-sql-parser'],
  warmUp: warmUpQueries,
};
