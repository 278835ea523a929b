/** A capture file read back: its frames decoded and summarised. */
import { readFileSync } from 'node:fs';
import { readPcap } from './pcap.js';
import { decodeFrame, type Packet } from './decode.js';
import { summarise, type SummaryOptions, type TraceSummary } from './summary.js';

/** Decodes every TCP and UDP frame of a pcap file's contents. */
export function decodePcap(buf: Buffer): Packet[] {
  const pcap = readPcap(buf);
  const out: Packet[] = [];
  pcap.records.forEach((r, i) => {
    const p = decodeFrame(pcap.linkType, r, i + 1);
    if (p && (p.tcp || p.udp)) out.push(p);
  });
  return out;
}

/** Reads and summarises a pcap file. */
export function summariseFile(path: string, opts: SummaryOptions = {}): TraceSummary {
  return summarise(decodePcap(readFileSync(path)), opts);
}
