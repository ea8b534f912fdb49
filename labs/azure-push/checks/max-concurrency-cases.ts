import { around, drawCases } from '../../kit/cases.ts';
import { randomInt } from '../../kit/seeded-random.ts';
import type { Case } from '../../kit/types.ts';
import { FUNCTIONS_MAX_BATCH_SIZE } from '../support/limits.ts';
import type { HostSettings } from '../support/functions-host.ts';

/** What a call that must throw is expected to name in its error: the field host.json refuses. */
export class Refused {
  readonly message: string;

  constructor(message: string) {
    this.message = message;
  }
}

type MaxConcurrencyCase = Case<HostSettings, number | Refused>;

const formula = ({ batchSize, newBatchThreshold, instances }: HostSettings) =>
  instances * (batchSize + newBatchThreshold);

/**
 * The docs' two worked examples; each edge host.json draws (batchSize 1 and 32, newBatchThreshold
 * 0, one instance) with the values just past it; and settings drawn from the run's seed where the
 * common wrong formulas (instances left out, or applied to one term only) give other answers.
 */
export function maxConcurrencyCases(random: () => number): MaxConcurrencyCase[] {
  const example = (settings: HostSettings): MaxConcurrencyCase => ({
    input: settings,
    expected: formula(settings),
    kind: 'example',
    hint: 1,
  });
  const edge = (settings: HostSettings, field: keyof HostSettings, valid: boolean) => ({
    input: settings,
    expected: valid ? formula(settings) : new Refused(field),
    kind: 'boundary' as const,
    hint: 2,
  });
  const base = { batchSize: 16, newBatchThreshold: 8, instances: 1 };
  const [belowOne, one, aboveOne] = around(1);
  const [belowMax, max, aboveMax] = around(FUNCTIONS_MAX_BATCH_SIZE);
  const generated = drawCases(
    random,
    4,
    (draw) => ({
      batchSize: randomInt(draw, 2, FUNCTIONS_MAX_BATCH_SIZE),
      newBatchThreshold: randomInt(draw, 1, 40),
      instances: randomInt(draw, 2, 6),
    }),
    (settings) => settings.newBatchThreshold !== settings.batchSize,
  ).map((input) => ({ input, expected: formula(input), kind: 'generated' as const, hint: 1 }));
  return [
    example({ batchSize: 16, newBatchThreshold: 8, instances: 1 }),
    example({ batchSize: 16, newBatchThreshold: 8, instances: 3 }),
    ...generated,
    edge({ ...base, batchSize: belowOne }, 'batchSize', false),
    edge({ ...base, batchSize: one, newBatchThreshold: 0 }, 'batchSize', true),
    edge({ ...base, batchSize: aboveOne }, 'batchSize', true),
    edge({ ...base, batchSize: belowMax }, 'batchSize', true),
    edge({ ...base, batchSize: max }, 'batchSize', true),
    edge({ ...base, batchSize: aboveMax }, 'batchSize', false),
    edge({ ...base, newBatchThreshold: -1 }, 'newBatchThreshold', false),
    edge({ ...base, instances: 0 }, 'instances', false),
  ];
}
