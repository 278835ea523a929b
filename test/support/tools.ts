/**
 * System tools some tests need (xmllint, headless Chromium). Where one is missing the test is
 * skipped with a note saying how to install it; with SOCKGRADE_REQUIRE_TOOLS=1 (as CI sets it) a
 * missing tool fails the test instead, so CI never passes by skipping.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** A tool a test needs: the commands that provide it and how to install it. */
export interface Tool {
  names: readonly string[];
  install: string;
}

export const XMLLINT: Tool = { names: ['xmllint'], install: 'apt-get install -y libxml2-utils (Debian/Ubuntu), brew install libxml2 (macOS)' };
export const CHROMIUM: Tool = { names: ['chromium', 'chromium-browser', 'google-chrome'], install: 'apt-get install -y chromium (Debian), or any Chrome/Chromium on PATH' };

export const TSHARK: Tool = { names: ['tshark'], install: 'apt-get install -y tshark (Debian/Ubuntu), brew install wireshark (macOS)' };
export const TCPDUMP: Tool = { names: ['tcpdump'], install: 'apt-get install -y tcpdump (Debian/Ubuntu)' };

const found = new Map<Tool, string | undefined>();

/** The first command of `tool` that is on PATH, or undefined. */
export function whichTool(tool: Tool): string | undefined {
  if (!found.has(tool)) found.set(tool, tool.names.find((n) => spawnSync('sh', ['-c', `command -v ${n}`]).status === 0));
  return found.get(tool);
}

/**
 * The command of `tool`; when it is missing, skips the calling test through `skip` (vitest's
 * `ctx.skip`) with the reason, or throws under SOCKGRADE_REQUIRE_TOOLS=1.
 */
export function needTool(tool: Tool, skip: (note: string) => never): string {
  return whichTool(tool) ?? skip(`skipped: ${missingTool(tool)}`);
}

/**
 * Why tests needing `tool` cannot run (it is not installed, and how to install it), or an empty
 * string when it is there; throws under SOCKGRADE_REQUIRE_TOOLS=1 instead of giving a reason.
 * For whole groups of tests skipped at collection (`describe.skipIf`).
 */
export function missingTool(tool: Tool): string {
  return whichTool(tool) ? '' : unlessRequired(`${tool.names[0]} is not installed (${tool.install})`);
}

/** `reason`, or a thrown failure under SOCKGRADE_REQUIRE_TOOLS=1 (CI never passes by skipping). */
function unlessRequired(reason: string): string {
  if (process.env.SOCKGRADE_REQUIRE_TOOLS === '1') throw new Error(`${reason}; SOCKGRADE_REQUIRE_TOOLS=1 makes this a failure`);
  return reason;
}

/**
 * The npm package `name` (a development dependency), loaded with `require`; when it is not
 * installed (a `node_modules` from before it was added), skips the calling test with the reason,
 * or throws under SOCKGRADE_REQUIRE_TOOLS=1.
 */
export function needPackage<T>(name: string, skip: (note: string) => never): T {
  try {
    return createRequire(import.meta.url)(name) as T;
  } catch {
    return skip(`skipped: ${unlessRequired(`the npm package ${name} is not installed (run npm install)`)}`);
  }
}

/** The JUnit schema in the `shared/` folder beside the project (or beside one of its parent folders, as in a git worktree). */
export function junitSchema(root: string): string {
  let dir = root;
  for (let i = 0; i < 4; i++) {
    const candidate = join(dirname(dir), 'shared', 'schemas', 'junit-10.xsd');
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  return join(dirname(root), 'shared', 'schemas', 'junit-10.xsd');
}
