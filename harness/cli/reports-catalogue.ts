/**
 * Catalogue entries that are reports rather than graded exercises: they have no checks of their
 * own and come with any graded run.
 */

/** A report of the catalogue. */
export interface CatalogueReport {
  id: string;
  catalogue: string;
  title: string;
  /** How to get it. */
  usage: string;
  about: string;
}

/** E1: the packets of a graded run. */
export const REPORTS: readonly CatalogueReport[] = [
  {
    id: 'tcp-trace',
    catalogue: 'E1',
    title: 'TCP on the wire: the packets of a graded run',
    usage: 'sockgrade trace <exercise> --server "<cmd>" [any option of grade]   (or grade --trace DIR)',
    about:
      'a report, not a graded exercise: records every packet of a hermetic run, writes one pcap per check (for Wireshark or tcpdump -r) and summarises each TCP connection (handshake and options, segments and bytes each way, retransmissions, duplicate ACKs, zero windows, teardown, packet table) and each UDP exchange next to the verdicts',
  },
];
