/**
 * Time spent inside one function run. Handler code runs in an instant in the model; the services
 * it calls add their latency here, and the host reads the total to know when the run ends.
 */
export class InvocationMeter {
  #elapsedMs = 0;

  get elapsedMs(): number {
    return this.#elapsedMs;
  }

  spend(ms: number): void {
    this.#elapsedMs += ms;
  }

  reset(): void {
    this.#elapsedMs = 0;
  }
}
