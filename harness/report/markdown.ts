/** Markdown pieces shared by the Gradescope and GitHub reports. */
import type { CheckResult } from '../model/result.js';
import { transcriptText } from './transcript-text.js';

/** `text` in a fenced code block whose fence no backtick run inside can close. */
export function fenced(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}text\n${text}\n${fence}`;
}

/** `text` on one line with Markdown's special characters escaped, for prose and table cells. */
export function inline(text: string): string {
  return text
    .replace(/\r?\n/g, ' ')
    .replace(/[\\`*_[\]|<>~]/g, (c) => `\\${c}`);
}

/** The diagnosis of a failed check in Markdown; `transcripts` adds them in a collapsible block (where HTML is allowed). */
export function diagnosisMarkdown(r: CheckResult, opts: { transcripts: 'details' | 'block' | 'none' }): string {
  const e = r.evidence;
  const parts = [fenced(r.message)];
  if (e.expected) parts.push(`**expected**\n\n${fenced(e.expected)}`);
  if (e.received) parts.push(`**received**\n\n${fenced(e.received)}`);
  if (e.hint) parts.push(`**hint:** ${inline(e.hint)}`);
  if (e.programExit) parts.push(`**the ${r.role} ended:** ${inline(e.programExit)}`);
  if (e.programOutput) parts.push(`**${r.role} output**\n\n${fenced(e.programOutput)}`);
  if (e.notes?.length) parts.push(e.notes.map((n) => `- ${inline(n)}`).join('\n'));
  const transcripts = e.transcripts ? transcriptText(e.transcripts) : '';
  if (transcripts && opts.transcripts === 'details') parts.push(`<details><summary>transcript</summary>\n\n${fenced(transcripts)}\n\n</details>`);
  if (transcripts && opts.transcripts === 'block') parts.push(`**transcript**\n\n${fenced(transcripts)}`);
  if (e.stack) parts.push(fenced(e.stack));
  if (e.reproduce) parts.push(`**reproduce**\n\n${fenced(e.reproduce)}`);
  return parts.join('\n\n');
}
