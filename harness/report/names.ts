/** Test names for tools that key tests by name (JUnit consumers, Gradescope, GitHub). */
import type { CheckResult } from '../model/result.js';

/**
 * One name per check, unique within the result: `id: title`, with the role in front
 * (`client robust.no-crash-output: …`) when the id is used by both roles. GitLab keys tests by
 * class name and name and drops duplicates, so two checks must never share a name.
 */
export function testNames(checks: readonly CheckResult[]): string[] {
  const roles = new Map<string, Set<string>>();
  for (const c of checks) roles.set(c.id, (roles.get(c.id) ?? new Set()).add(c.role));
  return checks.map((c) => `${(roles.get(c.id)?.size ?? 0) > 1 ? `${c.role} ` : ''}${c.id}: ${c.title}`);
}
