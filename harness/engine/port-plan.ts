/**
 * Decides which checks may run at once. Checks run in parallel, each on its own instance of
 * the submission, unless instances would share a fixed port: a port declared with --port, the
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
  private port: number | undefined;
  private leaderTaken = false;
  private gate: Promise<void> = Promise.resolve();
  private openGate: () => void = () => {};

  constructor(
    private readonly locks: PortLocks,
    initial: { mode: 'free' } | { mode: 'fixed'; port: number } | { mode: 'discover' },
  ) {
    this.mode = initial.mode;
    if (initial.mode === 'fixed') this.port = initial.port;
  }

  /** Waits until the check may start. */
  async enter(): Promise<PortTicket> {
    for (;;) {
      if (this.mode === 'free') return { leader: false, release: () => {} };
      if (this.mode === 'fixed') return { leader: false, release: await this.locks.acquire(this.port as number) };
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
   * The leader found where the server listens. Returns the release function the leader must
   * call when its check ends (holding the port lock when the port is fixed).
   */
  async learned(port: number, offered: boolean): Promise<() => void> {
    if (offered) {
      this.mode = 'free';
      this.openGate();
      return () => {};
    }
    this.mode = 'fixed';
    this.port = port;
    const release = await this.locks.acquire(port);
    this.openGate();
    return release;
  }

  /** The fixed port, once known. */
  get fixedPort(): number | undefined {
    return this.mode === 'fixed' ? this.port : undefined;
  }
}
