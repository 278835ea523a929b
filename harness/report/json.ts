/** The result model as JSON: the form other tools read. */
import type { GradeResult } from '../model/result.js';

/** Pretty JSON of the whole result. */
export function renderJson(result: GradeResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
