/** The middle value of `values` (of an even count, the upper of the two middle ones), leaving `values` as it was. */
export const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
