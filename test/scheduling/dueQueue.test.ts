import { describe, expect, it } from 'vitest';
import { DueQueue } from '../../src/scheduling/dueQueue.ts';

describe('DueQueue', () => {
  it('pops due ids earliest first, at most `max`, leaving the rest', () => {
    const queue = new DueQueue();
    queue.push({ id: 'c', dueAt: 30 });
    queue.push({ id: 'a', dueAt: 10 });
    queue.push({ id: 'd', dueAt: 40 });
    queue.push({ id: 'b', dueAt: 20 });
    expect(queue.peek()).toEqual({ id: 'a', dueAt: 10 });
    expect(queue.popDue(35, 2)).toEqual(['a', 'b']);
    expect(queue.popDue(35, 10)).toEqual(['c']);
    expect(queue.popDue(35, 10)).toEqual([]);
    expect(queue.size).toBe(1);
  });

  it('keeps insertion order for equal due times', () => {
    const queue = new DueQueue();
    for (const id of ['x', 'y', 'z']) queue.push({ id, dueAt: 5 });
    expect(queue.popDue(5, 10)).toEqual(['x', 'y', 'z']);
  });

  it('removes by id and reschedules on re-push', () => {
    const queue = new DueQueue();
    queue.push({ id: 'a', dueAt: 10 });
    queue.push({ id: 'b', dueAt: 20 });
    queue.push({ id: 'c', dueAt: 30 });
    expect(queue.remove('a')).toBe(true);
    expect(queue.remove('a')).toBe(false);
    queue.push({ id: 'c', dueAt: 5 });
    expect(queue.size).toBe(2);
    expect(queue.has('a')).toBe(false);
    expect(queue.popDue(100, 10)).toEqual(['c', 'b']);
    expect(queue.peek()).toBeUndefined();
  });

  it('rejects a non-finite due time', () => {
    expect(() => new DueQueue().push({ id: 'a', dueAt: Number.NaN })).toThrow(RangeError);
  });

  it('matches a sorted reference under random pushes, removals and reschedules', () => {
    let seed = 42;
    const random = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const queue = new DueQueue();
    const reference = new Map<string, number>();
    for (let step = 0; step < 5_000; step += 1) {
      const id = `r${Math.floor(random() * 500)}`;
      if (random() < 0.3) {
        expect(queue.remove(id)).toBe(reference.delete(id));
      } else {
        const dueAt = Math.floor(random() * 10_000);
        queue.push({ id, dueAt });
        reference.set(id, dueAt);
      }
    }
    expect(queue.size).toBe(reference.size);
    const popped = queue.popDue(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY);
    const dueTimes = popped.map((id) => reference.get(id) as number);
    expect(new Set(popped)).toEqual(new Set(reference.keys()));
    expect(dueTimes).toEqual([...dueTimes].sort((a, b) => a - b));
  });
});
