/**
 * Records the packets of a run: the Python recorder (`capture.py`, an AF_PACKET socket on the
 * run's private loopback) started before the first check and stopped after the last. Only a
 * hermetic run is recorded: its loopback carries nothing but the run's own traffic, and the grader
 * holds the capability to capture there (as root, or as root of its user namespace).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { waitFor } from '../util/deadline.js';

/** Bytes of each frame written to the file: every header, and a small file (the kernel still queues whole frames). */
export const SNAP_LENGTH = 1600;

/** The recorder script, next to this file in the sources (the build leaves it there). */
const SCRIPT = [new URL('./capture.py', import.meta.url), new URL('../../../harness/trace/capture.py', import.meta.url)]
  .map((u) => fileURLToPath(u))
  .find((f) => existsSync(f));

/** What the kernel counted while recording. */
export interface RecorderStats {
  /** Frames written to the file (one per frame: loopback's outgoing copies are left out). */
  kept: number;
  /** Frames the kernel dropped before the recorder read them. */
  drops: number;
}

/** Packets cannot be recorded here; `message` says why. */
export class TraceUnavailable extends Error {
  readonly code = 'SOCKGRADE_TRACE_UNAVAILABLE';
}

/** A running recorder writing one pcap file. */
export class PacketRecorder {
  private stderr = '';
  private stdout = '';
  private readonly exited: Promise<number | null>;

  private constructor(
    private readonly child: ChildProcess,
    readonly file: string,
  ) {
    child.stdout?.setEncoding('utf8').on('data', (d: string) => (this.stdout += d));
    child.stderr?.setEncoding('utf8').on('data', (d: string) => (this.stderr = (this.stderr + d).slice(-2000)));
    this.exited = new Promise((resolve) => {
      child.on('error', () => resolve(null));
      child.on('exit', (code) => resolve(code));
    });
  }

  /** Starts recording loopback into `file`; resolves once frames are being captured. */
  static async start(file: string, python = 'python3'): Promise<PacketRecorder> {
    if (!SCRIPT) throw new TraceUnavailable('the packet recorder (harness/trace/capture.py) is missing from this installation');
    const child = spawn(python, [SCRIPT, file, 'lo', String(SNAP_LENGTH)], { stdio: ['ignore', 'pipe', 'pipe'] });
    const rec = new PacketRecorder(child, file);
    try {
      await waitFor<void>('the packet recorder to start', 15_000, undefined, (done, fail) => {
        const check = (): void => {
          if (rec.stdout.includes('ready\n')) done();
        };
        child.stdout?.on('data', check);
        void rec.exited.then(() => fail(new TraceUnavailable(rec.reasonOfFailure())));
        check();
        return () => child.stdout?.off('data', check);
      });
    } catch (err) {
      child.kill('SIGKILL');
      throw err instanceof TraceUnavailable ? err : new TraceUnavailable(`the packet recorder did not start: ${(err as Error).message}`);
    }
    return rec;
  }

  private reasonOfFailure(): string {
    const last = this.stderr.trim().split('\n').pop() ?? '';
    if (/PermissionError|Operation not permitted/.test(last)) return 'capturing packets needs CAP_NET_RAW in the run\'s network namespace, which this system did not grant';
    return `the packet recorder failed${last ? `: ${last}` : ''}`;
  }

  /** Stops recording, once everything captured is in the file. */
  async stop(): Promise<RecorderStats> {
    this.child.kill('SIGTERM');
    const code = await Promise.race([this.exited, new Promise<'late'>((r) => setTimeout(() => r('late'), 5000).unref())]);
    if (code === 'late') {
      this.child.kill('SIGKILL');
      throw new TraceUnavailable('the packet recorder did not stop within 5 s');
    }
    const line = this.stdout.trim().split('\n').pop() ?? '';
    try {
      const stats = JSON.parse(line) as { kept: number; drops: number };
      return { kept: stats.kept, drops: Math.max(0, stats.drops) };
    } catch {
      throw new TraceUnavailable(this.reasonOfFailure());
    }
  }
}

/** Where a check's pcap goes inside the trace folder. */
export function pcapFileOf(dir: string, checkId: string, role: string, twoRoles: boolean): string {
  return join(dir, `${twoRoles ? `${role}-` : ''}${checkId.replace(/[^\w.-]/g, '_')}.pcap`);
}
