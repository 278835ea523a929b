/** Server checks of C1 `file-copy`: every file sockgrade sends is written byte for byte to `output`. */
import { defineServerCheck, type ServerCheck } from '../../harness/authoring.js';
import type { ServerCheckContext } from '../../harness/authoring.js';
import { CheckFailure } from '../../harness/authoring.js';
import { caseNotApplicable, FILE_CASES, nameFirst, pickName, type FileCase } from './cases.js';
import { closeTransfer, expectCopy, sendFile } from './server-transfer.js';
import { nameStaysInFolderCheck } from './name-checks.js';

/** Runs the transfers of `c` one after the other, each judged before the next starts. */
async function copyAll(ctx: ServerCheckContext, c: FileCase): Promise<void> {
  const files = c.files(ctx.rng);
  // Under name-first every transfer of a check names the same file, so the second must replace the first.
  const name = nameFirst(ctx.params) ? pickName(ctx.rng) : undefined;
  let previous: Buffer | undefined;
  for (const [i, data] of files.entries()) {
    const label = files.length > 1 ? `client ${i + 1} of ${files.length}` : 'client';
    const prefix = files.length > 1 ? `transfer ${i + 1} of ${files.length}: ` : '';
    let t;
    try {
      t = await sendFile(ctx, data, { label, ...(c.slicing ? { slicing: c.slicing } : {}), ...(name !== undefined ? { name } : {}) });
    } catch (err) {
      if (err instanceof CheckFailure && i > 0) {
        ctx.assertServerAlive(`after transfer ${i}`);
        throw new CheckFailure(`${prefix}${err.message}`, err.details);
      }
      throw err;
    }
    await expectCopy(ctx, t, data, { prefix, ...(previous ? { previous } : {}) });
    closeTransfer(t);
    previous = data;
  }
}

function serverCheck(c: FileCase): ServerCheck {
  const na = caseNotApplicable(c, 'server');
  return defineServerCheck({
    id: c.id,
    title: `copies ${c.subject} into the output file byte for byte${c.slicing ? ' (sent in slices)' : ' (sent in one write)'}`,
    weight: c.weight,
    budgetMs: c.budgetMs,
    hint: c.hint,
    ...(na ? { notApplicable: na } : {}),
    run: (ctx) => copyAll(ctx, c),
  });
}

export const fileCopyServerChecks: readonly ServerCheck[] = [...FILE_CASES.map(serverCheck), nameStaysInFolderCheck];
