/**
 * The files of each `files.*` check of C1 `file-copy`, shared by its server and client checks,
 * and how sockgrade slices them when it is the one sending.
 */
import type { Rng } from '../../harness/authoring.js';
import { bool, str, type ParamValues } from '../../harness/authoring.js';
import { binaryFile, largeText, longLines, plainText, utf8Split } from '../shared/files-generate.js';
import { FULL_FRAME } from '../shared/files-body.js';
import type { Slicing } from '../shared/files-proxy.js';

/** How the file travels: line by line then close, or as one body of A5 frames. */
export type Variant = 'lines' | 'framed';

/** The `variant` parameter. */
export function variantOf(params: ParamValues): Variant {
  return str(params, 'variant') === 'framed' ? 'framed' : 'lines';
}

/** The `transport` parameter: TCP, or the file as datagrams ended by an empty one. */
export function transportOf(params: ParamValues): 'tcp' | 'udp' {
  return params['transport'] === 'udp' ? 'udp' : 'tcp';
}

/** Most file bytes in one datagram sockgrade sends (a server may read with recvfrom(1024)). */
export const DATAGRAM_BYTES = 1024;

/** The `name-first` parameter: the file's name travels on its own line before the content. */
export function nameFirst(params: ParamValues): boolean {
  return bool(params, 'name-first');
}

/** The line (or first datagram) that names the file under `name-first`. */
export function nameLine(name: string): Buffer {
  return Buffer.from(`${name}\n`);
}

/** A file name for a check under `name-first`: plain, so that any server can create it. */
export function pickName(rng: Rng): string {
  return `${rng.word(8)}-${rng.int(10, 99)}.txt`;
}

export type { Slicing } from '../shared/files-proxy.js';

/** One `files.*` check: what is copied and what the check is about. */
export interface FileCase {
  id: string;
  /** What is copied, for titles: `a text file of many lines`. */
  subject: string;
  weight: number;
  budgetMs: number;
  /** The files copied, one transfer each, in order. */
  files(rng: Rng): Buffer[];
  /** How a transfer to a server is sliced; none: one write, straight to the server. */
  slicing?: Slicing;
  /** What usually breaks this case. */
  hint: string;
  /** Binary: not for the lines variant over TCP, which copies text. */
  framedOnly?: boolean;
  /** Too big for a client sending datagrams with nothing to slow it down. */
  tooBigForUdpClient?: boolean;
}

const SMALL_SLICES: Slicing = { minBytes: 1, maxBytes: 256, delayMs: [1, 4] };
const MiB = 1024 * 1024;

export const FILE_CASES: readonly FileCase[] = [
  {
    id: 'files.text-small',
    subject: 'a text file of many lines',
    weight: 1,
    budgetMs: 15_000,
    files: (rng) => [plainText(rng, rng.int(4000, 8000))],
    slicing: SMALL_SLICES,
    hint: 'one recv() is not one line nor the whole file: loop on recv() until it returns b"" and write every chunk as it is',
  },
  {
    id: 'files.empty',
    subject: 'an empty file',
    weight: 1,
    budgetMs: 10_000,
    files: () => [Buffer.alloc(0)],
    hint: 'an empty file is copied as an empty file: create the output even when no byte arrives',
  },
  {
    id: 'files.no-trailing-newline',
    subject: 'a text file whose last line has no newline',
    weight: 1,
    budgetMs: 15_000,
    files: (rng) => [plainText(rng, rng.int(2000, 4000), false)],
    slicing: SMALL_SLICES,
    hint: 'the last line of a file may have no "\\n": do not drop it and do not add one',
  },
  {
    id: 'files.long-lines',
    subject: 'a text file with lines of more than 64 KiB',
    weight: 1,
    budgetMs: 15_000,
    files: (rng) => [longLines(rng)],
    slicing: { minBytes: 1, maxBytes: 16 * 1024, delayMs: [0, 1] },
    hint: 'a line can be longer than any buffer: never assume that one recv() or one readline(n) holds a whole line',
  },
  {
    id: 'files.utf8-split',
    subject: 'UTF-8 text with multi-byte characters across every 1000- and 1024-byte boundary',
    weight: 1,
    budgetMs: 15_000,
    // One write straight to the server: its recv(1024)/recv(4096) calls then end inside characters.
    files: (rng) => [utf8Split(rng, 200_000)],
    hint: 'a multi-byte character can be split between two recv() calls: copy bytes, and decode (if ever) only the whole file',
  },
  {
    id: 'files.binary',
    subject: 'a binary file with every byte value',
    weight: 1,
    budgetMs: 15_000,
    files: (rng) => [binaryFile(rng, 256 * 1024)],
    slicing: { minBytes: 1, maxBytes: 8192, delayMs: [0, 1] },
    hint: 'a binary file is not text: open it with "rb"/"wb" and never decode or encode it',
    framedOnly: true,
  },
  {
    id: 'files.large',
    subject: 'a 10 MiB text file',
    weight: 1,
    budgetMs: 30_000,
    files: (rng) => [largeText(rng, 10 * MiB, [1024, FULL_FRAME])],
    slicing: { minBytes: 1, maxBytes: 64 * 1024, delayMs: [0, 0] },
    hint: 'loop until the whole file has arrived; in the framed variant a file over 999999 bytes is several frames',
    tooBigForUdpClient: true,
  },
  {
    id: 'files.two-transfers',
    subject: 'two files, one after the other (the second shorter)',
    weight: 1,
    budgetMs: 15_000,
    files: (rng) => [plainText(rng, rng.int(6000, 9000)), plainText(rng, rng.int(1500, 3000))],
    slicing: SMALL_SLICES,
    hint: 'accept the next connection when one ends, and open the output anew ("wb") for each transfer',
  },
];

/** Why a case does not apply with these parameters, for the server or the client. */
export function caseNotApplicable(c: FileCase, role: 'server' | 'client'): ((p: ParamValues) => string | undefined) | undefined {
  const udpClient = role === 'client' && c.tooBigForUdpClient;
  if (!c.framedOnly && !udpClient) return undefined;
  return (p) => {
    if (c.framedOnly && variantOf(p) === 'lines' && transportOf(p) === 'tcp') return 'binary files are copied by the framed variant only (--param variant=framed); the lines variant copies text';
    if (udpClient && transportOf(p) === 'udp') return 'over UDP nothing slows a client down to the pace of its receiver, so 10 MiB of datagrams sent at once can overflow a receive buffer even on loopback; the largest file a UDP client sends here is the 256 KiB binary one';
    return undefined;
  };
}

/** Why these parameters do not go together. */
export function paramsConflict(p: ParamValues): string | undefined {
  if (transportOf(p) === 'udp' && variantOf(p) === 'framed') return 'variant=framed cannot go with transport=udp: over UDP the file travels as datagrams and an empty datagram ends it, so frames are not needed (and a 999999-byte frame does not fit in a datagram); use variant=lines (the default) with transport=udp';
  return undefined;
}
