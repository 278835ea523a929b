/** Writing the report files a run asked for: JSON, JUnit, Gradescope, and GitHub's summary and annotations (each writer loads only when asked for). */
import { appendFile } from 'node:fs/promises';
import { checkOutputPaths, writeEach, writeOutputFile } from './output-paths.js';
import type { GradeResult } from '../model/result.js';
import { renderJson } from './json.js';
import { terminalSafeDeep } from './terminal-text.js';

/** The report files and outputs asked for on the command line. */
export interface ReportRequest {
  json?: string;
  junit?: string;
  gradescope?: string;
  /** The self-contained HTML report (written by the caller, checked here). */
  html?: string;
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

/** Refuses, before anything runs, report files that are empty, unwritable or named twice. */
export function checkReportRequest(req: ReportRequest): void {
  checkOutputPaths([
    { flag: 'json', file: req.json },
    { flag: 'junit', file: req.junit },
    { flag: 'gradescope', file: req.gradescope },
    { flag: 'html', file: req.html },
  ]);
}

/** Writes a report file, making its folder when needed; a relative name is taken from the current folder. */
export const writeOut = writeOutputFile;

/**
 * Writes every requested report of `result`, each on its own (one that cannot be written is
 * said through `io.warn` and the others are still written); resolves with how many failed.
 */
export async function writeReports(result: GradeResult, req: ReportRequest, io: ReportIo): Promise<number> {
  const junit = req.junit ? (await import('./junit.js')).renderJunit : undefined;
  const gradescope = req.gradescope ? (await import('./gradescope.js')).renderGradescope : undefined;
  const files = [
    ...(req.json ? [{ flag: 'json', file: req.json, text: () => renderJson(result) }] : []),
    ...(req.junit && junit ? [{ flag: 'junit', file: req.junit, text: () => junit(result) }] : []),
    ...(req.gradescope && gradescope ? [{ flag: 'gradescope', file: req.gradescope, text: () => gradescope(result) }] : []),
  ];
  let failed = await writeEach(files, io.warn);
  if (req.github) {
    const { githubAnnotations, githubSummary } = await import('./github.js');
    io.stdout(githubAnnotations(terminalSafeDeep(result), io.env.GITHUB_WORKSPACE ?? process.cwd()));
    const summary = io.env.GITHUB_STEP_SUMMARY;
    if (summary) {
      await appendFile(summary, `${githubSummary(result)}\n`).catch((err: NodeJS.ErrnoException) => {
        failed += 1;
        io.warn(`--github: the job summary could not be appended to ${summary} (${err.code ?? err.message})`);
      });
    } else io.warn('--github: GITHUB_STEP_SUMMARY is not set (not running in GitHub Actions?), so no job summary was written');
  }
  return failed;
}
