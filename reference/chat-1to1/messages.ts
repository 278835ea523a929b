/** The other side's messages, one per read (TCP, no framing) or per datagram (UDP), as a queue. */

/** A queue of messages that can also end (the other side closed). */
export class Messages {
  private readonly queue: string[] = [];
  private waiter: ((m: string | undefined) => void) | undefined;
  private ended = false;

  push(message: string): void {
    if (this.waiter) this.waiter(message);
    else this.queue.push(message);
  }

  end(): void {
    this.ended = true;
    this.waiter?.(undefined);
  }

  /** The next message; undefined when the other side has gone or `ms` passed. */
  next(ms = 24 * 3600 * 1000): Promise<string | undefined> {
    const m = this.queue.shift();
    if (m !== undefined) return Promise.resolve(m);
    if (this.ended) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      const timer = setTimeout(() => finish(undefined), ms);
      const finish = (v: string | undefined): void => {
        clearTimeout(timer);
        this.waiter = undefined;
        resolve(v);
      };
      this.waiter = finish;
    });
  }
}
