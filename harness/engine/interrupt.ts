/**
 * Stopping on SIGINT, SIGTERM or SIGHUP (Ctrl-C, `kill`, `timeout`, a cancelled CI job): every
 * program sockgrade started is stopped first, then its scratch files are removed, and sockgrade
 * exits with 128 + the signal's number. A second signal, or cleanup that outlasts a few seconds,
 * ends it at once.
 */
import { constants } from 'node:os';

/** What is undone on an interrupt: processes first, files after. */
export type InterruptPhase = 'processes' | 'files';

type Undo = () => unknown;

const phases: Record<InterruptPhase, Set<Undo>> = { processes: new Set(), files: new Set() };
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const CLEANUP_MS = 5000;
let installed = false;
let interrupting: NodeJS.Signals | undefined;
let quiet = false;

/**
 * Whether an interrupt ends sockgrade without saying so: on while `--watch` waits for a save,
 * where Ctrl-C is the ordinary way to stop, and in the process that only runs a watch inside
 * namespaces. Cleanup and the exit code are the same either way.
 */
export function setInterruptQuiet(on: boolean): void {
  quiet = on;
}

/** The exit code owed to the interrupt being handled (128 + the signal's number), if one is. */
export function interruptExitCode(): number | undefined {
  return interrupting ? exitCodeOf(interrupting) : undefined;
}

/** Registers `undo` to run on an interrupt, in `phase`; returns the function that unregisters it. */
export function onInterrupt(phase: InterruptPhase, undo: Undo): () => void {
  catchInterrupts();
  phases[phase].add(undo);
  return () => void phases[phase].delete(undo);
}

function exitCodeOf(signal: NodeJS.Signals): number {
  return 128 + (constants.signals[signal] ?? 0);
}

/** Takes over SIGINT, SIGTERM and SIGHUP from now on (also done by the first {@link onInterrupt}). */
export function catchInterrupts(): void {
  if (installed) return;
  installed = true;
  for (const sig of SIGNALS) process.on(sig, () => void handle(sig));
}

async function handle(signal: NodeJS.Signals): Promise<void> {
  if (interrupting) process.exit(exitCodeOf(interrupting));
  interrupting = signal;
  setTimeout(() => process.exit(exitCodeOf(signal)), CLEANUP_MS).unref();
  if (!quiet) process.stderr.write(`sockgrade: stopped by ${signal}: stopping what runs and removing its files\n`);
  for (const phase of ['processes', 'files'] as const) {
    await Promise.allSettled([...phases[phase]].map(async (undo) => undo()));
  }
  process.exit(exitCodeOf(signal));
}
