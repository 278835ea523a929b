/**
 * The students of a batch: one sub-folder each, in a stable order, and the deterministic share
 * of them that one shard grades.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../model/failure.js';

/** One student's submission folder. */
export interface Student {
  /** The folder's name, used as the student's id in every output. */
  name: string;
  /** Absolute path of the folder. */
  dir: string;
}

/** The sub-folders of `root` (hidden ones left out), sorted by name. */
export function studentsIn(root: string): Student[] {
  let names: string[];
  try {
    names = readdirSync(root);
  } catch (err) {
    throw new UsageError(`cannot read the class folder ${root}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'it does not exist' : (err as Error).message}`);
  }
  const students = names
    .filter((n) => !n.startsWith('.'))
    .map((name) => ({ name, dir: join(root, name) }))
    .filter((s) => {
      try {
        return statSync(s.dir).isDirectory();
      } catch {
        return false;
      }
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (students.length === 0) throw new UsageError(`the class folder ${root} has no sub-folders: put one folder per student in it`);
  return students;
}

/** A shard `i/n`: the i-th (1-based) of n parts. */
export interface Shard {
  index: number;
  count: number;
}

/** Parses `i/n`. */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count) throw new UsageError(`--shard expects i/n with 1 <= i <= n, like 2/4, got "${text}"`);
  return { index, count };
}

/** The students shard `s` grades: every n-th in name order, so shards are even and disjoint and together cover the class. */
export function shardOf<T>(students: readonly T[], s: Shard): T[] {
  return students.filter((_, k) => k % s.count === s.index - 1);
}
