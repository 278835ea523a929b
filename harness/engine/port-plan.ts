/**
 * Decides which checks may run at once. Checks run in parallel, each on its own instance of
 * the submission, unless instances would share a fixed port: a client's port declared with --port, the
 * course's default port for a client without `{port}`, or a port a server turns out to
 * hard-code (learned from the first instance, which runs alone).
 */
import { PortLocks } from './port-lock.js';

/** What a check gets when it may start. */
export interface PortTicket {
  /** The first instance of a server whose port is unknown: it must call `learned` once it knows. */
  leader: boolean;
  release: () => void;
}

/** Port coordination for one role of one run. */
export class PortPlan {
  private mode: 'free' | 'fixed' | 'discover';
  /** The fixed ports every instance holds, in lock order (the served port first when it is one). */
  private ports: number[] = [];
  /** The other fixed ports the leader found the server's processes holding (a helper's), shared with every later instance. */
  private held: number[] = [];
  private leaderTaken = false;
  private gate: Promise<void> = Promise.resolve();
  private openGate: () => void = () => {};

  constructor(
    private readonly locks: PortLocks,
    initial: { mode: 'free' } | { mode: 'fixed'; port: number } | { mode: 'discover'; unlearned?: 'free' },
  ) {
    this.mode = initial.mode;
    if (initial.mode === 'fixed') this.ports = [initial.port];
    if (initial.mode === 'discover') this.unlearned = initial.unlearned;
  }

  /** What a leader that ends without learning the port leaves: `free` lets the rest run at once, else the next instance leads. */
  private unlearned: 'free' | undefined;

  /** Waits until the check may start. */
  async enter(): Promise<PortTicket> {
    for (;;) {
      if (this.mode === 'free') return { leader: false, release: () => {} };
      if (this.mode === 'fixed') return { leader: false, release: await this.acquireAll() };
      if (!this.leaderTaken) {
        this.leaderTaken = true;
        this.gate = new Promise<void>((resolve) => (this.openGate = resolve));
        let done = false;
        return {
          leader: true,
          release: () => {
            if (done) return;
            done = true;
            if (this.mode === 'discover') {
              if (this.unlearned === 'free') this.mode = 'free';
              this.leaderTaken = false;
              this.openGate();
            }
          },
        };
      }
      await this.gate;
    }
  }

  /**
   * The leader found where the server listens (`offered`: on the port sockgrade gave it), and
   * which other fixed ports its processes hold (a helper's). Returns the release function the
   * leader must call when its check ends (holding the port locks when some port is fixed).
   */
  async learned(port: number, offered: boolean, alsoHeld: readonly number[] = []): Promise<() => void> {
    const fixed = [...new Set([...(offered ? [] : [port]), ...alsoHeld])];
    this.held = [...alsoHeld];
    if (fixed.length === 0) {
      this.mode = 'free';
      this.openGate();
      return () => {};
    }
    this.mode = 'fixed';
    this.ports = fixed;
    const release = await this.acquireAll();
    this.openGate();
    return release;
  }

  /** Locks every fixed port, always in ascending order so that two plans never wait on each other. */
  private async acquireAll(): Promise<() => void> {
    const releases: (() => void)[] = [];
    for (const p of [...this.ports].sort((a, b) => a - b)) releases.push(await this.locks.acquire(p));
    return () => {
      for (const r of releases) r();
    };
  }

  /** Fixed ports other than the served one that the server's processes hold, as the leader learned them. */
  get helperPorts(): readonly number[] {
    return this.held;
  }

  /** Whether every instance has a port of its own (nothing serialises them), so one may outlive its check. */
  get independent(): boolean {
    return this.mode === 'free';
  }

  /** The fixed port, once known. */
  get fixedPort(): number | undefined {
    return this.mode === 'fixed' ? this.ports[0] : undefined;
  }
}
