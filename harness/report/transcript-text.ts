/** Transcripts as plain text: what sockgrade sent, received and typed, and what each program printed, in time order. */
import type { TranscriptView } from '../process/transcript.js';

const SOURCE: Record<TranscriptView['entries'][number]['source'], string> = {
  program: 'printed',
  typed: 'typed',
  sent: 'sent',
  received: 'received',
  event: '·',
};

/**
 * Every transcript of a check, one block per connection or program, one line per entry. `sources`
 * names the kinds of entry (English by default); what sockgrade typed is marked with `▶`.
 */
export function transcriptText(views: readonly TranscriptView[], sources: Record<TranscriptView['entries'][number]['source'], string> = SOURCE): string {
  const blocks: string[] = [];
  for (const v of views) {
    if (v.entries.length === 0 && !v.truncated) continue;
    const lines = [`${v.label}:`];
    for (const e of v.entries) {
      const size = e.bytes !== undefined ? ` (${e.bytes} byte${e.bytes === 1 ? '' : 's'})` : '';
      const text = e.source === 'typed' ? `${e.text.replace(/\r?\n$/, '')} ⏎` : e.text;
      lines.push(`${e.source === 'typed' ? '▶' : ' '} ${(e.t / 1000).toFixed(3).padStart(8)}s ${sources[e.source].padEnd(8)} ${text}${size}`);
    }
    if (v.truncated) lines.push(`  … ${v.truncated}`);
    blocks.push(lines.join('\n'));
  }
  return blocks.join('\n');
}
