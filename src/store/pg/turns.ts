/**
 * One piece of work at a time per key, in the order they were asked for. Within one process this
 * keeps call order (two presses of one button settle in the order they came, as with lowdb);
 * between instances the row locks order them.
 */
export class Turns {
  private readonly turns = new Map<string, Promise<unknown>>();

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const turn = (this.turns.get(key) ?? Promise.resolve()).catch(() => undefined).then(work);
    this.turns.set(key, turn);
    void turn
      .catch(() => undefined)
      .finally(() => {
        if (this.turns.get(key) === turn) this.turns.delete(key);
      });
    return turn;
  }
}
