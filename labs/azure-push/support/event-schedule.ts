/** Things due at a virtual time, taken earliest first (ties in the order they were scheduled). */
export class EventSchedule<T> {
  readonly #heap: Array<{ at: number; order: number; item: T }> = [];
  #scheduled = 0;

  get size(): number {
    return this.#heap.length;
  }

  /** When the next item is due, or undefined if nothing is scheduled. */
  peekTime(): number | undefined {
    return this.#heap[0]?.at;
  }

  schedule(at: number, item: T): void {
    const heap = this.#heap;
    heap.push({ at, order: this.#scheduled++, item });
    let index = heap.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!this.#before(index, parent)) break;
      [heap[index], heap[parent]] = [heap[parent], heap[index]];
      index = parent;
    }
  }

  /** Removes and returns the earliest item. */
  take(): { at: number; item: T } | undefined {
    const heap = this.#heap;
    const first = heap[0];
    if (!first) return undefined;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let index = 0;
      for (;;) {
        const left = index * 2 + 1;
        const right = left + 1;
        let smallest = index;
        if (left < heap.length && this.#before(left, smallest)) smallest = left;
        if (right < heap.length && this.#before(right, smallest)) smallest = right;
        if (smallest === index) break;
        [heap[index], heap[smallest]] = [heap[smallest], heap[index]];
        index = smallest;
      }
    }
    return { at: first.at, item: first.item };
  }

  #before(a: number, b: number): boolean {
    const x = this.#heap[a];
    const y = this.#heap[b];
    return x.at < y.at || (x.at === y.at && x.order < y.order);
  }
}
