/**
 * Gettext-style catalogues: the English text is the key, the translation the value. A key may
 * hold `{name}` placeholders, so that a diagnosis built from a template (`the server exited
 * (${how}) ${during}`) is found by the pattern `the server exited ({how}) {during}`; what a
 * placeholder captured is translated in turn when it is itself a known text, or a list of known
 * clauses (`; ` between them), unless it is quoted data, so fragments compose. A text no entry
 * takes whole is translated line by line, and a line clause by clause (`; ` between them, inside
 * parentheses too); lines it does not know stay in English. `{{` and `}}` stand for literal
 * braces. A placeholder spans lines only in a key that has several lines itself.
 */

/** English text (or pattern) → translation. */
export type Catalogue = Readonly<Record<string, string>>;

interface Pattern {
  key: string;
  re: RegExp;
  names: string[];
  value: string;
  literalLength: number;
}

const PLACEHOLDER = /\{\{|\}\}|\{([A-Za-z_]\w*)\}/g;
/** Patterns with less literal text than this would match too much (a program's own output, say). */
const MIN_LITERAL = 5;
const MAX_DEPTH = 4;
/**
 * The note `escapeBytes` ends long data with (`… (+N more bytes)`): sockgrade's own words inside
 * quoted data, which patterns leave alone, so it is translated wherever it appears.
 */
const ELIDED = /(?<=… )\(\+\d+ more bytes\)/g;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function unescapeBraces(s: string): string {
  return s.replace(/\{\{/g, '{').replace(/\}\}/g, '}');
}

function compile(key: string, value: string): Pattern | undefined {
  const names: string[] = [];
  let re = '';
  let literal = '';
  let last = 0;
  let afterPlaceholder = false;
  for (const m of key.matchAll(PLACEHOLDER)) {
    const text = key.slice(last, m.index);
    literal += text;
    re += escapeRegExp(text);
    if (m[1] === undefined) {
      literal += m[0][0];
      re += escapeRegExp(m[0][0] as string);
      afterPlaceholder = false;
    } else {
      if (afterPlaceholder && text === '') throw new Error(`catalogue key "${key}": two placeholders side by side cannot be told apart`);
      names.push(m[1]);
      re += key.includes('\n') ? '([\\s\\S]*?)' : '(.*?)';
      afterPlaceholder = true;
    }
    last = (m.index ?? 0) + m[0].length;
  }
  if (names.length === 0) return undefined;
  const tail = key.slice(last);
  literal += tail;
  re += escapeRegExp(tail);
  if (literal.replace(/\s/g, '').length < MIN_LITERAL) throw new Error(`catalogue key "${key}" has too little literal text to be matched safely`);
  for (const m of value.matchAll(PLACEHOLDER)) {
    if (m[1] !== undefined && !names.includes(m[1])) throw new Error(`catalogue entry "${key}": the translation uses {${m[1]}}, which the key does not have`);
  }
  return { key, re: new RegExp(`^${re}$`), names, value, literalLength: literal.length };
}

/** Translates texts with one or more catalogues (later ones win on equal keys). */
export class Translator {
  private readonly exact = new Map<string, string>();
  private readonly patterns: Pattern[] = [];

  constructor(catalogues: readonly Catalogue[]) {
    const byKey = new Map<string, Pattern>();
    for (const catalogue of catalogues) {
      for (const [rawKey, rawValue] of Object.entries(catalogue)) {
        const key = rawKey.trim();
        const value = rawValue.trim();
        const pattern = compile(key, value);
        if (pattern) byKey.set(key, pattern);
        else this.exact.set(unescapeBraces(key), unescapeBraces(value));
      }
    }
    this.patterns = [...byKey.values()].sort((a, b) => b.literalLength - a.literalLength);
  }

  /** `text` translated; what the catalogues do not know (the whole text, or some of its lines) stays as it is. */
  translate(text: string): string {
    const out = this.lookup(text) ?? this.byLines(text, true) ?? text;
    return out.replace(ELIDED, (note) => this.lookup(note, MAX_DEPTH) ?? note);
  }

  /** The translation of `text` as a whole (exact or by a pattern), or undefined. */
  lookup(text: string, depth = 0): string | undefined {
    const core = text.trim();
    if (core === '') return undefined;
    const found = this.exact.get(core) ?? this.matchPattern(core, depth);
    if (found === undefined) return undefined;
    const start = text.indexOf(core);
    return text.slice(0, start) + found + text.slice(start + core.length);
  }

  /** Whether `text` is translated entirely, as a whole or line by line. */
  knows(text: string): boolean {
    return this.lookup(text) !== undefined || this.byLines(text) !== undefined;
  }

  private byLines(text: string, partial = false): string | undefined {
    if (!text.includes('\n') && !text.includes('; ')) return undefined;
    const lines = text.split('\n');
    const out = lines.map((l) => (l.trim() === '' ? l : (this.byLine(l) ?? (partial ? l : undefined))));
    if (out.some((l) => l === undefined)) return undefined;
    return out.join('\n');
  }

  /** One line: a line in parentheses (a note) by what it holds, before any pattern takes it whole by its first words. */
  private byLine(line: string): string | undefined {
    return /^\(.*\)$/.test(line.trim()) ? (this.byClauses(line) ?? this.lookup(line)) : (this.lookup(line) ?? this.byClauses(line));
  }

  private byClauses(line: string): string | undefined {
    const wrapped = /^\((.*)\)$/.exec(line.trim());
    if (wrapped) {
      const inner = this.lookup(wrapped[1] as string) ?? this.byClauses(wrapped[1] as string);
      return inner === undefined ? undefined : line.replace(wrapped[0], `(${inner})`);
    }
    const clauses = line.split('; ');
    if (clauses.length < 2) return undefined;
    const out = clauses.map((c) => this.lookup(c));
    return out.some((c) => c === undefined) ? undefined : out.join('; ');
  }

  private matchPattern(core: string, depth: number): string | undefined {
    for (const p of this.patterns) {
      const m = p.re.exec(core);
      if (!m) continue;
      const values = new Map(p.names.map((n, i) => [n, this.capture(m[i + 1] ?? '', depth)]));
      return p.value.replace(PLACEHOLDER, (whole, name: string | undefined) => (name === undefined ? (whole[0] as string) : (values.get(name) ?? whole)));
    }
    return undefined;
  }

  /**
   * What a placeholder captured, translated: quoted data stays as it is; a list of clauses
   * (`from ana: #2; from luis: #3`) is taken clause by clause when every clause is known, since
   * a pattern that matches the whole list would capture across the clauses; else as a whole.
   */
  private capture(value: string, depth: number): string {
    if (depth >= MAX_DEPTH || /^\s*["']/.test(value)) return value;
    const clauses = value.includes('\n') ? undefined : this.byClauses(value);
    return clauses ?? this.lookup(value, depth + 1) ?? this.byLines(value) ?? value;
  }
}
