/** The class's HTML index (`batch --html DIR`): one row per student with the score and a link to their page. */
import type { StudentRecord } from '../batch/records.js';
import type { Lang } from '../i18n/lang.js';
import { localizeText } from '../i18n/localize.js';
import { ui } from '../i18n/ui.js';
import { escapeHtml } from './html/escape.js';
import { STYLE } from './html/assets.js';

/** The file name of a student's page in the folder: the name, made safe for any file system and URL. */
export function studentPageName(student: string): string {
  return `${student.replace(/[^\p{L}\p{N}._-]/gu, '_')}.html`;
}

/** One self-contained page listing every student: score, how many checks failed, or why they could not be graded. */
export function renderClassIndex(exercise: string, exerciseTitle: string, students: readonly StudentRecord[], lang: Lang): string {
  const words = ui(lang);
  const rows = students.map((s) => {
    const name = escapeHtml(s.student);
    if (!s.result) return `<tr class="st-error"><td>${name}</td><td>–</td><td>${escapeHtml(words.classIndex.notGraded)}: ${escapeHtml(localizeText(s.error ?? '', lang))}</td></tr>`;
    const failed = s.result.checks.filter((c) => c.status === 'fail' || c.status === 'error').length;
    const link = `<a href="${encodeURIComponent(studentPageName(s.student))}">${name}</a>`;
    return `<tr class="${failed ? 'st-fail' : 'st-pass'}"><td>${link}</td><td>${s.result.score}/${s.result.maxScore}</td><td>${escapeHtml(failed ? words.failed(failed) : words.passed(s.result.checks.filter((c) => c.status === 'pass').length))}</td></tr>`;
  });
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`sockgrade · ${exercise} · ${words.classIndex.title}`)}</title>
<style>${STYLE}
table.class { border-collapse: collapse; width: 100%; } table.class td, table.class th { padding: .3em .6em; border-bottom: 1px solid #ddd; text-align: left; }</style>
</head>
<body>
<h1>${escapeHtml(`sockgrade · ${exercise}`)}</h1>
<p>${escapeHtml(localizeText(exerciseTitle, lang))} · ${escapeHtml(words.classIndex.students(students.length))}</p>
<table class="class"><thead><tr><th>${escapeHtml(words.classIndex.student)}</th><th>${escapeHtml(words.score)}</th><th>${escapeHtml(words.classIndex.checks)}</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table>
</body>
</html>
`;
}
