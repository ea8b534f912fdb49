import { presentableDiff } from '@codemirror/merge';

/** A run of a value's text; `differs` when the other value has something else there. */
export interface ValueSegment {
  text: string;
  differs: boolean;
}

/** One line of a value as shown: its segments, and whether any part of it differs. */
export interface ValueLine {
  segments: ValueSegment[];
  differs: boolean;
}

export interface ValueDifference {
  expected: ValueLine[];
  actual: ValueLine[];
  /** Whether a difference made of spaces or tabs was drawn with visible marks (`·`, `→`). */
  visibleWhitespace: boolean;
}

/**
 * Below this share of text in common, Expected and Got are simply different values (`undefined`
 * against an object): marking nearly every character would hide what little matches.
 */
const MIN_SHARED = 0.3;

/**
 * Where Expected and Got (as the lab kit formats them: objects one key per line, keys sorted)
 * differ, character by character, split into lines. A difference that is only spaces or tabs,
 * such as `"GET,POST"` against `"GET, POST"`, is drawn with `·` for a space and `→` for a tab,
 * since a highlighted space is easy to miss. Undefined when there is nothing worth comparing.
 */
export function valueDifference(expected: string, actual: string): ValueDifference | undefined {
  if (expected === actual) return undefined;
  const changes = presentableDiff(expected, actual);
  const changed = changes.reduce((sum, c) => sum + Math.max(c.toA - c.fromA, c.toB - c.fromB), 0);
  if (
    Math.max(expected.length, actual.length) - changed <
    MIN_SHARED * Math.max(expected.length, actual.length)
  ) {
    return undefined;
  }
  const a = linesOf(
    expected,
    changes.map((c) => [c.fromA, c.toA]),
  );
  const b = linesOf(
    actual,
    changes.map((c) => [c.fromB, c.toB]),
  );
  return {
    expected: a.lines,
    actual: b.lines,
    visibleWhitespace: a.visibleWhitespace || b.visibleWhitespace,
  };
}

function linesOf(text: string, ranges: Array<[number, number]>) {
  const segments: ValueSegment[] = [];
  let at = 0;
  let visibleWhitespace = false;
  for (const [from, to] of ranges) {
    if (from > at) segments.push({ text: text.slice(at, from), differs: false });
    // An empty run still marks its line: something the other value has is missing there.
    const part = text.slice(from, to);
    const onlyWhitespace = /^[ \t]+$/.test(part);
    visibleWhitespace ||= onlyWhitespace;
    segments.push({
      text: onlyWhitespace ? part.replace(/ /g, '·').replace(/\t/g, '→') : part,
      differs: true,
    });
    at = to;
  }
  if (at < text.length) segments.push({ text: text.slice(at), differs: false });

  const lines: ValueLine[] = [{ segments: [], differs: false }];
  for (const segment of segments) {
    segment.text.split('\n').forEach((piece, index) => {
      if (index > 0) lines.push({ segments: [], differs: false });
      const line = lines[lines.length - 1];
      if (piece) line.segments.push({ text: piece, differs: segment.differs });
      line.differs ||= segment.differs && (piece.trim() !== '' || !segment.text);
    });
  }
  return { lines, visibleWhitespace };
}
