/**
 * `name.stays-in-folder` of C1 `file-copy` under `name-first`: the name a client sends must not
 * take the copy out of the server's working folder. The folder above it is the check's own box,
 * so a copy that escaped is found there (and removed with the box).
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { defineServerCheck, CheckFailure, describeSize } from '../../harness/authoring.js';
import { settleFile } from '../shared/files-wait.js';
import { nameFirst, pickName } from './cases.js';
import { closeTransfer, copyWait, sendFile, serverDone } from './server-transfer.js';
import { sample, stillCopies } from './robust.js';

export const nameStaysInFolderCheck = defineServerCheck({
  id: 'name.stays-in-folder',
  title: 'keeps a file named "../name" inside its working folder, and copies the next file',
  weight: 1,
  budgetMs: 20_000,
  hint: 'a name that comes from the network is not to be trusted: keep only its last part (os.path.basename(nombre)), or refuse a name with "/" or "..", so that no client can write outside the folder',
  notApplicable: (p) => (nameFirst(p) ? undefined : 'the file name is not sent (--param name-first=on sends it first)'),
  async run(ctx) {
    const base = pickName(ctx.rng);
    const name = `../${base}`;
    const outside = join(ctx.workDir, '..', base);
    const data = sample(ctx.rng);
    const t = await sendFile(ctx, data, { label: 'client naming a file outside the folder', name });
    ctx.doing(`waiting for the server to deal with the name "${name}"`);
    // Whether it refuses, writes inside or writes outside, it is done once it closes or the escaped copy is complete.
    const { content } = await settleFile(ctx, outside, { ended: () => serverDone(ctx, t), expectedSize: data.length, ms: copyWait(data.length) });
    closeTransfer(t);
    if (content !== undefined || existsSync(outside)) {
      rmSync(outside, { force: true, recursive: true });
      throw new CheckFailure(`the server wrote the file outside its working folder: the name "${name}" sent on the first line put ${content ? describeSize(content.length) : 'a file'} in the folder above it`, {
        expected: `a copy named ${base} inside the working folder, or the name refused`,
        received: `${base} written in the parent folder`,
      });
    }
    await stillCopies(ctx, `a client sent the name "${name}"`);
  },
});
