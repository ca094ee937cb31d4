/**
 * An append-only list that forgets its oldest items past a capacity. A ring buffer, so that
 * appending stays O(1) under benchmark load instead of paying Array#shift on every request.
 */
export class BoundedList<T> {
  private readonly items: (T | undefined)[] = [];
  private start = 0;
  private size = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
    }
  }

  get length(): number {
    return this.size;
  }

  push(item: T): void {
    if (this.size < this.capacity) {
      this.items[(this.start + this.size) % this.capacity] = item;
      this.size += 1;
      return;
    }
    this.items[this.start] = item;
    this.start = (this.start + 1) % this.capacity;
  }

  /** Oldest first. O(n): meant for introspection, not for the request path. */
  toArray(): T[] {
    const out: T[] = new Array<T>(this.size);
    for (let i = 0; i < this.size; i += 1) {
      out[i] = this.items[(this.start + i) % this.capacity] as T;
    }
    return out;
  }

  clear(): void {
    this.items.length = 0;
    this.start = 0;
    this.size = 0;
  }
}
