/**
 * Pending reminders ordered by due time: a binary min-heap plus an id → position index. The
 * scheduler ticks every few seconds; with 100,000 reminders a tick must not scan them all, so
 * `popDue` costs O(k log n) for k due entries and `remove`/reschedule cost O(log n).
 */

/** One scheduled item; `dueAt` is epoch milliseconds. */
export interface DueEntry {
  id: string;
  dueAt: number;
}

/**
 * Min-heap of due entries keyed by `dueAt`; each id appears at most once. The heap is kept in
 * parallel arrays rather than one object per entry so that a busy scheduler does not create
 * garbage on every reschedule (fewer GC pauses in the tick).
 */
export class DueQueue {
  private readonly ids: string[] = [];
  private readonly dues: number[] = [];
  /** Insertion order, so entries due at the same millisecond come out first-in first-out. */
  private readonly sequences: number[] = [];
  private readonly positions = new Map<string, number>();
  private nextSequence = 0;

  /** Number of pending entries. */
  get size(): number {
    return this.ids.length;
  }

  /** Whether `id` is pending. */
  has(id: string): boolean {
    return this.positions.has(id);
  }

  /**
   * Schedules `entry`. An id already present is rescheduled to the new time, so callers can
   * re-push after an edit without removing first.
   */
  push(entry: DueEntry): void {
    if (!Number.isFinite(entry.dueAt)) throw new RangeError(`Invalid dueAt for ${entry.id}`);
    this.remove(entry.id);
    const position = this.ids.length;
    this.ids.push(entry.id);
    this.dues.push(entry.dueAt);
    this.sequences.push(this.nextSequence++);
    this.positions.set(entry.id, position);
    this.siftUp(position);
  }

  /** Removes `id` (e.g. a cancelled reminder); returns whether it was pending. */
  remove(id: string): boolean {
    const position = this.positions.get(id);
    if (position === undefined) return false;
    const last = this.ids.length - 1;
    if (position !== last) this.swap(position, last);
    this.ids.pop();
    this.dues.pop();
    this.sequences.pop();
    this.positions.delete(id);
    if (position < last) {
      this.siftDown(position);
      this.siftUp(position);
    }
    return true;
  }

  /** The earliest entry without removing it, e.g. to know how long the scheduler may sleep. */
  peek(): DueEntry | undefined {
    const id = this.ids[0];
    const dueAt = this.dues[0];
    return id === undefined || dueAt === undefined ? undefined : { id, dueAt };
  }

  /**
   * Removes and returns the ids due at or before `now`, earliest first, at most `max` of them so
   * one tick cannot flood Telegram's rate limit; the rest stay for the next tick.
   */
  popDue(now: number, max: number): string[] {
    const due: string[] = [];
    while (due.length < max) {
      const id = this.ids[0];
      const dueAt = this.dues[0];
      if (id === undefined || dueAt === undefined || dueAt > now) break;
      this.remove(id);
      due.push(id);
    }
    return due;
  }

  /** Whether the entry at `a` must come out before the entry at `b`. */
  private before(a: number, b: number): boolean {
    const dueA = this.dues[a] as number;
    const dueB = this.dues[b] as number;
    return (
      dueA < dueB ||
      (dueA === dueB && (this.sequences[a] as number) < (this.sequences[b] as number))
    );
  }

  private swap(a: number, b: number): void {
    const idA = this.ids[a] as string;
    const idB = this.ids[b] as string;
    this.ids[a] = idB;
    this.ids[b] = idA;
    [this.dues[a], this.dues[b]] = [this.dues[b] as number, this.dues[a] as number];
    [this.sequences[a], this.sequences[b]] = [
      this.sequences[b] as number,
      this.sequences[a] as number,
    ];
    this.positions.set(idB, a);
    this.positions.set(idA, b);
  }

  private siftUp(start: number): void {
    let position = start;
    while (position > 0) {
      const parent = (position - 1) >> 1;
      if (!this.before(position, parent)) break;
      this.swap(position, parent);
      position = parent;
    }
  }

  private siftDown(start: number): void {
    let position = start;
    const length = this.ids.length;
    for (;;) {
      const left = position * 2 + 1;
      if (left >= length) break;
      const right = left + 1;
      const child = right < length && this.before(right, left) ? right : left;
      if (!this.before(child, position)) break;
      this.swap(position, child);
      position = child;
    }
  }
}
