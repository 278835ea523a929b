/** Judging what the client printed against the response sockgrade sent: the whole of it, byte for byte. */
import type { Program, ExitInfo } from '../../harness/authoring.js';
import { CheckFailure } from '../../harness/authoring.js';
import { describeMismatch, describeSize, escapeBytes, firstDifference } from '../../harness/authoring.js';
import { findCrash, visibleText } from '../../harness/authoring.js';
import { formatMs } from '../../harness/authoring.js';

/** What happened around one response, for the diagnosis. */
export interface Delivery {
  /** e.g. `the 1025-byte body with Content-Length`. */
  what: string;
  response: Buffer;
  /** Bytes handed to the client before it stopped taking them. */
  sent: number;
  /** The client's exit, or undefined if it was still running `waitedMs` after the server closed. */
  exit: ExitInfo | undefined;
  waitedMs: number;
}

const HINT = 'keep calling recv() until it returns b"" (the server closed the connection), joining the pieces into one bytes object; decode it once at the end and print it whole';

/** Fails unless the program's output holds the whole response, contiguous and exact, and the program ended. */
export function expectPrinted(program: Program, d: Delivery): void {
  const out = program.outputBuffer();
  if (out.includes(d.response)) {
    if (d.exit) return;
    throw new CheckFailure(`for the ${d.what}, the client printed the whole response but was still running ${formatMs(d.waitedMs)} after the server closed the connection`, {
      hint: 'when recv() returns b"" the server has closed: leave the loop, print and end',
    });
  }
  const text = out.toString('utf8');
  const crash = findCrash(text);
  const early = d.sent < d.response.length ? `; the client closed the connection when sockgrade had sent ${d.sent} of its ${d.response.length} bytes` : '';
  if (crash) {
    throw new CheckFailure(`for the ${d.what}, the client crashed with a ${crash.name} before printing the whole response${early}`, {
      received: visibleText(crash.excerpt),
      hint: /UnicodeDecodeError/.test(crash.excerpt)
        ? 'the body has multi-byte UTF-8 characters (ñ, á, ü) and one was cut between two recv() calls: join all the bytes first and decode once, at the end'
        : HINT,
    });
  }
  const head = d.response.subarray(0, d.response.indexOf('\r\n') + 2);
  const at = out.indexOf(head);
  if (at < 0) {
    const asBytes = /b'HTTP\/1\.1|b"HTTP\/1\.1/.test(text);
    throw new CheckFailure(`for the ${d.what}, the client's output does not show the response's status line "${escapeBytes(head)}"${early}`, {
      expected: `the whole response (${describeSize(d.response.length)}), starting "${escapeBytes(d.response, 120)}"`,
      received: text.trim() === '' ? '(nothing printed)' : visibleText(text.length > 600 ? `…${text.slice(-600)}` : text),
      hint: asBytes ? 'print the response decoded as text (print(respuesta.decode())), not the bytes object, which shows as b\'...\'' : 'print the whole response: status line, headers, the empty line and the body, as received',
    });
  }
  const printed = out.subarray(at);
  const k = firstDifference(d.response, printed);
  const rest = printed.subarray(k).toString('utf8');
  const expected = `${describeSize(d.response.length)}: "${escapeBytes(d.response, 120)}"`;
  if (rest.trim() === '') {
    throw new CheckFailure(`for the ${d.what}, the client printed only the first ${k} of the ${d.response.length} bytes of the response${early}`, {
      expected,
      received: `${describeSize(k)}, ending "${escapeBytes(printed.subarray(Math.max(0, k - 40), k), 80)}"`,
      hint: HINT,
    });
  }
  throw new CheckFailure(`for the ${d.what}, the client did not print the response exactly as it was sent${early}\n${describeMismatch(d.response, printed.subarray(0, Math.min(printed.length, d.response.length)))}`, {
    expected,
    received: `"${escapeBytes(printed.subarray(0, d.response.length + 64), 120)}"`,
    hint: HINT,
  });
}
