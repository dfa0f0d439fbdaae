/** A label wanted next to a mark. */
export interface LabelItem {
  id: string;
  /** The mark's position (px). */
  x: number;
  text: string;
  /** Higher goes first; default 0. Equal priority goes in the given order (time order). */
  priority?: number;
  /** Right-to-left: the label goes to the left of its mark. */
  rtl?: boolean;
}

/** A label given a place. */
export interface PlacedLabel {
  id: string;
  /** Left edge of the text box (px). */
  x: number;
  width: number;
  row: number;
  text: string;
  truncated: boolean;
}

export interface LabelOptions {
  measure: (text: string) => number;
  viewWidth: number;
  rows: number;
  /** Space kept between two labels in a row (px). Default 6. */
  gap?: number;
  /** A shortened label keeps at least this many characters; default 8. */
  minChars?: number;
  /** Distance from the mark's centre to the label (px), so the text clears the mark. Default 8. */
  markRadius?: number;
}

export const ELLIPSIS = '…';

type Box = [left: number, right: number];

let segmenter: Intl.Segmenter | undefined;

/**
 * Text in which every code unit is a character of its own: printable ASCII, precomposed Latin
 * letters and general punctuation, with no combining mark, joiner or surrogate (most titles in
 * Latin script). Such text needs no segmenter, which costs tens of microseconds a title.
 */
const SIMPLE = /^[\x20-\x7e\u00a0-\u02ff\u2010-\u2027\u2030-\u205e]*$/;

/** User-perceived characters, so an ellipsis never splits an emoji or a letter from its accent. */
export function graphemes(text: string): string[] {
  if (SIMPLE.test(text)) return text.split('');
  if (typeof Intl.Segmenter !== 'function') return Array.from(text);
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** Trailing spaces and punctuation look wrong before an ellipsis. */
function trimForEllipsis(chars: string[], n: number): number {
  while (n > 0 && /^[\s.,;:!?\-–—(]+$/u.test(chars[n - 1])) n--;
  return n;
}

/**
 * The longest shortening of `text` with an ellipsis that is at most `room` wide and keeps at least
 * `minChars` characters, cut after a word when that keeps most of what fits; null if none.
 */
export function truncateToFit(
  text: string,
  room: number,
  measure: (text: string) => number,
  minChars = 8,
): { text: string; width: number } | null {
  const chars = graphemes(text);
  const fits = (n: number) => {
    const cut = trimForEllipsis(chars, n);
    if (cut < minChars) return null;
    const candidate = chars.slice(0, cut).join('') + ELLIPSIS;
    const width = measure(candidate);
    return width <= room ? { text: candidate, width, cut } : null;
  };
  // Binary search for the most characters that fit (width grows with length).
  let lo = minChars;
  let hi = chars.length - 1;
  let best: { text: string; width: number; cut: number } | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const found = fits(mid);
    if (found) {
      best = found;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  if (!best) return null;
  for (let n = best.cut; n >= minChars; n--) {
    if (!/\s/u.test(chars[n])) continue;
    // Only go back to a word boundary when it keeps at least two thirds of the characters that fit.
    if (n < (best.cut * 2) / 3) break;
    const atWord = fits(n);
    if (atWord) return { text: atWord.text, width: atWord.width };
    break;
  }
  return { text: best.text, width: best.width };
}

/**
 * Room for a label starting at `start` (LTR) or ending at `start` (RTL) in a row, or -1 when that
 * point is already taken.
 */
function roomInRow(row: Box[], start: number, rtl: boolean, viewWidth: number, gap: number): number {
  let limit = rtl ? 0 : viewWidth;
  for (const [l, r] of row) {
    if (start > l - gap && start < r + gap) return -1;
    if (rtl) {
      if (r <= start && r + gap > limit) limit = r + gap;
    } else if (l >= start && l - gap < limit) {
      limit = l - gap;
    }
  }
  return rtl ? start - limit : limit - start;
}

/**
 * Places labels greedily, higher priority and earlier first, each in the first row where it fits
 * after its mark in reading direction; one that does not fit anywhere is shortened with an ellipsis
 * when a row has room for `minChars` characters, else left out. No two placed labels overlap.
 */
export function placeLabels(items: readonly LabelItem[], options: LabelOptions): PlacedLabel[] {
  const { viewWidth, rows } = options;
  const gap = options.gap ?? 6;
  const minChars = options.minChars ?? 8;
  const markRadius = options.markRadius ?? 8;
  const widths = new Map<string, number>();
  const measure = (text: string) => {
    let width = widths.get(text);
    if (width === undefined) widths.set(text, (width = options.measure(text)));
    return width;
  };
  const occupied: Box[][] = Array.from({ length: Math.max(0, rows) }, () => []);
  const order = items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => (b.item.priority ?? 0) - (a.item.priority ?? 0) || a.i - b.i);
  const placed: { i: number; label: PlacedLabel }[] = [];

  for (const { item, i } of order) {
    if (!Number.isFinite(item.x) || !item.text || occupied.length === 0) continue;
    const rtl = item.rtl === true;
    const start = rtl ? item.x - markRadius : item.x + markRadius;
    // A label whose mark is out of view on its reading side would float detached: skip it.
    if (start < 0 || start > viewWidth) continue;

    const full = measure(item.text);
    let chosen: { row: number; text: string; width: number; truncated: boolean } | null = null;
    let widestRow = -1;
    let widestRoom = -1;
    for (let row = 0; row < occupied.length; row++) {
      const room = roomInRow(occupied[row], start, rtl, viewWidth, gap);
      if (room >= full) {
        chosen = { row, text: item.text, width: full, truncated: false };
        break;
      }
      if (room > widestRoom) {
        widestRoom = room;
        widestRow = row;
      }
    }
    if (!chosen && widestRow >= 0) {
      const short = truncateToFit(item.text, widestRoom, measure, minChars);
      if (short) chosen = { row: widestRow, text: short.text, width: short.width, truncated: true };
    }
    if (!chosen) continue;

    const left = rtl ? start - chosen.width : start;
    occupied[chosen.row].push([left, left + chosen.width]);
    placed.push({
      i,
      label: { id: item.id, x: left, width: chosen.width, row: chosen.row, text: chosen.text, truncated: chosen.truncated },
    });
  }
  return placed.sort((a, b) => a.i - b.i).map((p) => p.label);
}
