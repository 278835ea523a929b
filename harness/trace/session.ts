/**
 * One run's trace: the recorder runs through all checks (run one at a time, so that each frame
 * belongs to the check that was running), then the capture is cut at the checks' start times
 * into one pcap per check, and each check's result gets the summary of its connections.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createSocket, type Socket } from 'node:dgram';
import { randomBytes } from 'node:crypto';
import { waitFor } from '../util/deadline.js';
import { join } from 'node:path';
import type { CheckResult, Role } from '../model/result.js';
import { readPcap, writePcap, type PcapRecord } from './pcap.js';
import { decodeFrame, type Packet } from './decode.js';
import { summarise, type TraceSummary } from './summary.js';
import { PacketRecorder, TraceUnavailable, pcapFileOf } from './recorder.js';
import { wallMicros } from './clock.js';

/** A check's trace in the result model: the summary, and the pcap written for it. */
export type CheckTrace = TraceSummary & { file?: string };

/** Records a whole run and hands each check its part. */
export class TraceSession {
  private readonly starts: { key: string; at: number }[] = [];
  private readonly origins = new Map<string, number>();

  private readonly marker = randomBytes(12);
  private readonly syncPort: number;

  private constructor(
    private readonly recorder: PacketRecorder,
    private readonly dir: string,
    /** A socket of sockgrade's that only receives sync datagrams; frames to it belong to no check. */
    private readonly sync: Socket,
  ) {
    this.syncPort = sync.address().port;
  }

  /**
   * Starts recording for a run that writes its pcaps into `dir`; `scratch` is a private folder
   * for the whole-run capture. Rejects with {@link TraceUnavailable} saying why it cannot.
   */
  static async open(dir: string, scratch: string, hermetic: boolean): Promise<TraceSession> {
    if (!hermetic) throw new TraceUnavailable('packets are recorded only in a hermetic run (its private loopback carries nothing else), and this run is not isolated');
    try {
      await mkdir(dir, { recursive: true });
    } catch (err) {
      throw new TraceUnavailable(`cannot create the trace folder ${dir}: ${(err as Error).message}`);
    }
    const sync = createSocket('udp4');
    await new Promise<void>((resolve, reject) => {
      sync.once('error', reject);
      sync.bind(0, '127.0.0.1', () => resolve());
    });
    sync.on('message', () => {});
    try {
      return new TraceSession(await PacketRecorder.start(join(scratch, 'run.pcap')), dir, sync);
    } catch (err) {
      sync.close();
      throw err;
    }
  }

  private isSync(p: Packet): boolean {
    return p.udp?.dstPort === this.syncPort;
  }

  /**
   * The packets recorded since `sinceUs` (wall-clock microseconds), once the recorder has caught
   * up with now: a datagram sent now to sockgrade's own sync socket must have reached the file.
   */
  async packetsSince(sinceUs: number, signal?: AbortSignal): Promise<Packet[]> {
    const nonce = Buffer.concat([this.marker, randomBytes(4)]);
    this.sync.send(nonce, this.syncPort, '127.0.0.1');
    const read = async (): Promise<{ packets: Packet[]; synced: boolean }> => {
      const pcap = readPcap(await readFile(this.recorder.file));
      const packets: Packet[] = [];
      let synced = false;
      pcap.records.forEach((r, i) => {
        if (r.timeUs < sinceUs) return;
        const p = decodeFrame(pcap.linkType, r, i + 1);
        if (!p) return;
        if (this.isSync(p)) synced ||= r.data.includes(nonce);
        else packets.push(p);
      });
      return { packets, synced };
    };
    return waitFor<Packet[]>('the packet recorder to catch up', 10_000, signal, (done, fail) => {
      let stopped = false;
      const attempt = (): void => {
        read().then(
          (r) => (stopped ? undefined : r.synced ? done(r.packets) : void setTimeout(attempt, 20)),
          (err: Error) => fail(err),
        );
      };
      attempt();
      return () => {
        stopped = true;
      };
    });
  }

  /** The capture time (µs) of the instant a check's transcripts count from, so that its packets can be drawn among them. */
  checkOrigin(role: Role, id: string, atUs: number): void {
    this.origins.set(`${role}:${id}`, atUs);
  }

  /** Marks the start of a check: frames from now until the next check's start are its own. */
  checkStarts(role: Role, id: string): void {
    this.starts.push({ key: `${role}:${id}`, at: wallMicros() });
  }

  /**
   * Stops recording, writes one pcap per check and returns each check's trace by `role:id`.
   * Checks that were not run get none.
   */
  async close(results: readonly CheckResult[]): Promise<Map<string, CheckTrace>> {
    const stats = await this.recorder.stop().finally(() => this.sync.close());
    const pcap = readPcap(await readFile(this.recorder.file));
    await rm(this.recorder.file, { force: true });
    const windows = [...this.starts].sort((a, b) => a.at - b.at);
    const parts = new Map<string, PcapRecord[]>(windows.map((w) => [w.key, []]));
    for (const r of pcap.records) {
      let owner = windows[0];
      for (const w of windows) if (w.at <= r.timeUs) owner = w;
      if (owner) parts.get(owner.key)!.push(r);
    }
    const twoRoles = new Set(windows.map((w) => w.key.split(':')[0])).size > 1;
    const out = new Map<string, CheckTrace>();
    for (const result of results) {
      const key = `${result.role}:${result.id}`;
      const records = parts.get(key);
      if (!records) continue;
      const own = records.filter((r) => {
        const p = decodeFrame(pcap.linkType, r, 0);
        return !(p && this.isSync(p));
      });
      const file = pcapFileOf(this.dir, result.id, result.role, twoRoles);
      await writeFile(file, writePcap(pcap.linkType, pcap.snapLen, own));
      const packets = own.map((r, i) => decodeFrame(pcap.linkType, r, i + 1)).filter((p): p is Packet => p !== undefined);
      const origin = this.origins.get(key) ?? windows.find((w) => w.key === key)?.at;
      out.set(key, { ...summarise(packets, { dropped: stats.drops, ...(origin !== undefined ? { originUs: origin } : {}) }), file });
    }
    return out;
  }
}
