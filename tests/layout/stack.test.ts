import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { readData } from '../../src/model/index.js';
import type { TimelineEvent } from '../../src/model/types.js';
import { rowsForMarks, stackLane, type StackItem, type StackResult } from '../../src/layout/stack.js';
import { labelShapes, type LabelLines } from '../../src/layout/wrap.js';

/** 7 px a character. */
const measure = (text: string) => text.length * 7;
/** A label on one line, `text.length * 7` px wide. */
const one = (text: string): LabelLines[] => [{ lines: [text], width: measure(text), truncated: false }];
/** A point mark 10 px wide centred on x. */
const point = (id: string, x: number, text?: string, more: Partial<StackItem> = {}): StackItem => ({
  id,
  x0: x - 5,
  x1: x + 5,
  ...(text === undefined ? {} : { label: one(text) }),
  ...more,
});

const rowOf = (result: StackResult) => Object.fromEntries(result.items.map((item) => [item.id, item.row]));

/** Every box a row holds: marks of items drawn on their own, their labels beside them, group marks. */
function boxes(items: readonly StackItem[], result: StackResult): Map<number, [number, number, string][]> {
  const byRow = new Map<number, [number, number, string][]>();
  const add = (row: number, box: [number, number, string]) => {
    if (!byRow.has(row)) byRow.set(row, []);
    byRow.get(row)!.push(box);
  };
  result.items.forEach((placed, i) => {
    if (placed.group >= 0) return;
    add(placed.row, [Math.min(items[i].x0, items[i].x1), Math.max(items[i].x0, items[i].x1), `mark ${placed.id}`]);
    if (placed.label && placed.label.side !== 'inside') add(placed.row, [placed.label.x, placed.label.x + placed.label.width, `label ${placed.id}`]);
  });
  result.groups.forEach((group, g) => add(group.row, [group.x0, group.x1, `group ${g}`]));
  return byRow;
}

/** The pairs of boxes that overlap within a row. */
function overlaps(items: readonly StackItem[], result: StackResult): string[] {
  const found: string[] = [];
  for (const [row, list] of boxes(items, result)) {
    list.sort((p, q) => p[0] - q[0]);
    for (let k = 1; k < list.length; k++) {
      if (list[k][0] < list[k - 1][1]) found.push(`row ${row}: ${list[k - 1][2]} and ${list[k][2]}`);
    }
  }
  return found;
}

describe('layout/stack', () => {
  it('puts a label after its mark, and before it in a right-to-left lane', () => {
    const ltr = stackLane([point('a', 100, 'Talks')], { width: 600 });
    expect(ltr).to.deep.equal({
      items: [{ id: 'a', row: 0, group: -1, label: { side: 'end', x: 109, width: 35, lines: ['Talks'], truncated: false } }],
      groups: [],
      rows: 1,
      rowLines: [1],
    });
    const rtl = stackLane([point('a', 100, 'Talks')], { width: 600, rtl: true });
    expect(rtl.items[0].label).to.deep.equal({ side: 'end', x: 56, width: 35, lines: ['Talks'], truncated: false });
  });

  it('puts a label before its mark when after it would leave the plot', () => {
    const result = stackLane([point('a', 280, 'Agreement')], { width: 300 });
    expect(result.items[0].label).to.include({ side: 'start', x: 208, width: 63 });
    const rtl = stackLane([point('a', 20, 'Agreement')], { width: 300, rtl: true });
    expect(rtl.items[0].label).to.include({ side: 'start', x: 29, width: 63 });
  });

  it('stacks a mark that would cover a label into the next row', () => {
    const items = [point('a', 100, 'Ceasefire talks'), point('b', 160, 'Deal'), point('c', 240, 'Vote')];
    const result = stackLane(items, { width: 600 });
    // a's label runs 109..214: b's mark (155..165) goes to row 1; c's (235..245) stays in row 0.
    expect(rowOf(result)).to.deep.equal({ a: 0, b: 1, c: 0 });
    expect(result.items.map((item) => item.label?.x)).to.deep.equal([109, 169, 249]);
    expect(result.rows).to.equal(2);
    expect(overlaps(items, result)).to.deep.equal([]);
  });

  it('places milestones first, and an item where its label fits before one where only its mark does', () => {
    const items = [point('a', 100, 'Ceasefire talks'), point('b', 225, 'Talks'), point('m', 260, 'Truce', { milestone: true })];
    const result = stackLane(items, { width: 600 });
    // Row 0 holds m (255..265, label 269..304) and a (label 109..214): b's label fits neither after
    // its mark (234..269 meets m) nor before it (181..216 meets a's label), so b goes to row 1.
    expect(rowOf(result)).to.deep.equal({ a: 0, b: 1, m: 0 });
    expect(result.items[1].label).to.include({ side: 'end', x: 234 });
    // With one row, b keeps its place and loses its label.
    const oneRow = stackLane(items, { width: 600, maxRows: 1 });
    expect(rowOf(oneRow)).to.deep.equal({ a: 0, b: 0, m: 0 });
    expect(oneRow.items.map((item) => item.label?.x ?? null)).to.deep.equal([109, null, 269]);
    expect(oneRow.groups).to.deep.equal([]);
  });

  it('gives a mark the place of labels in its way before it groups it; the labels try the other side', () => {
    // One row: b's mark (195..205) meets a's label (109..277).
    const first = stackLane([point('a', 100, 'Ceasefire talks in Cairo'), point('b', 200, 'Vote')], { width: 600, maxRows: 1 });
    expect(first.groups).to.deep.equal([]);
    expect(first.items.map((item) => [item.id, item.row, item.label?.side ?? null, item.label?.x ?? null])).to.deep.equal([
      ['a', 0, null, null],
      ['b', 0, 'end', 209],
    ]);
    // With room before its mark, a's label moves there (from 309 to 123..291).
    const moved = stackLane([point('a', 300, 'Ceasefire talks in Cairo'), point('b', 400, 'Vote')], { width: 600, maxRows: 1 });
    expect(moved.items.map((item) => [item.id, item.label?.side, item.label?.x])).to.deep.equal([
      ['a', 'start', 123],
      ['b', 'end', 409],
    ]);
  });

  it('counts the rows a lane needs so that no event is grouped', () => {
    const three = ['a', 'b', 'c'].map((id) => point(id, 100, 'Talks'));
    expect(rowsForMarks(three, { width: 600 })).to.equal(3);
    // The milestone's label (109..221) takes row 0 over b's mark: b and c need rows 1 and 2.
    const covered = [point('m', 100, 'Phase one agreed', { milestone: true }), point('b', 160), point('c', 165)];
    expect(rowsForMarks(covered, { width: 600 })).to.equal(3);
    expect(rowsForMarks([], { width: 600 })).to.equal(0);
  });

  it('puts a whole label on the other side of its mark before it cuts one', () => {
    // The whole label (150 px) fits only before the mark; after it, only the cut one (100 px) does.
    const shapes: LabelLines[] = [
      { lines: ['Israel approves hostage-', 'release framework'], width: 150, truncated: false },
      { lines: ['Israel approves', 'hostage-release…'], width: 100, truncated: true },
    ];
    const result = stackLane([point('a', 200, undefined, { label: shapes })], { width: 320 });
    expect(result.items[0].label).to.deep.equal({ side: 'start', x: 41, width: 150, lines: shapes[0].lines, truncated: false });
    const rtl = stackLane([point('a', 120, undefined, { label: shapes })], { width: 320, rtl: true });
    expect(rtl.items[0].label).to.deep.equal({ side: 'start', x: 129, width: 150, lines: shapes[0].lines, truncated: false });
  });

  it('tries two lines where one line does not fit', () => {
    const shapes = labelShapes('Hamas-led attack on southern Israel', 300, measure);
    const items = [point('a', 100, undefined, { label: shapes }), point('b', 300, 'Vote', { milestone: true })];
    const result = stackLane(items, { width: 600 });
    // One line (245 px, 109..354) would meet the milestone's mark, placed first; two lines (126 px) fit in row 0.
    expect(result.items[0].label).to.deep.equal({ side: 'end', x: 109, width: 126, lines: ['Hamas-led attack', 'on southern Israel'], truncated: false });
    expect(result.rows).to.equal(1);
  });

  it('gives overlapping spans rows of their own: 602–629, 604–609 and 618–907', () => {
    // 2 px a year from the year 600.
    const span = (id: string, from: number, to: number, text: string): StackItem => ({ id, x0: (from - 600) * 2, x1: (to - 600) * 2, span: true, label: one(text) });
    const items = [span('a', 602, 629, 'Byzantine–Sasanian war'), { ...span('b', 604, 609, ''), label: undefined }, span('c', 618, 907, 'Tang dynasty')];
    const result = stackLane(items, { width: 700 });
    // b (8..18) overlaps a (4..58); c (36..614) overlaps a, not b.
    expect(rowOf(result)).to.deep.equal({ a: 0, b: 1, c: 1 });
    // A label goes on a bar that holds it, else beside it: a's 154 px do not fit on 54 px of bar.
    expect(result.items.map((item) => [item.label?.side, item.label?.x])).to.deep.equal([
      ['end', 62],
      [undefined, undefined],
      ['inside', 40],
    ]);
    expect(overlaps(items, result)).to.deep.equal([]);
    // With a label beside it, b (its label 22..64) leaves no room in row 1 for c.
    const labelled = stackLane([items[0], span('b', 604, 609, 'Revolt'), items[2]], { width: 700 });
    expect(rowOf(labelled)).to.deep.equal({ a: 0, b: 1, c: 2 });
    expect(labelled.items[1].label).to.include({ side: 'end', x: 22 });
  });

  it('groups a mark only when no row has room for it, with what it collides with', () => {
    const items = ['a', 'b', 'c'].map((id) => point(id, 100, undefined, { moment: '2025-10-13' }));
    const result = stackLane(items, { width: 600, maxRows: 2 });
    expect(result.items).to.deep.equal([
      { id: 'a', row: 0, label: null, group: -1 },
      { id: 'b', row: 1, label: null, group: 0 },
      { id: 'c', row: 1, label: null, group: 0 },
    ]);
    // 24 px wide, centred on the event that could not be placed.
    expect(result.groups).to.deep.equal([{ row: 1, x0: 88, x1: 112, ids: ['b', 'c'], count: 2, oneMoment: true }]);
    expect(result.rows).to.equal(2);
  });

  it('says whether a group\'s members fall on one moment', () => {
    const items = [point('a', 100, undefined, { moment: 1 }), point('b', 101, undefined, { moment: 1 }), point('c', 102, undefined, { moment: 2 })];
    expect(stackLane(items, { width: 600, maxRows: 1 }).groups.map((g) => [g.ids, g.oneMoment])).to.deep.equal([[['a', 'b', 'c'], false]]);
    const same = stackLane(items.slice(0, 2), { width: 600, maxRows: 1 });
    expect(same.groups.map((g) => [g.ids, g.oneMoment])).to.deep.equal([[['a', 'b'], true]]);
    const unknown = stackLane([point('a', 100), point('b', 100)], { width: 600, maxRows: 1 });
    expect(unknown.groups[0].oneMoment).to.equal(false);
  });

  it('keeps one group at a place: later events there join it', () => {
    const items = Array.from({ length: 8 }, (_, k) => point(`e${k}`, 100 + k * 2));
    const result = stackLane(items, { width: 600, maxRows: 3 });
    expect(result.groups).to.have.length(1);
    expect(result.groups[0].count).to.equal(6);
    expect(result.groups[0].ids).to.deep.equal(['e2', 'e3', 'e4', 'e5', 'e6', 'e7']);
    expect(rowOf(result)).to.include({ e0: 0, e1: 1 });
    expect(overlaps(items, result)).to.deep.equal([]);
  });

  it('never groups a milestone nor takes its label; milestones take rows past the limit if they must', () => {
    const crowd = Array.from({ length: 10 }, (_, k) => point(`e${k}`, 100 + k, 'Talks'));
    const items = [...crowd.slice(0, 5), point('m', 105, 'Phase one agreed', { milestone: true }), ...crowd.slice(5)];
    const result = stackLane(items, { width: 600, maxRows: 2 });
    const m = result.items.find((item) => item.id === 'm')!;
    expect(m).to.deep.include({ row: 0, group: -1 });
    expect(m.label).to.include({ side: 'end', x: 114 });
    expect(result.groups.flatMap((g) => g.ids)).not.to.include('m');
    expect(result.rows).to.equal(2);
    expect(overlaps(items, result)).to.deep.equal([]);

    const three = ['m1', 'm2', 'm3'].map((id) => point(id, 100, 'Truce', { milestone: true }));
    const past = stackLane([...three, point('e', 100, 'Talks')], { width: 600, maxRows: 2 });
    // Where milestones fill every row, no group can take the event without covering one: it takes a row of its own.
    expect(rowOf(past)).to.deep.equal({ m1: 0, m2: 1, m3: 2, e: 3 });
    expect(past.items.map((item) => item.label !== null)).to.deep.equal([true, true, true, true]);
    expect(past.groups).to.deep.equal([]);
    expect(past.rows).to.equal(4);
  });

  it('places milestones past their extra rows as any other event', () => {
    const five = ['m1', 'm2', 'm3', 'm4', 'm5'].map((id) => point(id, 100, 'Truce', { milestone: true }));
    const result = stackLane(five, { width: 600, maxRows: 1, milestoneRows: 1 });
    expect(result.items.map((item) => [item.id, item.row, item.label !== null, item.group])).to.deep.equal([
      ['m1', 0, true, -1],
      ['m2', 1, true, -1],
      ['m3', 2, false, 0],
      ['m4', 2, false, 0],
      ['m5', 2, false, 0],
    ]);
    expect(result.rows).to.equal(3);
  });

  it('keeps groups apart in every row: one group at a place', () => {
    // Two crowds 20 px apart: the second crowd joins the first one's group, whatever the row.
    const items = [...Array.from({ length: 6 }, (_, k) => point(`a${k}`, 100)), ...Array.from({ length: 6 }, (_, k) => point(`b${k}`, 120))];
    items.sort((p, q) => p.x0 - q.x0);
    const result = stackLane(items, { width: 600, maxRows: 2 });
    expect(result.groups.map((g) => [g.row, g.x0, g.x1, g.count])).to.deep.equal([[1, 88, 112, 10]]);
    // 40 px apart, they make two groups, side by side.
    const apart = [...items.slice(0, 6), ...Array.from({ length: 6 }, (_, k) => point(`c${k}`, 140))];
    const two = stackLane(apart, { width: 600, maxRows: 2 });
    expect(two.groups.map((g) => [g.row, g.x0, g.x1, g.count])).to.deep.equal([[1, 88, 112, 5], [1, 128, 152, 5]]);
  });

  it('keeps rows free of overlaps, milestones labelled, and labels in the plot, for any lane', () => {
    const item = fc.record({
      x: fc.integer({ min: -50, max: 650 }),
      length: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 300 })),
      text: fc.option(fc.stringMatching(/^[a-z]{1,12}( [a-z]{1,10}){0,4}$/), { nil: undefined }),
      milestone: fc.integer({ min: 0, max: 9 }).map((k) => k === 0),
      moment: fc.integer({ min: 0, max: 3 }),
    });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 80 }), fc.integer({ min: 1, max: 5 }), fc.boolean(), (drafts, maxRows, rtl) => {
        const items: StackItem[] = drafts
          .sort((p, q) => p.x - q.x)
          .map((d, k) => ({
            id: `e${k}`,
            x0: d.length > 0 ? d.x : d.x - 5,
            x1: d.length > 0 ? d.x + d.length : d.x + 5,
            span: d.length > 0,
            label: d.text === undefined ? undefined : labelShapes(d.text, 120, measure),
            milestone: d.milestone,
            moment: d.moment,
          }));
        const result = stackLane(items, { width: 600, maxRows, rtl });
        expect(overlaps(items, result)).to.deep.equal([]);
        let milestoneRows = 0;
        result.items.forEach((placed, i) => {
          expect(placed.row).to.be.at.least(0);
          if (items[i].milestone) {
            // A milestone with a label that fits the plot is labelled and drawn on its own, unless
            // milestones fill the rows past the limit too.
            const labelFits = items[i].label?.length && items[i].x0 >= 130 && items[i].x1 <= 470;
            if (labelFits && (placed.group >= 0 || placed.label === null)) expect(result.rows, placed.id).to.be.at.least(maxRows + 2);
            if (placed.group < 0) milestoneRows = Math.max(milestoneRows, placed.row + 1);
          }
          if (placed.label) {
            if (placed.label.side !== 'inside') {
              expect(placed.label.x).to.be.at.least(0);
              expect(placed.label.x + placed.label.width).to.be.at.most(600);
            }
          }
        });
        // Past the limit only where milestones fill every row (and then one more row at most).
        expect(result.rows).to.be.at.most(milestoneRows >= maxRows ? milestoneRows + 1 : maxRows);
        for (const group of result.groups) {
          expect(group.count).to.equal(group.ids.length);
          expect(group.count).to.be.at.least(1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('stacks 2,000 events in view in one pass, with each one placed', () => {
    const items = Array.from({ length: 2000 }, (_, k) => point(`e${k}`, (k * 37) % 1140, k % 50 === 0 ? 'Milestone' : `Event ${k}`, { milestone: k % 50 === 0, moment: Math.floor(((k * 37) % 1140) / 3) }));
    items.sort((p, q) => p.x0 - q.x0);
    const result = stackLane(items, { width: 1140, maxRows: 4 });
    expect(overlaps(items, result)).to.deep.equal([]);
    expect(result.items.filter((item) => item.group < 0).length + result.groups.reduce((sum, g) => sum + g.count, 0)).to.equal(2000);
    expect(result.items.filter((item, i) => items[i].milestone && item.label === null)).to.deep.equal([]);
  });

  describe('the default story at fit-all', () => {
    const DAY = 86_400_000;
    const LANES = ['talks', 'proposal', 'agreement', 'decision', 'casualties'];
    /** The widget's own measure when it has no canvas: 6.5 px a character at 12 px. */
    const textWidth = (text: string) => text.length * 6.5;
    let events: TimelineEvent[];

    before(async () => {
      const response = await fetch(new URL('../../data/events.json', import.meta.url));
      events = readData(await response.json()).dataset.events;
    });

    /** Each lane's items at fit-all (the data's extent and 4% on each side) in a plot `width` px wide. */
    function lanes(width: number): StackItem[][] {
      const ends = events.map((e) => (e.end ? e.end.getTime() + DAY : e.date.getTime()));
      const lo = Math.min(...events.map((e) => e.date.getTime()));
      const hi = Math.max(...ends);
      const t0 = lo - (hi - lo) * 0.04;
      const t1 = hi + (hi - lo) * 0.04;
      const x = (t: number) => ((t - t0) / (t1 - t0)) * width;
      return LANES.map((type) =>
        events
          .filter((e) => e.type === type)
          .map((e) => {
            const a = x(e.date.getTime());
            const maxWidth = e.milestone ? Math.min(220, width / 2) : Math.min(180, width * 0.45);
            const label = labelShapes(e.label ?? e.title, maxWidth, textWidth);
            // A 24 px target around each point; a span over its days.
            return e.end
              ? { id: e.id, x0: a, x1: Math.max(x(e.end.getTime() + DAY), a + 24), span: true, label, milestone: e.milestone }
              : { id: e.id, x0: a - 12, x1: a + 12, label, milestone: e.milestone };
          }),
      );
    }

    const milestonesInFull = (items: StackItem[], result: StackResult) =>
      result.items.filter((placed, i) => items[i].milestone && placed.label !== null && !placed.label.truncated).length;

    it('needs 17 rows at 1140 px to draw every event on its own, with every milestone labelled in full', () => {
      const byLane = lanes(1140);
      const need = byLane.map((items) => rowsForMarks(items, { width: 1140, gap: 0 }));
      expect(need).to.deep.equal([4, 2, 3, 2, 6]);
      byLane.forEach((items, k) => {
        const result = stackLane(items, { width: 1140, gap: 0, maxRows: need[k] });
        expect(result.groups, LANES[k]).to.deep.equal([]);
        expect(result.rows, LANES[k]).to.equal(need[k]);
        expect(milestonesInFull(items, result), LANES[k]).to.equal(items.filter((item) => item.milestone).length);
        expect(overlaps(items, result), LANES[k]).to.deep.equal([]);
      });
      expect(byLane.flat().filter((item) => item.milestone)).to.have.length(8);
    });

    it('labels every milestone in full at 320 px, with at most four rows a lane', () => {
      lanes(320).forEach((items, k) => {
        const maxRows = Math.min(4, rowsForMarks(items, { width: 320, gap: 0 }));
        const result = stackLane(items, { width: 320, gap: 0, maxRows });
        expect(result.rows, LANES[k]).to.be.at.most(4);
        expect(milestonesInFull(items, result), LANES[k]).to.equal(items.filter((item) => item.milestone).length);
        expect(overlaps(items, result), LANES[k]).to.deep.equal([]);
      });
    });
  });

  it('asks for no label where a row leaves too little room beside a mark (minLabelWidth)', () => {
    let asked = 0;
    const lazy = (id: string, x: number): StackItem => ({
      id,
      x0: x - 5,
      x1: x + 5,
      get label() {
        asked++;
        return one(`Label of ${id}`);
      },
    });
    // Marks 20 px apart in one row: no room for a label of 30 px beside any but the last.
    const packed = Array.from({ length: 10 }, (_, k) => lazy(`m${k}`, 100 + k * 20));
    const result = stackLane(packed, { width: 600, maxRows: 1, gap: 2, labelGap: 2, minLabelWidth: 30 });
    expect(result.items.filter((item) => item.group < 0).length).to.be.at.least(8);
    expect(asked).to.be.at.most(4);
    asked = 0;
    stackLane(packed, { width: 600, maxRows: 1, gap: 2, labelGap: 2 });
    expect(asked).to.be.at.least(8);
  });
});
