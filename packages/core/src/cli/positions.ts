// Where a JSON path is in a file, as line and column: `rulesets/x/1.0.0.json:12:5` opens in editors.
import type { PathSegment } from '../index.js';

/** A place in a text, both 1-based. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/**
 * Indexes a JSON text by path: every value (and, for object members, the key) with its position.
 * Returns a lookup that gives the position of a path, or of its nearest ancestor that exists (a
 * missing property points at its object). Text that is not JSON gives positions up to the error.
 */
export function jsonPositions(text: string): (path: readonly PathSegment[]) => Position {
  const starts = new Map<string, number>();
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i]!)) i++;
  };
  const key = (path: readonly PathSegment[]) => JSON.stringify(path);
  const string = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      return '';
    }
  };
  const value = (path: PathSegment[], at?: number): void => {
    ws();
    starts.set(key(path), at ?? i);
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      while (i < text.length) {
        ws();
        const keyAt = i;
        if (text[i] !== '"') throw new Error('key');
        const name = string();
        ws();
        if (text[i] !== ':') throw new Error(':');
        i++;
        value([...path, name], keyAt);
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else throw new Error(',');
      }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (let n = 0; i < text.length; n++) {
        value([...path, n]);
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else throw new Error(',');
      }
    } else if (c === '"') string();
    else {
      while (i < text.length && !',}] \t\r\n'.includes(text[i]!)) i++;
    }
  };
  try {
    value([]);
  } catch {
    // Keep what was indexed before the error.
  }
  const position = (offset: number): Position => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - lineStarts[lo]! + 1 };
  };
  return (path) => {
    for (let n = path.length; n >= 0; n--) {
      const at = starts.get(key(path.slice(0, n)));
      if (at !== undefined) return position(at);
    }
    return { line: 1, column: 1 };
  };
}

/** The position of a `JSON.parse` error, from its message (`… at position 42`, `(line 3 column 5)`). */
export function parseErrorPosition(text: string, message: string): Position | undefined {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const at = /position (\d+)/.exec(message);
  if (!at) return undefined;
  const offset = Number(at[1]);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}
