// Label text in lines: broken at word boundaries (Intl.Segmenter for scripts written without
// spaces), as even as the breaks allow, and cut with an ellipsis only when the lines cannot hold it.

/** Width of a text in px, as it will be drawn. */
export type Measure = (text: string) => number;

/** A label's text laid out in lines. */
export interface LabelLines {
  lines: string[];
  /** Width of the widest line (px). */
  width: number;
  /** True when the text did not fit and the last line ends with an ellipsis. */
  truncated: boolean;
}

export interface WrapOptions {
  /** Most lines; default 2. */
  maxLines?: number;
  /** BCP 47 locale of the text, for where its words end; default the runtime's. */
  locale?: string;
}

export const ELLIPSIS = '…';

/**
 * Text in which every code unit is a character of its own and words are separated by spaces:
 * printable ASCII, Latin letters and general punctuation, no combining marks or surrogates.
 */
const SIMPLE = /^[\x20-\x7e\u00a0-\u024f\u2010-\u2027\u2030-\u205e]*$/;
const SPACE = /\s/;
/** After these a line may break when a letter follows (Hamas-|led, 1990–|2000). */
const BREAK_AFTER = /^[-\u2010\u2013\u2014/]+$/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** Punctuation of scripts written without spaces (、。，「」…): a line may break after it. */
const WIDE_PUNCTUATION = /^[\u3000-\u303f\uff00-\uffef]+$/;

const wordSegmenters = new Map<string, Intl.Segmenter | null>();
let graphemeSegmenter: Intl.Segmenter | undefined;

function wordSegmenter(locale: string | undefined): Intl.Segmenter | null {
  const key = locale ?? '';
  let segmenter = wordSegmenters.get(key);
  if (segmenter === undefined) {
    try {
      segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(locale, { granularity: 'word' }) : null;
    } catch {
      segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
    }
    wordSegmenters.set(key, segmenter);
  }
  return segmenter;
}

/** User-perceived characters, so a cut never splits an emoji or a letter from its accent. */
export function graphemes(text: string): string[] {
  if (SIMPLE.test(text)) return text.split('');
  if (typeof Intl.Segmenter !== 'function') return Array.from(text);
  graphemeSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return Array.from(graphemeSegmenter.segment(text), (s) => s.segment);
}

/**
 * The text split where a line may break: each piece keeps the spaces after it, so the pieces
 * joined give the text back. Latin text breaks after spaces and after a dash between letters;
 * other text at the word boundaries of `Intl.Segmenter` (between two words of a script written
 * without spaces, never before punctuation).
 */
export function breakPieces(text: string, locale?: string): string[] {
  const pieces: string[] = [];
  if (text === '') return pieces;
  if (SIMPLE.test(text)) {
    let start = 0;
    for (let i = 1; i < text.length; i++) {
      const prev = text[i - 1];
      const next = text[i];
      const afterSpace = SPACE.test(prev) && !SPACE.test(next);
      const afterDash = BREAK_AFTER.test(prev) && !BREAK_AFTER.test(next) && LETTER_OR_DIGIT.test(next) && i >= 2 && LETTER_OR_DIGIT.test(text[i - 2]);
      if (afterSpace || afterDash) {
        pieces.push(text.slice(start, i));
        start = i;
      }
    }
    pieces.push(text.slice(start));
    return pieces;
  }
  const segmenter = wordSegmenter(locale);
  if (!segmenter) return text.split(/(?<=\s)(?=\S)/u);
  let piece = '';
  let prev: Intl.SegmentData | undefined;
  let beforePrev: Intl.SegmentData | undefined;
  for (const segment of segmenter.segment(text)) {
    if (prev && piece !== '') {
      const prevText = prev.segment;
      const current = segment.segment;
      const prevSpace = SPACE.test(prevText[prevText.length - 1]);
      const currentSpace = SPACE.test(current[0]);
      const breaks =
        (prevSpace && !currentSpace) ||
        (segment.isWordLike === true && prev.isWordLike === true) ||
        (segment.isWordLike === true && WIDE_PUNCTUATION.test(prevText)) ||
        (segment.isWordLike === true && BREAK_AFTER.test(prevText) && beforePrev?.isWordLike === true);
      if (breaks) {
        pieces.push(piece);
        piece = '';
      }
    }
    piece += segment.segment;
    beforePrev = prev;
    prev = segment;
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}

/** A measure that remembers: a label's lines are measured many times while they are tried. */
function memo(measure: Measure): Measure {
  const widths = new Map<string, number>();
  return (text) => {
    let width = widths.get(text);
    if (width === undefined) {
      width = measure(text);
      if (!Number.isFinite(width) || width < 0) width = 0;
      widths.set(text, width);
    }
    return width;
  };
}

const line = (pieces: readonly string[], from: number, to: number) => pieces.slice(from, to).join('').trimEnd();

/** Pieces wider than `maxWidth` on their own split into runs of characters that fit. */
function splitWide(pieces: string[], maxWidth: number, measure: Measure): string[] {
  const out: string[] = [];
  for (const piece of pieces) {
    if (measure(piece.trimEnd()) <= maxWidth) {
      out.push(piece);
      continue;
    }
    const chars = graphemes(piece);
    let from = 0;
    while (from < chars.length) {
      // The most characters from `from` that fit (at least one, so the loop always advances).
      let lo = from + 1;
      let hi = chars.length;
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        if (measure(chars.slice(from, mid).join('').trimEnd()) <= maxWidth) lo = mid;
        else hi = mid - 1;
      }
      out.push(chars.slice(from, lo).join(''));
      from = lo;
    }
  }
  return out;
}

/** Spaces and punctuation look wrong before an ellipsis. */
function beforeEllipsis(text: string): string {
  return text.replace(/[\s.,;:!?\-\u2010-\u2014(،؛]+$/u, '');
}

/** The longest start of `text` that fits `maxWidth` with an ellipsis, cut within a word; null if none. */
function cutWithEllipsis(text: string, maxWidth: number, measure: Measure): string | null {
  const chars = graphemes(text);
  let lo = 0;
  let hi = chars.length;
  let best: string | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const head = beforeEllipsis(chars.slice(0, mid).join(''));
    const candidate = head + ELLIPSIS;
    if (head !== '' && measure(candidate) <= maxWidth) {
      best = candidate;
      lo = mid + 1;
    } else if (head === '' && mid < chars.length) lo = mid + 1;
    else hi = mid - 1;
  }
  return best;
}

function shape(lines: string[], measure: Measure, truncated: boolean): LabelLines {
  let width = 0;
  for (const text of lines) width = Math.max(width, measure(text));
  return { lines, width, truncated };
}

/** Greedy lines of at most `maxWidth`: each line takes as many pieces as fit. */
function greedy(pieces: readonly string[], maxWidth: number, measure: Measure): string[] {
  const lines: string[] = [];
  let from = 0;
  while (from < pieces.length) {
    let to = from + 1;
    while (to < pieces.length && measure(line(pieces, from, to + 1)) <= maxWidth) to++;
    lines.push(line(pieces, from, to));
    from = to;
  }
  return lines;
}

/**
 * Two lines as even as the breaks allow: the break that makes the wider line narrowest. The first
 * line's width grows with the break and the second's shrinks, so the best break is found by
 * binary search where they cross. Null when no break gives two lines within `maxWidth`.
 */
function balancedTwo(pieces: readonly string[], maxWidth: number, measure: Measure): string[] | null {
  const n = pieces.length;
  if (n < 2) return null;
  let lo = 1;
  let hi = n - 1;
  // The first break k where the first line is at least as wide as the second.
  while (lo < hi) {
    const k = (lo + hi) >>> 1;
    if (measure(line(pieces, 0, k)) >= measure(line(pieces, k, n))) hi = k;
    else lo = k + 1;
  }
  let best: string[] | null = null;
  let bestWidth = Infinity;
  for (const k of [lo - 1, lo]) {
    if (k < 1 || k > n - 1) continue;
    const first = line(pieces, 0, k);
    const second = line(pieces, k, n);
    const width = Math.max(measure(first), measure(second));
    if (width <= maxWidth && width < bestWidth) {
      best = [first, second];
      bestWidth = width;
    }
  }
  return best;
}

/**
 * The label in at most `maxLines` lines (default 2) of at most `maxWidth` px: on one line when it
 * fits; else in as few lines as hold it, two of them as even as the breaks allow; lines break
 * between words, and within a word only when that word alone is wider than `maxWidth`. Only when
 * the lines cannot hold the text does the last one end with an ellipsis, after a whole word where
 * one fits. Null for empty text or when not even one character and the ellipsis fit.
 */
export function wrapLabel(text: string, maxWidth: number, measure: Measure, options: WrapOptions = {}): LabelLines | null {
  const maxLines = Math.max(1, Math.floor(options.maxLines ?? 2));
  const clean = text.replace(/\s+/gu, ' ').trim();
  if (clean === '' || !(maxWidth > 0)) return null;
  const m = memo(measure);
  if (m(clean) <= maxWidth) return shape([clean], m, false);
  const pieces = splitWide(breakPieces(clean, options.locale), maxWidth, m);
  if (maxLines >= 2) {
    const lines = greedy(pieces, maxWidth, m);
    if (lines.length === 2) return shape(balancedTwo(pieces, maxWidth, m) ?? lines, m, false);
    if (lines.length <= maxLines) return shape(lines, m, false);
  }
  return truncated(pieces, maxWidth, maxLines, m);
}

/** The first `maxLines - 1` lines filled greedily, the last one ending in an ellipsis. */
function truncated(pieces: readonly string[], maxWidth: number, maxLines: number, measure: Measure): LabelLines | null {
  const lines: string[] = [];
  let from = 0;
  while (lines.length < maxLines - 1 && from < pieces.length) {
    let to = from + 1;
    while (to < pieces.length && measure(line(pieces, from, to + 1)) <= maxWidth) to++;
    lines.push(line(pieces, from, to));
    from = to;
  }
  // The last line: the most whole pieces that fit with the ellipsis.
  let to = from;
  let last: string | null = null;
  while (to < pieces.length) {
    const candidate = beforeEllipsis(line(pieces, from, to + 1)) + ELLIPSIS;
    if (measure(candidate) > maxWidth) break;
    last = candidate;
    to++;
  }
  if (last === null) last = from < pieces.length ? cutWithEllipsis(line(pieces, from, pieces.length), maxWidth, measure) : null;
  if (last === null) {
    // Not even one character of the last line fits: the ellipsis goes on the line before.
    const previous = lines.pop();
    if (previous === undefined) return null;
    last = cutWithEllipsis(previous, maxWidth, measure);
    if (last === null) return null;
  }
  lines.push(last);
  return shape(lines, measure, true);
}

/**
 * The ways a label can be drawn within `maxWidth`, preferred first, for a placement that tries
 * each in turn: one line when it fits; two lines as even as the breaks allow, when that is
 * narrower; and only when neither holds the whole text, two lines ending in an ellipsis.
 */
export function labelShapes(text: string, maxWidth: number, measure: Measure, locale?: string): LabelLines[] {
  const clean = text.replace(/\s+/gu, ' ').trim();
  if (clean === '' || !(maxWidth > 0)) return [];
  const m = memo(measure);
  const shapes: LabelLines[] = [];
  const oneLine = m(clean);
  if (oneLine <= maxWidth) shapes.push({ lines: [clean], width: oneLine, truncated: false });
  const pieces = splitWide(breakPieces(clean, locale), maxWidth, m);
  const two = balancedTwo(pieces, maxWidth, m);
  if (two) {
    const lines = shape(two, m, false);
    if (lines.width < oneLine) shapes.push(lines);
  }
  if (shapes.length === 0) {
    const cut = wrapLabel(clean, maxWidth, m, { maxLines: 2, locale });
    if (cut) shapes.push(cut);
  }
  return shapes;
}
