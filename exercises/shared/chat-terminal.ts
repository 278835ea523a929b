/**
 * Driving an interactive chat program through its terminal, as a person would: wait until it
 * asks for a line, type it, read what it prints. What sockgrade types and what the program
 * prints stay apart in the transcript. Shared by the chat exercises of unit B.
 */
import { classifyPrompt, type CheckContext } from '../../harness/engine/context.js';
import { ProgramExited, describeExit, type ExitInfo, type Program } from '../../harness/process/program.js';
import { CheckFailure } from '../../harness/model/failure.js';
import { str, type ParamSpec, type ParamValues } from '../../harness/model/params.js';
import { WaitTimeout, formatMs, poll } from '../../harness/util/deadline.js';
import { findCrash, visibleText } from '../../harness/diagnose/output.js';

/** The `prompt` parameter, declared the same way by every chat exercise. */
export const PROMPT_PARAM: ParamSpec = {
  type: 'string',
  default: '',
  description: 'regular expression matching the prompt an interactive program prints before reading a line; empty: any output followed by a blocked read (Linux) or by quiet',
};

/** The `prompt` parameter as a pattern; text that is not a valid regular expression is matched literally. */
export function promptPattern(params: ParamValues): RegExp | undefined {
  const raw = str(params, 'prompt');
  if (raw === '') return undefined;
  try {
    return new RegExp(raw);
  } catch {
    return new RegExp(raw.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  }
}

/** The last `n` characters of a program's output, escaped for a report. */
export function outputTail(text: string, n = 400): string {
  const t = text.length > n ? `…${text.slice(-n)}` : text;
  return t.trim() === '' ? '(nothing printed)' : visibleText(t);
}

/** One interactive program and the person typing into it. */
export class Terminal {
  /** Output offset where the current exchange started: prompts and printed text are looked for after it. */
  private mark = 0;
  private typedLines = 0;
  /** The prompts the program showed before each typed line (their last line, trimmed). */
  readonly prompts: string[] = [];

  constructor(
    private readonly ctx: CheckContext,
    readonly program: Program,
    /** How diagnoses name the program: `the client`, `the server`. */
    readonly who: string,
    private readonly prompt: RegExp | undefined,
  ) {}

  /** Output offset now: pass it as `from` to look only at what is printed later. */
  get position(): number {
    return this.program.outputLength;
  }

  /** What the program printed after `from` (default: since the last typed line). */
  printedSince(from = this.mark): string {
    return this.program.outputBuffer().subarray(from).toString('utf8');
  }

  /** Whether the program is blocked reading its terminal now; undefined where this cannot be known. */
  waitingForInput(): boolean | undefined {
    return this.program.readingTerminal();
  }

  /**
   * Waits until the program asks for a line and returns what it printed since the last typed
   * line. Before the first line is typed, prompts for the host or port are left to the engine,
   * which answers them with sockgrade's address.
   */
  async waitForPrompt(purpose: string, ms: number): Promise<string> {
    const until = performance.now() + ms;
    for (;;) {
      let text: string;
      try {
        text = await this.program.waitForInputRequest({
          from: this.mark,
          settleMs: 300,
          ms: this.ctx.within(Math.max(0, until - performance.now())),
          signal: this.ctx.signal,
          ...(this.prompt ? { prompt: this.prompt } : {}),
        });
      } catch (err) {
        throw this.stalledBy(err, `ask for ${purpose}`, ms);
      }
      if (this.typedLines === 0 && classifyPrompt(text) !== 'message') {
        // An address prompt: the engine types the host or port; wait until the program has read it.
        await poll('the address to be read', this.ctx.within(2000), this.ctx.signal, () => (this.waitingForInput() === true ? undefined : true)).catch(() => {});
        this.mark = this.position;
        continue;
      }
      return text;
    }
  }

  /** Types `line` and a newline, as a person would. */
  type(line: string): void {
    this.program.type(line);
    this.typedLines += 1;
    this.mark = this.position;
  }

  /** Waits for the program to ask for a line, then types `line`. */
  async typeWhenAsked(line: string, purpose: string, ms = 8000): Promise<void> {
    const shown = await this.waitForPrompt(purpose, ms);
    const prompt = (shown.replace(/\r/g, '').split('\n').pop() ?? '').trim();
    if (prompt !== '') this.prompts.push(prompt);
    this.type(line);
  }

  /**
   * {@link typeWhenAsked} running alongside something else (the program may ask before or after
   * it connects): resolves with the failure instead of rejecting, for the caller to throw later.
   */
  typeWhenAskedLater(line: string, purpose: string, ms = 10_000): Promise<Error | undefined> {
    return this.typeWhenAsked(line, purpose, ms).then(
      () => undefined,
      (err: unknown) => (err instanceof Error ? err : new Error(String(err))),
    );
  }

  /** Waits until what the program printed after `from` passes `test`; undefined when it does not within `ms` or the program exits first. */
  async printed<T>(what: string, test: (text: string) => T | undefined, ms: number, from = this.mark): Promise<T | undefined> {
    try {
      return await this.program.waitForText(what, test, this.ctx.within(ms), this.ctx.signal, from);
    } catch (err) {
      if (err instanceof WaitTimeout || err instanceof ProgramExited) return test(this.printedSince(from));
      throw err;
    }
  }

  /** Waits (bounded) for the program to exit; undefined when it is still running. */
  async exited(ms: number): Promise<ExitInfo | undefined> {
    try {
      return await this.program.waitForExit(this.ctx.within(ms), this.ctx.signal);
    } catch (err) {
      if (err instanceof WaitTimeout) return undefined;
      throw err;
    }
  }

  /** A failure saying the program did not `what` (it exited, crashed, or did nothing within `ms`). */
  stalled(what: string, ms: number, hint?: string): CheckFailure {
    const exit = this.program.exit;
    const out = this.program.outputText();
    const crash = findCrash(out);
    const extra = hint ? { hint } : {};
    if (crash) return new CheckFailure(`${this.who} crashed with a ${crash.name} instead of ${what.replace(/^(\w+)/, (v) => gerund(v))}`, { received: visibleText(crash.excerpt), ...extra });
    if (exit) return new CheckFailure(`${this.who} exited (${describeExit(exit)}) before it would ${what}`, { received: outputTail(out), ...extra });
    return new CheckFailure(`${this.who} did not ${what} within ${formatMs(ms)}`, { received: outputTail(out), ...extra });
  }

  private stalledBy(err: unknown, what: string, ms: number): unknown {
    if (err instanceof WaitTimeout || err instanceof ProgramExited) return this.stalled(what, ms);
    return err;
  }
}

/** `ask` → `asking`, for "crashed instead of asking for …". */
function gerund(verb: string): string {
  if (verb.endsWith('e') && verb !== 'be') return `${verb.slice(0, -1)}ing`;
  return `${verb}ing`;
}
