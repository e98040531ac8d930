// Binary min-heap of (key, node) pairs on typed arrays, with lazy deletion left
// to the caller (push duplicates, skip stale pops). Ties break on the smaller
// node index so Dijkstra-based kernels are deterministic.

export class MinHeap {
  private keys: Float64Array;
  private nodes: Int32Array;
  size = 0;
  /** Key of the last popped element. */
  lastKey = 0;

  constructor(capacity = 1024) {
    this.keys = new Float64Array(Math.max(16, capacity));
    this.nodes = new Int32Array(Math.max(16, capacity));
  }

  clear(): void {
    this.size = 0;
  }

  private less(a: number, b: number): boolean {
    const ka = this.keys[a];
    const kb = this.keys[b];
    return ka < kb || (ka === kb && this.nodes[a] < this.nodes[b]);
  }

  push(key: number, node: number): void {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(this.keys.length * 2);
      keys.set(this.keys);
      const nodes = new Int32Array(this.nodes.length * 2);
      nodes.set(this.nodes);
      this.keys = keys;
      this.nodes = nodes;
    }
    let i = this.size++;
    this.keys[i] = key;
    this.nodes[i] = node;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  /** Removes and returns the node with the smallest key (its key is in `lastKey`). */
  pop(): number {
    const node = this.nodes[0];
    this.lastKey = this.keys[0];
    const last = --this.size;
    if (last > 0) {
      this.keys[0] = this.keys[last];
      this.nodes[0] = this.nodes[last];
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= last) break;
        const r = l + 1;
        const c = r < last && this.less(r, l) ? r : l;
        if (!this.less(c, i)) break;
        this.swap(i, c);
        i = c;
      }
    }
    return node;
  }

  private swap(a: number, b: number): void {
    const k = this.keys[a];
    this.keys[a] = this.keys[b];
    this.keys[b] = k;
    const n = this.nodes[a];
    this.nodes[a] = this.nodes[b];
    this.nodes[b] = n;
  }
}
