/**
 * Faults of the machine a program runs on, not of the program: a third-party module that is not
 * installed, a command that does not exist, a host name sockgrade could not map to its peer.
 * A check that fails because of one is reported as `error` with one line saying how to fix the
 * set-up, never as the student's failure.
 */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import type { Program } from '../process/program.js';

/** What sockgrade did for the programs of a check, which decides whose fault a failure is. */
export interface FaultContext {
  /** Every host name a program looked up reached sockgrade (its DNS responder answered for the check). */
  everyNameMapped: boolean;
  /** The exercise judges failed look-ups: a name that does not resolve is part of the test. */
  lookupsJudged: boolean;
  /** The run's isolation, as the report's header says it, for the message. */
  isolation: string;
}

/** Python 2 module names that Python 3 renamed: importing one is the program's fault (written for Python 2). */
const PYTHON2_MODULES = new Set(['SocketServer', 'Queue', 'ConfigParser', 'Tkinter', 'urllib2', 'httplib', 'thread', 'commands', 'cPickle', 'StringIO', 'cStringIO', 'urlparse', 'BaseHTTPServer', 'SimpleHTTPServer', 'HTMLParser', 'tkMessageBox']);

/** Standard modules of socket programs, to tell a typo (`import sokcet`) from a missing package. */
const COMMON_STDLIB = ['socket', 'socketserver', 'struct', 'threading', 'select', 'selectors', 'sys', 'os', 'time', 'datetime', 'json', 'asyncio', 'random', 'signal', 'queue', 'pickle', 'hashlib', 'errno', 'subprocess', 'string', 'math', 'ssl', 'argparse', 'logging', 'pathlib', 'binascii', 'base64', 'ipaddress'];

const MISSING_MODULE = /^ModuleNotFoundError: No module named '([\w.]+)'/m;
/**
 * How a command that does not exist is reported (exit code 127): by the shell (`/bin/sh: 1: exec:
 * python2: not found`, `bash: line 1: python2: command not found`), by an interpreter shim
 * (`pyenv: python2: command not found`, asdf's `No preset version installed for command python2`),
 * or by `env` on a #! line (`/usr/bin/env: 'python2': No such file or directory`).
 */
const NOT_FOUND = [
  /^(?:\/bin\/)?(?:sh|bash|dash|zsh)(?:: (?:line )?\d+)?: (?:exec: )?([^\s:]+): (?:command )?not found$/m,
  /^(?:pyenv|asdf|rbenv|nodenv): ([^\s:]+): command not found$/m,
  /^No (?:preset )?version (?:is set|installed) for command (\S+)/m,
  /^(?:\/usr\/bin\/)?env: ['\u2018]?([^'\u2019\s]+)['\u2019]?: No such file or directory$/m,
];
const LOOKUP_FAILED = /gaierror|Name or service not known|Temporary failure in name resolution|No address associated with hostname|nodename nor servname provided|getaddrinfo (?:ENOTFOUND|EAI_AGAIN)|UnknownHostException/;

/** One line saying which set-up fault made a check fail and how to fix it, or undefined when the programs show none. */
export function environmentFault(programs: readonly Program[], ctx: FaultContext): string | undefined {
  for (const p of programs) {
    const fault = faultOf(p, ctx);
    if (fault) return fault;
  }
  return undefined;
}

function faultOf(p: Program, ctx: FaultContext): string | undefined {
  const who = `the ${p.transcript.label}`;
  const text = p.outputText();
  const module = MISSING_MODULE.exec(text)?.[1];
  if (module !== undefined && isThirdParty(module)) {
    const top = module.split('.')[0] ?? module;
    return `${who} needs the Python module ${top}, which is not installed for its interpreter on this machine (ModuleNotFoundError): install it (pip install ${top}), or set PYTHONPATH to its folder in the "env" section of the course config or of the submission's sockgrade.json`;
  }
  const missing = NOT_FOUND.map((re) => re.exec(text)?.[1]).find((m) => m !== undefined);
  if (missing !== undefined && p.exit?.code === 127) {
    const shebang = missingInterpreter(missing);
    const file = missing.split('/').pop() ?? missing;
    if (shebang?.crlf) {
      return `${who}'s script ${missing} starts with ${shebang.line}\\r: with Windows line endings its #! line names an interpreter that does not exist, so it never started: run it through python3 (python3 ${file}), or convert its line endings (dos2unix)`;
    }
    if (shebang) {
      return `${who}'s script ${missing} starts with ${shebang.line}, an interpreter that is not installed on this machine, so it never started: run it through one that is (e.g. python3 ${file}), or install that one`;
    }
    return `${who}'s command runs ${missing}, which is not installed on this machine (command not found): install it, or add its folder to PATH in the "env" section of the course config or of the submission's sockgrade.json`;
  }
  if (!ctx.everyNameMapped && !ctx.lookupsJudged) {
    const name = unresolvedName(p);
    if (name !== undefined || (LOOKUP_FAILED.test(text) && p.netCalls().length === 0)) {
      const what = name !== undefined ? `the host name ${name}` : 'a host name';
      return `${who} could not resolve ${what}: sockgrade answers every name a program looks up only in a hermetic run (isolation here: ${ctx.isolation}); grade where namespaces are available${name !== undefined ? `, or pass --host ${name}` : ''}`;
    }
  }
  return undefined;
}

/**
 * When `path` is a script that exists but whose #! line names an interpreter that does not (a
 * script written on a Mac, `#!/opt/homebrew/bin/python3`, or saved with Windows line endings),
 * that #! line: the shell then reports the script itself as not found.
 */
function missingInterpreter(path: string): { line: string; crlf: boolean } | undefined {
  if (!path.startsWith('/')) return undefined;
  let first: string;
  try {
    if (!statSync(path).isFile()) return undefined;
    const fd = openSync(path, 'r');
    try {
      const buf = Buffer.alloc(256);
      first = buf.subarray(0, readSync(fd, buf, 0, buf.length, 0)).toString('utf8').split('\n')[0] ?? '';
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
  const interpreter = /^#!\s*(\S+)/.exec(first)?.[1];
  if (interpreter === undefined) return undefined;
  if (first.endsWith('\r')) return { line: first.slice(0, -1).trim(), crlf: true };
  return existsSync(interpreter) ? undefined : { line: first.trim(), crlf: false };
}

/** A name the program's look-up failed for (from its recorded socket calls), when it is a valid host name. */
function unresolvedName(p: Program): string | undefined {
  for (const call of p.netCalls()) {
    const m = /^\w+ (.+):\d+ \(gaierror\)$/.exec(call);
    const name = m?.[1];
    if (name !== undefined && /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i.test(name)) return name;
  }
  return undefined;
}

function isThirdParty(module: string): boolean {
  const top = module.split('.')[0] ?? module;
  if (PYTHON2_MODULES.has(top)) return false;
  const lower = top.toLowerCase();
  return !COMMON_STDLIB.some((m) => m === top || (!lower.startsWith(m) && editDistance(m, lower) <= (m.length > 5 ? 2 : 1)));
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length] ?? 0;
}
