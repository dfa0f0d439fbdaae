// Events of one lane stacked in rows, as vis-timeline stacks items, before anything is grouped:
// milestones first, then the rest in time order; each takes the lowest row where its mark, and its
// label beside it, are clear of everything already there. Only a mark that fits in no row joins a
// group. Pure: positions in px in, rows, labels and groups out.
import type { LabelLines } from './wrap.js';

/** One event of the lane, as the stacking sees it. */
export interface StackItem {
  id: string;
  /** Left and right edge of the drawn mark (px, left to right): a point x ± r, a span [x1, x2]. */
  x0: number;
  x1: number;
  /** Ways to draw its label, preferred first (see `labelShapes`); none or empty: no label. */
  label?: readonly LabelLines[];
  /** A key moment: placed first, and always labelled. */
  milestone?: boolean;
  /** A span: its label may sit on the bar when the bar is long enough. */
  span?: boolean;
  /**
   * The moment the event falls on at the data's precision (its day, or its minute for a time of
   * day). Members of a group that all share one are listed when the group is activated, as no zoom
   * can tell them apart. Undefined: a moment of its own.
   */
  moment?: string | number;
}

export interface StackOptions {
  /** Width of the plot (px); labels stay within [0, width]. */
  width: number;
  /** Most rows of the lane; default 4. */
  maxRows?: number;
  /** Rows past `maxRows` that milestones may take when the rows within it leave no room for their labels; default 2. */
  milestoneRows?: number;
  /** Right to left: a label's end side is the left of its mark. */
  rtl?: boolean;
  /** Least space between two things in a row (px); default 6. */
  gap?: number;
  /** Space between a mark and its label (px); default 4. */
  labelGap?: number;
  /** Width of a group's mark, room for its count (px); default 24. */
  groupWidth?: number;
  /** Space kept at each end of a span for a label drawn on it (px); default 4. */
  inset?: number;
  /**
   * The narrowest a label can be (px). Where a row leaves less room than this on both sides of a
   * mark, its label is not asked for: shaping a label costs more than looking at the room. Default 0.
   */
  minLabelWidth?: number;
}

/** Where a label goes: after its mark in reading order, before it, or on a span's bar. */
export type LabelSide = 'end' | 'start' | 'inside';

export interface PlacedLabel {
  side: LabelSide;
  /** Left edge of the text box (px). */
  x: number;
  width: number;
  lines: string[];
  truncated: boolean;
}

export interface StackedItem {
  id: string;
  /** The row of its mark, or of its group (0 is the first row). */
  row: number;
  label: PlacedLabel | null;
  /** Index of its group in `groups`, or -1 when it is drawn on its own. */
  group: number;
}

/** Events that could not be told apart at this zoom, drawn as one mark with a count. */
export interface StackGroup {
  row: number;
  /** Left and right edge of the group's mark (px). */
  x0: number;
  x1: number;
  /** Members in the order given (time order). */
  ids: string[];
  count: number;
  /** All members fall on one moment: activating the group lists them, as zooming cannot split them. */
  oneMoment: boolean;
}

export interface StackResult {
  /** One per item, in the order given. */
  items: StackedItem[];
  groups: StackGroup[];
  /** Rows used; the lane is this many rows tall. More than `maxRows` only when milestones alone fill them. */
  rows: number;
  /** The most lines of label text in each row (0, 1 or 2): a row without two-line labels can be shorter. */
  rowLines: number[];
}

const MARK = 0;
const LABEL = 1;
const GROUP = 2;

/**
 * What one row holds, sorted left to right and never overlapping: marks, label boxes and group
 * marks, so that a free place is found by binary search.
 */
class Row {
  readonly left: number[] = [];
  readonly right: number[] = [];
  /** owner * 3 + kind: the item (or group) and what of it the box is. */
  readonly what: number[] = [];

  /** Index of the first box whose right edge (plus gap) lies after `a`. */
  first(a: number, gap: number): number {
    const right = this.right;
    let lo = 0;
    let hi = right.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (right[mid] + gap > a) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** Whether [a, b] keeps `gap` from every box but `ignore` (an item's own mark, for its label). */
  free(a: number, b: number, gap: number, ignore = -1): boolean {
    for (let k = this.first(a, gap); k < this.left.length && this.left[k] - gap < b; k++) {
      if (this.what[k] !== ignore) return false;
    }
    return true;
  }

  insert(a: number, b: number, what: number): void {
    const k = this.first(a, 0);
    if (k === this.left.length) {
      this.left.push(a);
      this.right.push(b);
      this.what.push(what);
    } else {
      this.left.splice(k, 0, a);
      this.right.splice(k, 0, b);
      this.what.splice(k, 0, what);
    }
  }

  remove(what: number): void {
    const k = this.what.indexOf(what);
    if (k < 0) return;
    this.left.splice(k, 1);
    this.right.splice(k, 1);
    this.what.splice(k, 1);
  }
}

/** A row not made yet. */
const EMPTY = new Row();

interface Group {
  row: number;
  a: number;
  b: number;
  members: number[];
}

/**
 * Stacks one lane's events in rows. Items come in time order with their marks' extents; the
 * result says each one's row and label, or its group. Milestones are placed first, then the others
 * in the order given; an item takes the lowest row where its mark does not overlap anything, with
 * its label beside it when the label fits there (the end side, then the start side, whole before
 * cut; a span's label first on its bar). When its label fits in no row, the mark alone takes the lowest row that has
 * room for it; a mark comes before a label, so where only labels are in its way it takes their
 * place (they try the other side of their marks). Only when marks fill every row where it falls
 * does it join a group: the one within reach
 * (in any row), else a new one centred on it, which takes the place of the marks it meets in one
 * row. So there is one group at a place, and groups never overlap each other (in any row), nor
 * marks or labels in their row. A milestone takes rows past the limit (up to `milestoneRows` more)
 * rather than lose its label, and is never grouped while it has one. Cost: O(n · rows · log n).
 */
export function stackLane(items: readonly StackItem[], options: StackOptions): StackResult {
  const width = options.width;
  const maxRows = Math.max(1, Math.floor(options.maxRows ?? 4));
  const milestoneRows = Math.max(0, Math.floor(options.milestoneRows ?? 2));
  const rtl = options.rtl === true;
  const gap = options.gap ?? 6;
  const labelGap = options.labelGap ?? 4;
  const groupWidth = options.groupWidth ?? 24;
  const inset = options.inset ?? 4;
  const minLabel = Math.max(0, options.minLabelWidth ?? 0);
  /** Items whose label was not asked for, the room beside their marks being too small: they have one all the same. */
  const crowded = new Uint8Array(items.length);
  const n = items.length;

  const left = new Float64Array(n);
  const right = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const { x0, x1 } = items[i];
    // A mark with no usable position is kept out of the rows' way, far out of view.
    const a = Number.isFinite(x0) ? x0 : Number.isFinite(x1) ? x1 : -1e9;
    const b = Number.isFinite(x1) ? x1 : a;
    left[i] = Math.min(a, b);
    right[i] = Math.max(a, b);
  }
  const rowOf = new Int32Array(n).fill(-1);
  const labels: (PlacedLabel | null)[] = new Array<PlacedLabel | null>(n).fill(null);
  /** Milestones placed with their labels: nothing may group them or take their labels. */
  const firm = new Uint8Array(n);
  const rows: Row[] = [];
  const groups: Group[] = [];
  /** Every group's mark, whatever its row, left to right: groups at one place are one group. */
  const groupMarks = new Row();

  const rowAt = (r: number): Row => {
    while (rows.length <= r) rows.push(new Row());
    return rows[r];
  };

  /** The places a label can take in a row, in order of preference: on a span's bar, after the mark, before it. */
  function* labelPlaces(row: Row, i: number): Generator<PlacedLabel> {
    const item = items[i];
    const a = left[i];
    const b = right[i];
    if (minLabel > 0 && !item.span && !item.milestone) {
      // Room for the narrowest label on either side: in this row now, and not taken later by
      // more marks than there are rows (a mark comes before a label, so they would push it out).
      const after = b + labelGap;
      const before = a - labelGap - minLabel;
      // (Counted away from the mark's own edge: marks beside this one, in other rows, are not in the way.)
      const roomAfter =
        after + minLabel <= width &&
        row.free(after, after + minLabel, gap, i * 3 + MARK) &&
        covered(after + 2 * gap, after + minLabel) <= maxRows;
      const roomBefore =
        before >= 0 &&
        row.free(before, before + minLabel, gap, i * 3 + MARK) &&
        covered(before, before + minLabel - 2 * gap) <= maxRows;
      if (!roomAfter && !roomBefore) {
        crowded[i] = 1;
        return;
      }
    }
    const shapes = item.label;
    if (!shapes || shapes.length === 0) return;
    if (item.span) {
      // On the bar, from its visible reading-start edge, if the visible bar holds the label.
      const from = Math.max(a, 0) + inset;
      const to = Math.min(b, width) - inset;
      for (const shape of shapes) {
        if (shape.width <= to - from) {
          yield { side: 'inside', x: rtl ? to - shape.width : from, width: shape.width, lines: shape.lines, truncated: shape.truncated };
          break;
        }
      }
    }
    // A whole label on either side before a cut one on either side.
    for (const cut of [false, true]) {
      for (const side of ['end', 'start'] as const) {
        const after = (side === 'end') !== rtl;
        for (const shape of shapes) {
          if (shape.truncated !== cut) continue;
          const x = after ? b + labelGap : a - labelGap - shape.width;
          if (x < 0 || x + shape.width > width) continue;
          if (row.free(x, x + shape.width, gap, i * 3 + MARK)) yield { side, x, width: shape.width, lines: shape.lines, truncated: shape.truncated };
        }
      }
    }
  }

  /** The label's place in a row, trying each side and each shape in turn; null if none fits. */
  const labelIn = (row: Row, i: number): PlacedLabel | null => {
    for (const label of labelPlaces(row, i)) return label;
    return null;
  };

  // The marks of the other events, sorted by their left and by their right edges: how many a
  // milestone's label would cover is two binary searches.
  let others = 0;
  for (let i = 0; i < n; i++) if (!items[i].milestone) others++;
  const lefts = new Float64Array(others);
  const rights = new Float64Array(others);
  for (let i = 0, k = 0; i < n; i++) {
    if (items[i].milestone) continue;
    lefts[k] = left[i];
    rights[k++] = right[i];
  }
  lefts.sort();
  rights.sort();
  const below = (sorted: Float64Array, x: number, orEqual: boolean) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] < x || (orEqual && sorted[mid] === x)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  /** How many other events' marks meet [a, b]: each needs another row where the label is. */
  const covered = (a: number, b: number) => below(lefts, b + gap, false) - below(rights, a - gap, true);

  /**
   * Places a milestone with its label within `rowLimit` rows, where its label covers the fewest
   * marks of other events (each would need another row), then in the lowest row; false if none.
   */
  const placeMilestone = (i: number, rowLimit: number): boolean => {
    let best: { r: number; label: PlacedLabel; cost: number } | null = null;
    for (let r = 0; r < rowLimit && best?.cost !== 0; r++) {
      const row = r < rows.length ? rows[r] : EMPTY;
      if (!row.free(left[i], right[i], gap)) continue;
      for (const label of labelPlaces(row, i)) {
        const cost = label.side === 'inside' ? 0 : covered(label.x, label.x + label.width);
        if (!best || cost < best.cost) best = { r, label, cost };
        if (cost === 0) break;
      }
      if (row.left.length === 0) break;
    }
    if (!best) return false;
    place(i, best.r, best.label);
    return true;
  };

  const place = (i: number, r: number, label: PlacedLabel | null): void => {
    const row = rowAt(r);
    rowOf[i] = r;
    labels[i] = label;
    row.insert(left[i], right[i], i * 3 + MARK);
    if (label && label.side !== 'inside') row.insert(label.x, label.x + label.width, i * 3 + LABEL);
  };

  const unplace = (i: number): void => {
    const row = rows[rowOf[i]];
    row.remove(i * 3 + MARK);
    if (labels[i] && labels[i]!.side !== 'inside') row.remove(i * 3 + LABEL);
    rowOf[i] = -1;
    labels[i] = null;
  };

  /** Places an item in the lowest row that takes it with its label, else its mark alone; false if none has room. */
  const stack = (i: number, rowLimit: number): boolean => {
    let markOnly = -1;
    for (let r = 0; r < rowLimit; r++) {
      const row = r < rows.length ? rows[r] : EMPTY;
      const empty = row.left.length === 0;
      if (!row.free(left[i], right[i], gap)) continue;
      const label = labelIn(row, i);
      if (label || (!crowded[i] && !items[i].label?.length)) {
        place(i, r, label);
        return true;
      }
      if (markOnly < 0) markOnly = r;
      // Every row after an empty one is empty too: none of them has more room for the label.
      if (empty) break;
    }
    if (markOnly >= 0) {
      place(i, markOnly, null);
      return true;
    }
    return false;
  };

  for (let i = 0; i < n; i++) {
    if (!items[i].milestone) continue;
    // (A milestone without a label to show is placed first all the same.)
    if (!items[i].label?.length ? stack(i, maxRows + milestoneRows) : placeMilestone(i, maxRows) || placeMilestone(i, maxRows + milestoneRows)) {
      firm[i] = 1;
    }
    // Else there are too many milestones in one place to label them all: this one is placed as
    // any other event.
  }
  const rest: number[] = [];
  for (let i = 0; i < n; i++) if (!firm[i]) rest.push(i);

  const overflow: number[] = [];
  // Rows that milestones opened past the limit are there anyway: the others may use them too.
  let limit = maxRows;
  for (let r = 0; r < rows.length; r++) if (rows[r].left.length > 0) limit = Math.max(limit, r + 1);
  for (const i of rest) if (!stack(i, limit) && !evict(i, limit)) overflow.push(i);
  for (const i of overflow) group(i);

  /**
   * A mark comes before a label: places item i's mark in the lowest row where only labels (not a
   * milestone's) are in its way. Those labels are tried again on the other side of their marks,
   * then i's own label where it still fits. False when marks fill every row there.
   */
  function evict(i: number, rowLimit: number): boolean {
    for (let r = 0; r < Math.min(rowLimit, rows.length); r++) {
      const row = rows[r];
      const inWay: number[] = [];
      let blocked = false;
      for (let k = row.first(left[i], gap); k < row.left.length && row.left[k] - gap < right[i]; k++) {
        const what = row.what[k];
        const owner = Math.floor(what / 3);
        if (what % 3 !== LABEL || firm[owner]) {
          blocked = true;
          break;
        }
        inWay.push(owner);
      }
      if (blocked) continue;
      for (const k of inWay) {
        row.remove(k * 3 + LABEL);
        labels[k] = null;
      }
      place(i, r, null);
      for (const k of inWay) {
        const label = labelIn(row, k);
        if (label) {
          labels[k] = label;
          if (label.side !== 'inside') row.insert(label.x, label.x + label.width, k * 3 + LABEL);
        }
      }
      const own = labelIn(row, i);
      if (own) {
        labels[i] = own;
        if (own.side !== 'inside') row.insert(own.x, own.x + own.width, i * 3 + LABEL);
      }
      return true;
    }
    return false;
  }

  /**
   * What a group's mark [a, b] in row r would take: the marks it meets (their events join the
   * group) and the labels it covers (they are dropped); null when it would meet a milestone, or,
   * unless `spans`, a span wider than a group.
   */
  function cover(a: number, b: number, r: number, spans: boolean): { marks: number[]; labels: number[] } | null {
    const row = rows[r];
    const marks: number[] = [];
    const dropped: number[] = [];
    for (let k = row.first(a, gap); k < row.left.length && row.left[k] - gap < b; k++) {
      const what = row.what[k];
      const owner = Math.floor(what / 3);
      const kind = what % 3;
      if (kind === GROUP) return null;
      if (firm[owner]) return null;
      if (kind === LABEL) dropped.push(owner);
      else {
        if (!spans && right[owner] - left[owner] > groupWidth) return null;
        marks.push(owner);
      }
    }
    return { marks, labels: dropped.filter((k) => !marks.includes(k)) };
  }

  /** Puts an event that fits in no row into the group at its place, making one where there is none. */
  function group(i: number): void {
    // The visible part of a long span decides where it is.
    const centre = (Math.max(left[i], -groupWidth) + Math.min(right[i], width + groupWidth)) / 2;
    const a = centre - groupWidth / 2;
    const b = centre + groupWidth / 2;
    const k = groupMarks.first(a, gap);
    if (k < groupMarks.left.length && groupMarks.left[k] - gap < b) {
      groups[Math.floor(groupMarks.what[k] / 3)].members.push(i);
      return;
    }
    let best: { r: number; marks: number[]; labels: number[] } | null = null;
    for (const spans of [false, true]) {
      for (let r = rows.length - 1; r >= 0; r--) {
        // A row left empty (by a milestone tried there) is no place for a group.
        if (rows[r].left.length === 0) continue;
        const c = cover(a, b, r, spans);
        if (c && (!best || c.marks.length + c.labels.length / 2 < best.marks.length + best.labels.length / 2)) best = { r, ...c };
      }
      if (best) break;
    }
    if (!best) {
      // Milestones fill every row here: the event takes a row past them.
      if (!stack(i, rows.length + 1)) place(i, rows.length, null);
      return;
    }
    const row = rows[best.r];
    for (const m of best.marks) unplace(m);
    for (const m of best.labels) {
      row.remove(m * 3 + LABEL);
      labels[m] = null;
    }
    const index = groups.length;
    groups.push({ row: best.r, a, b, members: [i, ...best.marks] });
    row.insert(a, b, index * 3 + GROUP);
    groupMarks.insert(a, b, index * 3 + GROUP);
  }

  const groupOf = new Int32Array(n).fill(-1);
  const result: StackGroup[] = groups.map((g, index) => {
    const members = Array.from(Int32Array.from(g.members).sort());
    const moment = items[members[0]].moment;
    let oneMoment = moment !== undefined;
    for (const k of members) {
      groupOf[k] = index;
      rowOf[k] = g.row;
      labels[k] = null;
      if (items[k].moment !== moment) oneMoment = false;
    }
    return { row: g.row, x0: g.a, x1: g.b, ids: members.map((k) => items[k].id), count: members.length, oneMoment };
  });

  let used = 0;
  const out: StackedItem[] = new Array<StackedItem>(n);
  for (let i = 0; i < n; i++) {
    if (rowOf[i] + 1 > used) used = rowOf[i] + 1;
    out[i] = { id: items[i].id, row: rowOf[i], label: labels[i], group: groupOf[i] };
  }
  const rowLines = new Array<number>(used).fill(0);
  for (let i = 0; i < n; i++) {
    const label = labels[i];
    if (label && rowOf[i] >= 0) rowLines[rowOf[i]] = Math.max(rowLines[rowOf[i]], label.lines.length);
  }
  return { items: out, groups: result, rows: used, rowLines };
}

/**
 * The fewest rows in which every event of the lane is drawn on its own (none grouped), with every
 * milestone labelled: the rows its marks need where they overlap most, and the rows that
 * milestones' labels take. A scene can give each lane this many rows, and more for labels as the
 * height allows.
 */
export function rowsForMarks(items: readonly StackItem[], options: StackOptions): number {
  const marks = items.map((item) => (item.milestone || !item.label ? item : { ...item, label: undefined }));
  return stackLane(marks, { ...options, maxRows: Math.max(1, items.length) }).rows;
}
