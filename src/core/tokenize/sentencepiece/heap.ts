/** A growable binary min-heap of numeric keys (float64), for the merge agenda. */
export class KeyHeap {
  private keys = new Float64Array(1024);
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Empties the heap, keeping its storage. */
  clear(): void {
    this.count = 0;
  }

  /** Adds a key without restoring heap order; call heapify() before the next pop or push. */
  append(key: number): void {
    if (this.count === this.keys.length) this.grow();
    this.keys[this.count++] = key;
  }

  /** Restores heap order after append() calls, in linear time. */
  heapify(): void {
    for (let i = (this.count >> 1) - 1; i >= 0; i--) this.siftDown(i, this.keys[i]);
  }

  /** Adds a key. */
  push(key: number): void {
    if (this.count === this.keys.length) this.grow();
    const keys = this.keys;
    let i = this.count++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = keys[parent];
      if (p <= key) break;
      keys[i] = p;
      i = parent;
    }
    keys[i] = key;
  }

  /** Removes and returns the smallest key; the heap must not be empty. */
  pop(): number {
    const top = this.keys[0];
    const last = this.keys[--this.count];
    if (this.count > 0) this.siftDown(0, last);
    return top;
  }

  private siftDown(from: number, key: number): void {
    const keys = this.keys;
    const n = this.count;
    let i = from;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && keys[child + 1] < keys[child]) child++;
      if (keys[child] >= key) break;
      keys[i] = keys[child];
      i = child;
    }
    keys[i] = key;
  }

  private grow(): void {
    const grown = new Float64Array(this.keys.length * 2);
    grown.set(this.keys);
    this.keys = grown;
  }
}
