/** `sockgrade list`: every exercise with its roles, parameters (and defaults) and checks. */
import { EXERCISES } from '../../exercises/index.js';
import { canonicalPortOf, rolesOf, transportOf } from '../model/exercise.js';
import { resolveParams } from '../model/params.js';
import { REPORTS } from './reports-catalogue.js';

/** Renders the catalogue as text. */
export function listText(): string {
  const lines: string[] = [];
  for (const ex of Object.values(EXERCISES)) {
    lines.push(`${ex.id}  (${ex.catalogue}) ${ex.title}`);
    const defaults = resolveParams(ex.id, ex.params, []);
    lines.push(`  roles: ${rolesOf(ex).join(', ')} · ${transportOf(ex, defaults).toUpperCase()} · course default port ${canonicalPortOf(ex, defaults)}`);
    const params = Object.entries(ex.params);
    if (params.length === 0) lines.push('  parameters: none');
    for (const [k, p] of params) lines.push(`  --param ${k}=${String(p.default)}  ${p.description}`);
    for (const role of rolesOf(ex)) {
      lines.push(`  ${role} checks: ${ex.checks.filter((c) => c.role === role).map((c) => c.id).join(', ')}`);
    }
    lines.push('');
  }
  for (const r of REPORTS) {
    lines.push(`${r.id}  (${r.catalogue}) ${r.title}`, `  ${r.about}`, `  usage: ${r.usage}`, '');
  }
  return lines.join('\n');
}

/** The catalogue as JSON, for tools. */
export function listJson(): string {
  const list = Object.values(EXERCISES).map((ex) => ({
    id: ex.id,
    catalogue: ex.catalogue,
    title: ex.title,
    roles: rolesOf(ex),
    transport: transportOf(ex, resolveParams(ex.id, ex.params, [])),
    canonicalPort: canonicalPortOf(ex, resolveParams(ex.id, ex.params, [])),
    params: Object.fromEntries(Object.entries(ex.params).map(([k, p]) => [k, { type: p.type, default: p.default, description: p.description }])),
    checks: ex.checks.map((c) => ({ id: c.id, title: c.title, role: c.role, weight: c.weight })),
  }));
  return `${JSON.stringify(list, null, 2)}\n`;
}
