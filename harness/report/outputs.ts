/** Writing the report files a run asked for: JSON, JUnit, Gradescope, and GitHub's summary and annotations. */
import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../model/failure.js';
import type { GradeResult } from '../model/result.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import { renderGradescope } from './gradescope.js';
import { githubAnnotations, githubSummary } from './github.js';

/** The report files and outputs asked for on the command line. */
export interface ReportRequest {
  json?: string;
  junit?: string;
  gradescope?: string;
  /** GitHub Actions: job summary and `::error` annotations. */
  github?: boolean;
}

/** Where reports other than files go. */
export interface ReportIo {
  /** Standard output (annotations). */
  stdout: (text: string) => void;
  /** One line for the user on standard error. */
  warn: (line: string) => void;
  env: NodeJS.ProcessEnv;
}

/** Refuses empty file names before anything runs. */
export function checkReportRequest(req: ReportRequest): void {
  for (const [flag, file] of [['json', req.json], ['junit', req.junit], ['gradescope', req.gradescope]] as const) {
    if (file !== undefined && file.trim() === '') throw new UsageError(`--${flag} needs a file name`);
  }
}

/** Writes a report file, making its folder when needed; a relative name is taken from the current folder. */
export async function writeOut(file: string, text: string): Promise<void> {
  const path = resolve(file);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
}

/** Writes every requested report of `result`. */
export async function writeReports(result: GradeResult, req: ReportRequest, io: ReportIo): Promise<void> {
  if (req.json) await writeOut(req.json, renderJson(result));
  if (req.junit) await writeOut(req.junit, await renderJunit(result));
  if (req.gradescope) await writeOut(req.gradescope, renderGradescope(result));
  if (req.github) {
    io.stdout(githubAnnotations(result, io.env.GITHUB_WORKSPACE ?? process.cwd()));
    const summary = io.env.GITHUB_STEP_SUMMARY;
    if (summary) await appendFile(summary, `${githubSummary(result)}\n`);
    else io.warn('--github: GITHUB_STEP_SUMMARY is not set (not running in GitHub Actions?), so no job summary was written');
  }
}
