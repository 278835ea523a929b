/** Serialises the instances that must share one fixed port (a hard-coded server or client port). */

/** A FIFO mutex per port. */
export class PortLocks {
  private readonly tails = new Map<number, Promise<void>>();

  /** Waits for exclusive use of `port`; call the returned function to release it. */
  async acquire(port: number): Promise<() => void> {
    const previous = this.tails.get(port) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => mine);
    this.tails.set(port, tail);
    await previous;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      release();
      if (this.tails.get(port) === tail) this.tails.delete(port);
    };
  }
}
