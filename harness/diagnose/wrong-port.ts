/** A client that connects where sockgrade is not listening (a hard-coded port): the instruction that fixes the run. */

/**
 * The first connect, in a program's recorded socket calls (`connect 127.0.0.1:4000
 * (ConnectionRefusedError)`), to a port not in `listening`: a refused one, or any one when
 * `neverReached` (the program never reached sockgrade, so it connected somewhere else).
 */
export function refusedConnect(calls: readonly string[], listening: readonly number[], neverReached = false): { host: string; port: number } | undefined {
  for (const call of calls) {
    const m = neverReached ? /^connect(?:_ex)? (\S*):(\d+)\b/.exec(call) : /^connect(?:_ex)? (\S*):(\d+) \((ConnectionRefusedError|[^)]*refused[^)]*|111|ECONNREFUSED)\)/i.exec(call);
    if (!m) continue;
    const port = Number(m[2]);
    if (!listening.includes(port)) return { host: m[1] || '0.0.0.0', port };
  }
  return undefined;
}

/** The line that tells the student how to grade their client as it is. */
export function wrongPortInstruction(role: string, at: { host: string; port: number }): string {
  return `your ${role} connects to ${at.host}:${at.port}, where sockgrade was not listening: run again with --port ${at.port}`;
}
