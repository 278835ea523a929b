/**
 * Localising a result for people: titles, diagnoses, hints, notes and transcript events are
 * translated through the catalogues; ids, data, program output and reproduce lines are left as
 * they are. Any reporter can render a localised result the way it renders an English one.
 */
import type { CheckResult, Evidence, GradeResult } from '../model/result.js';
import type { TranscriptView } from '../process/transcript.js';
import { Translator, type Catalogue } from './catalogue.js';
import type { Lang } from './lang.js';
import { SPANISH } from './es/index.js';

const translators = new Map<Lang, Translator>();
const added = new Map<Lang, Catalogue[]>();

/**
 * Adds catalogues into `lang` (an exercise's own messages, or the shared checks'), after the
 * harness's own; on equal keys, a catalogue added later wins.
 */
export function addCatalogues(lang: Exclude<Lang, 'en'>, catalogues: readonly Catalogue[]): void {
  const list = added.get(lang) ?? [];
  for (const c of catalogues) if (!list.includes(c)) list.push(c);
  added.set(lang, list);
  translators.delete(lang);
}

/** The translator into `lang`, or undefined for English (the language the messages are written in). */
export function translatorFor(lang: Lang): Translator | undefined {
  if (lang === 'en') return undefined;
  let t = translators.get(lang);
  if (!t) {
    t = new Translator([...SPANISH, ...(added.get(lang) ?? [])]);
    translators.set(lang, t);
  }
  return t;
}

/** One message in `lang` (unchanged when the catalogue does not know it). */
export function localizeText(text: string, lang: Lang): string {
  return translatorFor(lang)?.translate(text) ?? text;
}

function localizeTranscript(view: TranscriptView, t: Translator): TranscriptView {
  return {
    ...view,
    label: t.translate(view.label),
    entries: view.entries.map((e) => (e.source === 'event' ? { ...e, text: t.translate(e.text) } : e)),
    ...(view.truncated !== undefined ? { truncated: t.translate(view.truncated) } : {}),
  };
}

function localizeEvidence(e: Evidence, t: Translator): Evidence {
  const out: Evidence = { ...e };
  for (const k of ['expected', 'received', 'hint', 'programExit'] as const) {
    const v = e[k];
    if (v !== undefined) out[k] = t.translate(v);
  }
  if (e.notes) out.notes = e.notes.map((n) => t.translate(n));
  if (e.transcripts) out.transcripts = e.transcripts.map((v) => localizeTranscript(v, t));
  return out;
}

/** One check's result in `lang`; its id, status and points do not change. */
export function localizeCheck(r: CheckResult, lang: Lang): CheckResult {
  const t = translatorFor(lang);
  if (!t) return r;
  return { ...r, title: t.translate(r.title), message: t.translate(r.message), evidence: localizeEvidence(r.evidence, t) };
}

/**
 * The whole result in `lang`: a new {@link GradeResult} of the same shape, for any reporter.
 * English returns `result` itself.
 */
export function localize(result: GradeResult, lang: Lang): GradeResult {
  const t = translatorFor(lang);
  if (!t) return result;
  return {
    ...result,
    checks: result.checks.map((c) => localizeCheck(c, lang)),
    run: { ...result.run, isolation: t.translate(result.run.isolation), notes: result.run.notes.map((n) => t.translate(n)) },
  };
}
