/**
 * A parser for protobuf's text format as Caffe writes it (`.prototxt`): nested messages (`f { }`,
 * `f: { }`, `f < >`), repeated fields, list values (`f: [1, 2]`), `#` comments, quoted strings with
 * escapes (adjacent strings concatenate), enums and booleans. The result is plain objects; a field is
 * an array when `TEXT_SCHEMA` says it repeats (or, in messages the schema does not know, when it occurs
 * more than once). Enum values stay strings (`'MAX'`), `true`/`false` become booleans.
 *
 * @example
 * const net = parsePrototxt('name: "n" layer { name: "r" type: "ReLU" bottom: "x" top: "x" }');
 * net.layer // [{ name: 'r', type: 'ReLU', bottom: ['x'], top: ['x'] }]
 */
import { ModelFormatError } from '../errors';
import { TEXT_SCHEMA } from './fields';

/** A parsed text-format value. */
export type TextValue = string | number | boolean | TextMessage;
/** A parsed message: field name -> value, or array of values for repeated fields. */
export interface TextMessage { [field: string]: TextValue | TextValue[] }

interface Token { kind: 'ident' | 'number' | 'string' | 'punct' | 'eof'; text: string; value?: string | number; line: number; col: number }

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', v: '\v', '?': '?' };

/** Split text into tokens, each with its 1-based line and column. */
function tokenize(text: string, fail: (msg: string, line: number, col: number) => never): Token[] {
  const tokens: Token[] = [];
  let i = 0, line = 1, lineStart = 0;
  while (i < text.length) {
    const c = text[i];
    const col = i - lineStart + 1;
    if (c === '\n') { i++; line++; lineStart = i; continue; }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v') { i++; continue; }
    if (c === '#') { while (i < text.length && text[i] !== '\n') i++; continue; }
    if (/[A-Za-z_]/.test(c)) {
      const mm = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i, i + 256))!;
      tokens.push({ kind: 'ident', text: mm[0], line, col }); i += mm[0].length; continue;
    }
    if (/[0-9.]/.test(c) || ((c === '-' || c === '+') && /[0-9.]/.test(text[i + 1] ?? ''))) {
      const mm = /^[-+]?(0[xX][0-9a-fA-F]+|(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?)[fF]?/.exec(text.slice(i, i + 128));
      if (!mm) fail(`invalid number "${text.slice(i, i + 12)}"`, line, col);
      const raw = mm![0];
      const body = raw.replace(/[fF]$/, '').replace(/^\+/, '');
      const value = /0[xX]/.test(body) ? (body.startsWith('-') ? -parseInt(body.slice(3), 16) : parseInt(body.slice(2), 16)) : Number(body);
      if (!Number.isFinite(value)) fail(`invalid number "${raw}"`, line, col);
      tokens.push({ kind: 'number', text: raw, value, line, col }); i += raw.length; continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1, s = '';
      while (true) {
        if (j >= text.length || text[j] === '\n') fail('unterminated string', line, col);
        const d = text[j];
        if (d === c) break;
        if (d === '\\') {
          const e = text[j + 1];
          if (e in ESCAPES) { s += ESCAPES[e]; j += 2; continue; }
          const oct = /^[0-7]{1,3}/.exec(text.slice(j + 1, j + 4));
          if (oct) { s += String.fromCharCode(parseInt(oct[0], 8)); j += 1 + oct[0].length; continue; }
          const hex = /^x([0-9a-fA-F]{1,2})/.exec(text.slice(j + 1, j + 4));
          if (hex) { s += String.fromCharCode(parseInt(hex[1], 16)); j += 1 + hex[0].length; continue; }
          fail(`invalid escape "\\${e}" in string`, line, j - lineStart + 1);
        }
        s += d; j++;
      }
      tokens.push({ kind: 'string', text: text.slice(i, j + 1), value: s, line, col }); i = j + 1; continue;
    }
    if ('{}<>[]:,;-'.includes(c)) { tokens.push({ kind: 'punct', text: c, line, col }); i++; continue; }
    fail(`unexpected character "${c}"`, line, col);
  }
  tokens.push({ kind: 'eof', text: 'end of file', line, col: i - lineStart + 1 });
  return tokens;
}

/**
 * Parse protobuf text format into plain objects, reading repeated fields from `TEXT_SCHEMA`.
 * @param text the prototxt
 * @param source file name used in error messages
 * @param rootType the message type of the whole text (default `NetParameter`)
 * @throws ModelFormatError `<source>:<line>:<col>: <problem>` on a syntax error
 * @example
 * parsePrototxt('input_dim: 1 input_dim: 3').input_dim // [1, 3]
 */
export function parsePrototxt(text: string, source = '<prototxt>', rootType = 'NetParameter'): TextMessage {
  const fail = (msg: string, line: number, col: number): never => {
    throw new ModelFormatError(`${source}:${line}:${col}: ${msg}`);
  };
  const tokens = tokenize(text, fail);
  let p = 0;
  const peek = (): Token => tokens[p];
  const next = (): Token => tokens[p++];
  const failAt = (t: Token, msg: string): never => fail(msg, t.line, t.col);
  const isPunct = (t: Token, s: string): boolean => t.kind === 'punct' && t.text === s;

  function scalar(): TextValue {
    const t = next();
    if (t.kind === 'string') {
      let s = t.value as string;
      while (peek().kind === 'string') s += next().value as string;
      return s;
    }
    if (t.kind === 'number') return t.value as number;
    if (isPunct(t, '-')) {
      const u = next();
      if (u.kind === 'ident' && /^(inf|infinity)$/i.test(u.text)) return -Infinity;
      if (u.kind === 'ident' && /^nan$/i.test(u.text)) return NaN;
      return failAt(u, `expected a number after "-", found "${u.text}"`);
    }
    if (t.kind === 'ident') {
      if (/^(true|t|True)$/.test(t.text)) return true;
      if (/^(false|f|False)$/.test(t.text)) return false;
      if (/^(inf|infinity)$/i.test(t.text)) return Infinity;
      if (/^nan$/i.test(t.text)) return NaN;
      return t.text;
    }
    return failAt(t, `expected a value, found "${t.text}"`);
  }

  function message(type: string | undefined, close: string | null): TextMessage {
    const out: TextMessage = {};
    const schema = type ? TEXT_SCHEMA[type] : undefined;
    while (true) {
      const t = next();
      if (t.kind === 'eof') {
        if (close) failAt(t, `expected "${close}" before end of file`);
        return out;
      }
      if (close && isPunct(t, close)) return out;
      if (t.kind !== 'ident') failAt(t, `expected a field name, found "${t.text}"`);
      const name = t.text;
      const spec = schema?.[name];
      const add = (v: TextValue): void => {
        const prev = out[name];
        if (spec?.repeated) out[name] = [...((prev as TextValue[] | undefined) ?? []), v];
        else if (prev === undefined) out[name] = v;
        else if (spec) failAt(t, `field "${name}" of ${type} is not repeated but is set more than once`);
        else out[name] = Array.isArray(prev) ? [...prev, v] : [prev, v];
      };
      let colon = false;
      if (isPunct(peek(), ':')) { next(); colon = true; }
      const v = peek();
      if (isPunct(v, '{') || isPunct(v, '<')) {
        next();
        add(message(spec?.message, v.text === '{' ? '}' : '>'));
      } else if (!colon) {
        failAt(v, `expected ":" or "{" after field "${name}", found "${v.text}"`);
      } else if (isPunct(v, '[')) {
        next();
        if (isPunct(peek(), ']')) next();
        else {
          while (true) {
            const w = peek();
            if (isPunct(w, '{') || isPunct(w, '<')) { next(); add(message(spec?.message, w.text === '{' ? '}' : '>')); }
            else add(scalar());
            const sep = next();
            if (isPunct(sep, ']')) break;
            if (!isPunct(sep, ',')) failAt(sep, `expected "," or "]" in the list of "${name}", found "${sep.text}"`);
          }
        }
        if (spec?.repeated && out[name] === undefined) out[name] = [];
      } else {
        if (spec?.message) failAt(v, `field "${name}" is a message: expected "{", found "${v.text}"`);
        add(scalar());
      }
      if (isPunct(peek(), ',') || isPunct(peek(), ';')) next();
    }
  }
  return message(rootType, null);
}
