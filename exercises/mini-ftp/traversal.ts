/**
 * `ftp.path-traversal`: names that lead out of the server's folder (`../`, absolute paths, `..`
 * hidden in the middle, symbolic links placed in the folder that point outside) must be refused,
 * and nothing outside may be read or written. The outside is a canary folder created by the check
 * next to the server's scratch folder, unique to it and removed when the check ends.
 */
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { defineServerCheck } from '../../harness/authoring.js';
import type { ServerCheckContext } from '../../harness/authoring.js';
import { CheckFailure } from '../../harness/authoring.js';
import { escapeBytes } from '../../harness/authoring.js';
import { FtpSession, transportOf } from './protocol.js';

/** How long a refusal may take; an attempt left unanswered is not judged here (other checks see a server that hangs). */
const ANSWER_MS = 2000;
const HINT = 'resolve the name inside your folder and refuse it unless it stays there: ruta = os.path.realpath(os.path.join(base, nombre)); if os.path.commonpath([base, ruta]) != base: refuse (realpath also follows symbolic links)';

/** The canary: a folder beside the server's, with a secret file in it. */
interface Outside {
  dir: string;
  secretPath: string;
  secret: Buffer;
}

async function makeOutside(ctx: ServerCheckContext): Promise<Outside> {
  const dir = await mkdtemp(join(dirname(ctx.workDir), `${basename(ctx.workDir)}-fuera-`));
  ctx.own(undefined, () => rm(dir, { recursive: true, force: true }));
  const secret = Buffer.from(`secreto ${ctx.rng.word(24)}\n`);
  const secretPath = join(dir, 'secreto.txt');
  await writeFile(secretPath, secret);
  // Open to the server's (possibly unprivileged) uid, as a careless machine would be: only its own code may keep it out.
  await chmod(dir, 0o777);
  await chmod(secretPath, 0o666);
  await mkdir(join(ctx.workDir, 'docs'));
  await writeFile(join(ctx.workDir, 'docs', 'leeme.txt'), 'Documentos del servidor\n');
  await symlink(secretPath, join(ctx.workDir, 'enlace.txt'));
  await symlink(dir, join(ctx.workDir, 'enlace_dir'));
  return { dir, secretPath, secret };
}

/** Fails when anything outside changed: a new file in the canary folder, or the secret rewritten. */
async function assertOutsideIntact(o: Outside, after: string): Promise<void> {
  const entries = await readdir(o.dir);
  const added = entries.filter((e) => e !== 'secreto.txt');
  if (added.length > 0) {
    throw new CheckFailure(`after ${after}, the server had written ${added.map((a) => `"${a}"`).join(', ')} in a folder outside its own (${o.dir})`, { hint: HINT });
  }
  const now = await readFile(o.secretPath).catch(() => undefined);
  if (!now?.equals(o.secret)) {
    throw new CheckFailure(`after ${after}, a file outside the server's folder had been ${now ? 'overwritten' : 'removed'} (${o.secretPath}, reached through the symbolic link enlace.txt that points outside)`, {
      expected: `"${escapeBytes(o.secret)}"`,
      received: now ? `"${escapeBytes(now, 120)}"` : 'no such file',
      hint: HINT,
    });
  }
}

export const pathTraversalCheck = defineServerCheck({
  id: 'ftp.path-traversal',
  title: 'refuses names that lead out of its folder (../, absolute paths, .. in the middle, symbolic links) and reads or writes nothing outside',
  weight: 2,
  budgetMs: 30_000,
  hint: HINT,
  async run(ctx) {
    const o = await makeOutside(ctx);
    const up = `../${basename(o.dir)}`;
    let s: FtpSession | undefined;
    // Over UDP every attempt has a socket of its own: a refused put's content, if the server took it for commands, answers nothing of the next attempt.
    const udp = transportOf(ctx.params) === 'udp';
    const session = async (): Promise<FtpSession> => {
      if (!s?.open || udp) {
        s?.close();
        await ctx.server.program.waitForQuiet(50, ctx.within(500), ctx.signal).catch(() => {});
        ctx.assertServerAlive('after a name that leads out of its folder');
        s = await FtpSession.open(ctx, 'client');
      }
      return s;
    };
    const gets: [string, string][] = [
      [`${up}/secreto.txt`, 'a relative path with ../'],
      [o.secretPath, 'an absolute path'],
      [`docs/../../${basename(o.dir)}/secreto.txt`, 'a path with .. hidden in the middle'],
      ['enlace.txt', 'a symbolic link in its folder that points to a file outside'],
      ['enlace_dir/secreto.txt', 'a path through a symbolic link to a folder outside'],
    ];
    for (const [name, what] of gets) {
      const c = await session();
      const cmd = `${c.words.get} ${name}`;
      const r = await c.command(cmd, ANSWER_MS);
      const got = r.kind === 'body' ? r.body : r.partial;
      if (got.includes(o.secret.subarray(0, 20)) || c.received.includes(o.secret.subarray(0, 20))) {
        throw new CheckFailure(`"${cmd}" (${what}) got the content of ${o.secretPath}, a file outside the server's folder`, { expected: 'a refusal (an error reply) or the connection closed', received: `"${escapeBytes(got, 120)}"`, hint: HINT });
      }
      if (r.kind !== 'body') await c.reset();
    }
    const puts: [string, string][] = [
      [`${up}/subido_${ctx.rng.word(5)}.txt`, 'a relative path with ../'],
      [join(o.dir, `subido_${ctx.rng.word(5)}.txt`), 'an absolute path'],
      [`docs/../../${basename(o.dir)}/subido_${ctx.rng.word(5)}.txt`, 'a path with .. hidden in the middle'],
      ['enlace.txt', 'a symbolic link in its folder that points to a file outside'],
      [`enlace_dir/subido_${ctx.rng.word(5)}.txt`, 'a path through a symbolic link to a folder outside'],
    ];
    for (const [name, what] of puts) {
      const c = await session();
      const r = await c.put(name, Buffer.from(`pirata ${ctx.rng.word(8)}\n`), ANSWER_MS);
      await ctx.server.program.waitForQuiet(50, ctx.within(500), ctx.signal).catch(() => {});
      await assertOutsideIntact(o, `"${c.words.put} ${name}" (${what})`);
      if (r.kind !== 'body') await c.reset();
    }
    await ctx.server.program.waitForQuiet(50, ctx.within(500), ctx.signal).catch(() => {});
    ctx.assertServerAlive('after names that lead out of its folder');
  },
});
