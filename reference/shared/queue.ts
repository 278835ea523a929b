/** A queue that can be awaited: the reference programs' typed lines and received messages. */

/** Items in arrival order; `next()` waits for one, and gets undefined once the queue has ended. */
export class AsyncQueue<T> {
  private readonly items: T[] = [];
  private readonly waiters: ((item: T | undefined) => void)[] = [];
  private ended = false;

  push(item: T): void {
    const waiter = this.waiters.shift();
    if (waiter) waiter(item);
    else this.items.push(item);
  }

  /** No more items will come: every waiter, present and future, gets undefined once the queue is empty. */
  end(): void {
    this.ended = true;
    for (const w of this.waiters.splice(0)) w(undefined);
  }

  /** The next item; undefined when the queue has ended or `ms` passed first. */
  next(ms?: number): Promise<T | undefined> {
    if (this.items.length > 0) return Promise.resolve(this.items.shift());
    if (this.ended) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const finish = (item: T | undefined): void => {
        if (timer) clearTimeout(timer);
        resolve(item);
      };
      this.waiters.push(finish);
      if (ms !== undefined) {
        timer = setTimeout(() => {
          const i = this.waiters.indexOf(finish);
          if (i >= 0) this.waiters.splice(i, 1);
          resolve(undefined);
        }, ms);
      }
    });
  }
}
