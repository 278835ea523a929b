/**
 * An observer of a launched program's process tree that enforces its memory limit: every 200 ms
 * it adds up the tree's memory and, above the limit, kills the tree and records why.
 */
import { killTree, memoryBytes } from './proc-tree.js';
import type { Launch } from './launcher.js';

/** Watches `launch` until it ends; returns a function that stops watching. */
export function enforceMemoryLimit(launch: Launch, limitBytes: number, onKill: (reason: string) => void, everyMs = 200): () => void {
  const timer = setInterval(() => {
    if (launch.exit || launch.terminalClosed) {
      clearInterval(timer);
      return;
    }
    if (memoryBytes(launch.everyProcess(), limitBytes) <= limitBytes) return;
    clearInterval(timer);
    const reason = `used more than ${Math.round(limitBytes / 1048576)} MiB of memory`;
    onKill(reason);
    launch.ended({ code: null, signal: 'SIGKILL', at: launch.now(), reason });
    killTree(launch.pid);
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
