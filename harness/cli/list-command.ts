/** `sockgrade list`: every exercise with its contract, roles, parameters (and defaults) and checks; a course's own exercises say where they come from. */
import type { ExerciseSet } from '../course/exercise-set.js';
import { canonicalPortOf, rolesOf, transportOf } from '../model/exercise.js';
import { resolveParams } from '../model/params.js';
import type { Lang } from '../i18n/lang.js';
import { localizeText } from '../i18n/localize.js';
import { ui } from '../i18n/ui.js';
import { REPORTS } from './reports-catalogue.js';

function originText(exercises: ExerciseSet, id: string): string {
  const origin = exercises.originOf(id);
  return origin === undefined || origin === 'built-in' ? 'built-in' : origin.file;
}

/** Renders the catalogue as text in `lang`: each exercise's contract per role, transport and port, parameters, checks. */
export function listText(exercises: ExerciseSet, lang: Lang = 'en'): string {
  const words = ui(lang).list;
  const t = (text: string): string => localizeText(text, lang);
  const lines: string[] = [];
  for (const ex of exercises.all()) {
    lines.push(`${ex.id}  (${ex.catalogue}) ${t(ex.title)}`);
    const origin = originText(exercises, ex.id);
    if (origin !== 'built-in') lines.push(`  from: ${origin}`);
    for (const role of rolesOf(ex)) lines.push(`  ${words.contract(role)}: ${t(ex.contract[role] ?? '')}`);
    const defaults = resolveParams(ex.id, ex.params, []);
    lines.push(`  ${words.transport(transportOf(ex, defaults).toUpperCase(), canonicalPortOf(ex, defaults))}`);
    const params = Object.entries(ex.params);
    if (params.length === 0) lines.push(`  ${words.noParams}`);
    for (const [k, p] of params) lines.push(`  --param ${k}=${String(p.default)}  ${t(p.description)}`);
    for (const role of rolesOf(ex)) {
      const checks = ex.checks.filter((c) => c.role === role);
      lines.push(`  ${words.checks(role)}: ${checks.map((c) => (c.weight === 1 ? c.id : `${c.id} (×${c.weight})`)).join(', ')}`);
    }
    lines.push('');
  }
  for (const r of REPORTS) {
    lines.push(`${r.id}  (${r.catalogue}) ${t(r.title)}`, `  ${t(r.about)}`, `  ${words.usage}: ${t(r.usage)}`, '');
  }
  return lines.join('\n');
}

/** The catalogue as JSON, for tools. */
export function listJson(exercises: ExerciseSet): string {
  const list = exercises.all().map((ex) => ({
    id: ex.id,
    origin: originText(exercises, ex.id),
    catalogue: ex.catalogue,
    title: ex.title,
    contract: ex.contract,
    roles: rolesOf(ex),
    transport: transportOf(ex, resolveParams(ex.id, ex.params, [])),
    canonicalPort: canonicalPortOf(ex, resolveParams(ex.id, ex.params, [])),
    params: Object.fromEntries(Object.entries(ex.params).map(([k, p]) => [k, { type: p.type, default: p.default, description: p.description }])),
    checks: ex.checks.map((c) => ({ id: c.id, title: c.title, role: c.role, weight: c.weight })),
  }));
  return `${JSON.stringify(list, null, 2)}\n`;
}
