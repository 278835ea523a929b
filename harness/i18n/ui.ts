/**
 * The words of the reports themselves (headings, labels, counts), per language. Messages about
 * the submission come from the catalogues instead (see `localize.ts`).
 */
import type { CheckStatus, Role } from '../model/result.js';
import type { Lang } from './lang.js';

/** Report wording in one language. */
export interface UiText {
  role: Record<Role, string>;
  status: Record<CheckStatus, string>;
  failures(n: number): string;
  notes: string;
  score: string;
  passed(n: number): string;
  failed(n: number): string;
  harnessErrors(n: number): string;
  skipped(n: number): string;
  skippedBecause: string;
  roleChecksSkipped(role: Role, n: number): string;
  seed: string;
  isolation: string;
  courseConfig: string;
  /** A check's points: earned of its weight. */
  points(earned: number, max: number): string;
  /** After the score when some check weighs other than 1. */
  pointsNote: string;
  alreadyExited(role: Role, firstCheck: string): string;
  transcriptHeading: string;
  expected: string;
  received: string;
  hint: string;
  reproduce: string;
  programEnded(role: Role): string;
  programOutput(role: Role): string;
  /** The two lines `sockgrade demo` (npm start) opens with. */
  demoIntro(examples: number): string;
  demoExample: string;
  demoAsExpected(ids: string): string;
  demoAllExpected(n: number): string;
  demoUnexpected: string;
  referenceListening(exercise: string, at: { host: string; port: number; transport: string }): string;
  /** `batch --html`'s index page and the end of batch and merge. */
  classIndex: {
    title: string;
    student: string;
    checks: string;
    notGraded: string;
    students(n: number): string;
    notGradedList(n: number): string;
    /** `merge`: how many students were joined, and those found in two inputs (the later kept). */
    merged(n: number, exercise: string, duplicates: string): string;
    /** `merge`: shards named by the inputs' `i/n` labels that none of the inputs holds. */
    incomplete(missing: readonly string[]): string;
  };
  /** A batch's progress lines (on stderr). */
  batchProgress: {
    start(n: number, kept: number): string;
    status(done: number, total: number, failing: number, notGraded: number): string;
    eta(time: string): string;
    notGraded(reason: string): string;
    done(n: number, failing: number, notGraded: number, time: string): string;
  };
  /** Watch mode. */
  watch: {
    waiting(folders: string): string;
    saved(file: string): string;
    nowPasses(points: number): string;
    nowFails(points: number): string;
    failsDifferently: string;
    noChange: string;
    unchanged(passing: number, failing: readonly string[]): string;
    score(score: number, max: number, before: number): string;
  };
  /** `sockgrade list`. */
  list: {
    contract(role: Role): string;
    transport(transport: string, port: number): string;
    noParams: string;
    checks(role: Role): string;
    /** Before how to get a report of the catalogue. */
    usage: string;
  };
  /** HTML report only. */
  html: {
    title: string;
    generated: string;
    commands: string;
    duration: string;
    points: string;
    expandAll: string;
    collapseAll: string;
    copy: string;
    copied: string;
    diagram: string;
    transcripts: string;
    sockgradeSide: string;
    submissionSide: string;
    time: string;
    source: string;
    text: string;
    noTranscripts: string;
    passNoTranscript: string;
    moreBytes(n: number): string;
    pieces(n: number): string;
    moreChars(n: number): string;
    moreEntries(n: number): string;
    moreLanes(n: number): string;
    notKept: string;
    sources: Record<'program' | 'typed' | 'sent' | 'received' | 'event', string>;
    stack: string;
    budget: string;
    legend: string;
    /** Said of a packet on the diagram (from a --trace capture). */
    packetMarks: Record<'retransmission' | 'duplicate ACK' | 'zero window', string>;
    /** Added to the legend when packets are drawn. */
    packetLegend: string;
  };
}

const EN: UiText = {
  role: { server: 'server', client: 'client' },
  status: { pass: 'passed', fail: 'failed', skip: 'skipped', error: 'harness error' },
  failures: (n) => (n === 1 ? 'Failure' : 'Failures'),
  notes: 'Notes',
  score: 'Score',
  passed: (n) => `${n} passed`,
  failed: (n) => `${n} failed`,
  harnessErrors: (n) => `${n} harness errors`,
  skipped: (n) => `${n} skipped`,
  skippedBecause: 'skipped',
  roleChecksSkipped: (role, n) => `${role} checks (${n}) skipped`,
  seed: 'seed',
  isolation: 'isolation',
  courseConfig: 'course config',
  points: (p, m) => `${p}/${m} ${m === 1 ? 'pt' : 'pts'}`,
  pointsNote: 'points (checks weigh what their lines say)',
  alreadyExited: (role, first) => `the ${role} had already exited the same way (see ${first})`,
  transcriptHeading: 'transcript (▶ typed by sockgrade)',
  expected: 'expected',
  received: 'received',
  hint: 'hint',
  reproduce: 'reproduce',
  programEnded: (role) => `the ${role} ended`,
  programOutput: (role) => `${role} output`,
  demoIntro: (n) =>
    `sockgrade demo: grades ${n} sample submissions of unit A (UDP and TCP echo servers and clients, written the way students write them, correct and buggy) with the real checks.\n` +
    'For each you will see its report: one line per check, then each failure with what was sent, what came back, the program\'s own output, a hint and the command that replays it.',
  demoExample: 'example',
  demoAsExpected: (ids) => `(as expected: this example is meant to fail ${ids})`,
  demoAllExpected: (n) => `demo: all ${n} examples got their expected verdicts`,
  demoUnexpected: 'demo: unexpected verdicts:',
  referenceListening: (ex, at) => `reference server of ${ex} listening on ${at.host}:${at.port} (${at.transport}); Ctrl+C to stop`,
  classIndex: {
    title: 'class',
    student: 'student',
    checks: 'checks',
    notGraded: 'not graded',
    students: (n) => `${n} ${n === 1 ? 'student' : 'students'}`,
    notGradedList: (n) => `${n} ${n === 1 ? 'student' : 'students'} could not be graded:`,
    merged: (n, exercise, duplicates) => `merged ${n} ${n === 1 ? 'student' : 'students'} of ${exercise}${duplicates ? ` (found twice, the later kept: ${duplicates})` : ''}`,
    incomplete: (missing) => `the class is incomplete: shard ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not among the inputs`,
  },
  batchProgress: {
    start: (n, kept) => `grading ${n} ${n === 1 ? 'submission' : 'submissions'}${kept ? ` (${kept} already graded, kept; --force grades them again)` : ''}`,
    status: (done, total, failing, notGraded) => `[${done}/${total}] ${failing} with failures, ${notGraded} not graded`,
    eta: (time) => ` · ETA ${time}`,
    notGraded: (reason) => `not graded: ${reason}`,
    done: (n, failing, notGraded, time) => `done: ${n} ${n === 1 ? 'submission' : 'submissions'}, ${failing} with failures, ${notGraded} not graded, in ${time}`,
  },
  watch: {
    waiting: (folders) => `watching ${folders}: save a file to grade again (Ctrl-C to stop)`,
    saved: (file) => `${file} changed: grading again`,
    nowPasses: (p) => `now passes (+${p})`,
    nowFails: (p) => `now fails (−${p})`,
    failsDifferently: 'still fails, for another reason:',
    noChange: 'no check changed its verdict',
    unchanged: (passing, failing) => `unchanged: ${passing} passing${failing.length ? `, ${failing.length} still failing (${failing.join(', ')})` : ''}`,
    score: (score, max, before) => `Score: ${score}/${max} (was ${before})`,
  },
  list: {
    contract: (role) => `a correct ${role}`,
    transport: (t, port) => `${t} · course default port ${port}`,
    noParams: 'parameters: none',
    checks: (role) => `${role} checks (weight 1 unless ×N)`,
    usage: 'usage',
  },
  html: {
    title: 'sockgrade report',
    generated: 'graded on',
    commands: 'Commands',
    duration: 'duration',
    points: 'points',
    expandAll: 'Expand all',
    collapseAll: 'Collapse all',
    copy: 'Copy',
    copied: 'Copied',
    diagram: 'Sequence diagram: who sent what, and when',
    transcripts: 'Transcripts',
    sockgradeSide: 'sockgrade',
    submissionSide: 'your program',
    time: 'time',
    source: 'who',
    text: 'what',
    noTranscripts: 'Nothing was recorded for this check.',
    passNoTranscript: 'Passed. Transcripts are kept only for checks that fail, so there is no diagram here.',
    moreBytes: (n) => `${n} more bytes`,
    pieces: (n) => `in ${n} pieces`,
    moreChars: (n) => `${n} more characters`,
    moreEntries: (n) => `${n} more ${n === 1 ? 'entry' : 'entries'} not drawn: see the transcripts below`,
    moreLanes: (n) => `${n} more ${n === 1 ? 'connection or program' : 'connections or programs'} not drawn: see the transcripts below`,
    notKept: 'not kept',
    sources: { program: 'printed', typed: 'typed', sent: 'sent', received: 'received', event: 'event' },
    stack: 'stack',
    budget: 'time budget',
    legend: 'Arrows to the right: what sockgrade sent or typed; to the left: what your program sent or printed (dashed). Boxes are events.',
    packetMarks: { retransmission: 'retransmission', 'duplicate ACK': 'duplicate ACK', 'zero window': 'zero window' },
    packetLegend: 'Thin arrows in grey: TCP packets recorded with --trace that open (SYN), close (FIN) or reset (RST) a connection, and retransmissions, duplicate ACKs and zero windows.',
  },
};

const ES_ROLE: Record<Role, string> = { server: 'servidor', client: 'cliente' };

const ES: UiText = {
  role: ES_ROLE,
  status: { pass: 'superada', fail: 'fallida', skip: 'omitida', error: 'error de sockgrade' },
  failures: (n) => (n === 1 ? 'Fallo' : 'Fallos'),
  notes: 'Notas',
  score: 'Nota',
  passed: (n) => `${n} ${n === 1 ? 'superada' : 'superadas'}`,
  failed: (n) => `${n} ${n === 1 ? 'fallida' : 'fallidas'}`,
  harnessErrors: (n) => `${n} ${n === 1 ? 'error' : 'errores'} de sockgrade`,
  skipped: (n) => `${n} ${n === 1 ? 'omitida' : 'omitidas'}`,
  skippedBecause: 'omitida',
  roleChecksSkipped: (role, n) => `comprobaciones del ${ES_ROLE[role]} (${n}) omitidas`,
  seed: 'semilla',
  isolation: 'aislamiento',
  courseConfig: 'configuración del curso',
  points: (p, m) => `${p}/${m} ${m === 1 ? 'pto' : 'ptos'}`,
  pointsNote: 'puntos (cada comprobación pesa lo que dice su línea)',
  alreadyExited: (role, first) => `el ${ES_ROLE[role]} ya había terminado de la misma manera (mira ${first})`,
  transcriptHeading: 'transcripción (▶ tecleado por sockgrade)',
  expected: 'se esperaba',
  received: 'se recibió',
  hint: 'pista',
  reproduce: 'reproducir',
  programEnded: (role) => `el ${ES_ROLE[role]} terminó`,
  programOutput: (role) => `salida del ${ES_ROLE[role]}`,
  demoIntro: (n) =>
    `demo de sockgrade: corrige ${n} entregas de ejemplo de la unidad A (servidores y clientes de eco UDP y TCP, escritos como los escriben los estudiantes, correctos y con fallos) con las comprobaciones reales.\n` +
    'De cada una verás su informe: una línea por comprobación y luego cada fallo con lo que se envió, lo que volvió, la salida del propio programa, una pista y la orden que lo reproduce.',
  demoExample: 'ejemplo',
  demoAsExpected: (ids) => `(como se esperaba: este ejemplo debe fallar ${ids})`,
  demoAllExpected: (n) => `demo: los ${n} ejemplos obtuvieron el veredicto esperado`,
  demoUnexpected: 'demo: veredictos inesperados:',
  referenceListening: (ex, at) => `servidor de referencia de ${ex} escuchando en ${at.host}:${at.port} (${at.transport}); Ctrl+C para terminar`,
  classIndex: {
    title: 'clase',
    student: 'estudiante',
    checks: 'comprobaciones',
    notGraded: 'sin corregir',
    students: (n) => `${n} ${n === 1 ? 'estudiante' : 'estudiantes'}`,
    notGradedList: (n) => `${n} ${n === 1 ? 'estudiante no se pudo corregir' : 'estudiantes no se pudieron corregir'}:`,
    merged: (n, exercise, duplicates) => `${n} ${n === 1 ? 'estudiante unido' : 'estudiantes unidos'} de ${exercise}${duplicates ? ` (repetidos, se queda el último: ${duplicates})` : ''}`,
    incomplete: (missing) => `la clase está incompleta: ${missing.length === 1 ? `el trozo ${missing[0]} no está` : `los trozos ${missing.join(', ')} no están`} entre las entradas`,
  },
  batchProgress: {
    start: (n, kept) => `corrigiendo ${n} ${n === 1 ? 'entrega' : 'entregas'}${kept ? ` (${kept} ya ${kept === 1 ? 'corregida, se conserva' : 'corregidas, se conservan'}; --force las corrige de nuevo)` : ''}`,
    status: (done, total, failing, notGraded) => `[${done}/${total}] ${failing} con fallos, ${notGraded} sin corregir`,
    eta: (time) => ` · quedan ${time}`,
    notGraded: (reason) => `sin corregir: ${reason}`,
    done: (n, failing, notGraded, time) => `hecho: ${n} ${n === 1 ? 'entrega' : 'entregas'}, ${failing} con fallos, ${notGraded} sin corregir, en ${time}`,
  },
  watch: {
    waiting: (folders) => `vigilando ${folders}: guarda un fichero para corregir de nuevo (Ctrl-C para terminar)`,
    saved: (file) => `${file} ha cambiado: se corrige de nuevo`,
    nowPasses: (p) => `ahora se supera (+${p})`,
    nowFails: (p) => `ahora falla (−${p})`,
    failsDifferently: 'sigue fallando, por otro motivo:',
    noChange: 'ninguna comprobación ha cambiado de veredicto',
    unchanged: (passing, failing) => `sin cambios: ${passing} superadas${failing.length ? `, ${failing.length} siguen fallando (${failing.join(', ')})` : ''}`,
    score: (score, max, before) => `Nota: ${score}/${max} (antes ${before})`,
  },
  list: {
    contract: (role) => `un ${ES_ROLE[role]} correcto`,
    transport: (t, port) => `${t} · puerto por defecto del curso ${port}`,
    noParams: 'parámetros: ninguno',
    checks: (role) => `comprobaciones del ${ES_ROLE[role]} (peso 1 salvo ×N)`,
    usage: 'uso',
  },
  html: {
    title: 'informe de sockgrade',
    generated: 'corregido el',
    commands: 'Órdenes',
    duration: 'duración',
    points: 'puntos',
    expandAll: 'Desplegar todo',
    collapseAll: 'Plegar todo',
    copy: 'Copiar',
    copied: 'Copiado',
    diagram: 'Diagrama de secuencia: quién envió qué, y cuándo',
    transcripts: 'Transcripciones',
    sockgradeSide: 'sockgrade',
    submissionSide: 'tu programa',
    time: 'tiempo',
    source: 'quién',
    text: 'qué',
    noTranscripts: 'No se registró nada en esta comprobación.',
    passNoTranscript: 'Superada. Las transcripciones solo se guardan de las comprobaciones que fallan, así que aquí no hay diagrama.',
    moreBytes: (n) => `${n} bytes más`,
    pieces: (n) => `en ${n} trozos`,
    moreChars: (n) => `${n} caracteres más`,
    moreEntries: (n) => (n === 1 ? '1 entrada más sin dibujar: mírala en las transcripciones de abajo' : `${n} entradas más sin dibujar: míralas en las transcripciones de abajo`),
    moreLanes: (n) => (n === 1 ? '1 conexión o programa más sin dibujar: míralo en las transcripciones de abajo' : `${n} conexiones o programas más sin dibujar: míralos en las transcripciones de abajo`),
    notKept: 'no guardado',
    sources: { program: 'escrito', typed: 'tecleado', sent: 'enviado', received: 'recibido', event: 'evento' },
    stack: 'pila',
    budget: 'tiempo asignado',
    legend: 'Flechas hacia la derecha: lo que sockgrade envió o tecleó; hacia la izquierda: lo que tu programa envió o escribió en pantalla (discontinuas). Los recuadros son eventos.',
    packetMarks: { retransmission: 'retransmisión', 'duplicate ACK': 'ACK duplicado', 'zero window': 'ventana cero' },
    packetLegend: 'Flechas finas en gris: paquetes TCP grabados con --trace que abren (SYN), cierran (FIN) o reinician (RST) una conexión, y retransmisiones, ACK duplicados y ventanas cero.',
  },
};

const UI: Record<Lang, UiText> = { en: EN, es: ES };

/** The report wording in `lang`. */
export function ui(lang: Lang = 'en'): UiText {
  return UI[lang];
}
