import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { ELLIPSIS, graphemes, placeLabels, truncateToFit, type LabelItem } from '../../src/layout/labels.js';

const measure = (text: string) => text.length * 7;
const base = { measure, viewWidth: 1000, rows: 2 };

describe('layout/labels', () => {
  it('puts a label after its mark, clear of it, in the first row', () => {
    const [label] = placeLabels([{ id: 'a', x: 100, text: 'Ceasefire talks' }], base);
    expect(label).to.deep.equal({ id: 'a', x: 108, width: 105, row: 0, text: 'Ceasefire talks', truncated: false });
  });

  it('puts a right-to-left label to the left of its mark', () => {
    const [label] = placeLabels([{ id: 'a', x: 500, text: 'Ceasefire talks', rtl: true }], base);
    expect(label).to.include({ x: 387, width: 105, row: 0 });
  });

  it('honours markRadius and gap', () => {
    const placed = placeLabels(
      [
        { id: 'a', x: 100, text: 'abcdefghij' }, // 112..182
        { id: 'b', x: 184, text: 'abcdefghij' }, // 196..266: 14 px after a
        { id: 'c', x: 270, text: 'abcdefghij' }, // 282: 16 px after b
      ],
      { ...base, rows: 1, markRadius: 12, gap: 15 },
    );
    expect(placed.map((l) => [l.id, l.x, l.row])).to.deep.equal([
      ['a', 112, 0],
      ['c', 282, 0],
    ]);
  });

  it('moves a label that would overlap to the next row, and leaves out one that fits nowhere', () => {
    const placed = placeLabels(
      [
        { id: 'a', x: 100, text: 'Ceasefire talks' }, // 108..213
        { id: 'b', x: 150, text: 'Hostage release' }, // 158..263
        { id: 'c', x: 160, text: 'Aid convoy' },
      ],
      base,
    );
    expect(placed.map((l) => [l.id, l.row])).to.deep.equal([
      ['a', 0],
      ['b', 1],
    ]);
  });

  it('places higher priority first, and returns labels in the given order', () => {
    const placed = placeLabels(
      [
        { id: 'a', x: 100, text: 'Ceasefire talks' },
        { id: 'b', x: 150, text: 'Hostage release', priority: 1 },
      ],
      { ...base, rows: 1 },
    );
    // b takes 158..263; a would end at 152 at most: 6 characters, fewer than 8, so it is left out.
    expect(placed.map((l) => l.id)).to.deep.equal(['b']);
    const both = placeLabels(
      [
        { id: 'a', x: 100, text: 'Ceasefire talks' },
        { id: 'b', x: 150, text: 'Hostage release', priority: 1 },
      ],
      base,
    );
    expect(both.map((l) => [l.id, l.row])).to.deep.equal([
      ['a', 1],
      ['b', 0],
    ]);
  });

  it('shortens a label that nearly fits at a word boundary', () => {
    const [label] = placeLabels([{ id: 'a', x: 900, text: 'Indirect talks open in Sharm el-Sheikh' }], base);
    // Room 908..1000 = 92 px: 12 characters and the ellipsis would fit; the word ends after 8.
    expect(label).to.deep.equal({ id: 'a', x: 908, width: 63, row: 0, text: 'Indirect…', truncated: true });
  });

  it('shortens to the row with the most room', () => {
    const tight = placeLabels(
      [
        { id: 'a', x: 200, text: 'abcdefghijklmnopqrstuvwxyz' }, // 208..390 in row 0
        { id: 'b', x: 150, text: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ' }, // row 1: 158..340
        { id: 'c', x: 100, text: 'The quick brown fox jumps' }, // row 0 room 108..202 = 94, row 1 room 108..152 = 44
      ],
      base,
    );
    expect(tight.map((l) => [l.id, l.row])).to.deep.equal([
      ['a', 0],
      ['b', 1],
      ['c', 0],
    ]);
    // 12 characters would fit in 94 px; cut after "quick" rather than inside "brown".
    expect(tight[2]).to.deep.equal({ id: 'c', x: 108, width: 70, row: 0, text: 'The quick…', truncated: true });
  });

  it('cuts between characters when the last word boundary would lose too much', () => {
    const short = truncateToFit('Negotiations resumed', 100, measure);
    // 100 px: 13 characters and the ellipsis; the word boundary after 12 keeps enough.
    expect(short).to.deep.equal({ text: 'Negotiations…', width: 91 });
    // The only word boundary would keep 2 of the 11 characters that fit.
    const chars = truncateToFit('Ab Negotiations', 84, measure);
    expect(chars).to.deep.equal({ text: 'Ab Negotiat…', width: 84 });
    expect(truncateToFit('Short', 20, measure)).to.equal(null);
    expect(truncateToFit('Negotiations resumed', 100, measure, 14)).to.equal(null);
  });

  it('never splits an emoji or an accented letter', () => {
    const short = truncateToFit('🇵🇸🇮🇱 talks re\u0301sume today', 13 * 7, (t) => Array.from(new Intl.Segmenter().segment(t)).length * 7, 4);
    expect(short!.text.startsWith('🇵🇸🇮🇱 talks')).to.equal(true);
    expect(short!.text.endsWith(ELLIPSIS)).to.equal(true);
  });

  it('splits text into the characters a reader sees, as the grapheme segmenter does', () => {
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    // Latin titles (the fast path) mixed with accents, Arabic, Hebrew points, emoji and joiners.
    const pieces = ['Talks', ' ', 'Doha', 'é', 'e\u0301', 'ß', '–', '’', '…', 'غزة', 'שָׁלוֹם', '🇵🇸', '👩‍👩‍👧', '✌️', '\u200d', '\r\n', 'ก่', '한'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(graphemes(text)).to.deep.equal(Array.from(segmenter.segment(text), (s) => s.segment));
      }),
      { numRuns: 400 },
    );
  });

  it('leaves out a label with too little room and one whose mark is off the view on its side', () => {
    expect(placeLabels([{ id: 'a', x: 960, text: 'Ceasefire talks' }], base)).to.deep.equal([]);
    expect(placeLabels([{ id: 'a', x: -20, text: 'Ceasefire' }], base)).to.deep.equal([]);
    expect(placeLabels([{ id: 'a', x: 1020, text: 'Ceasefire', rtl: true }], base)).to.deep.equal([]);
    expect(placeLabels([{ id: 'a', x: 100, text: 'Ceasefire' }], { ...base, rows: 0 })).to.deep.equal([]);
  });

  it('never overlaps, stays in view and clear of its mark (random labels)', () => {
    const word = fc.stringMatching(/^[A-Za-z]{1,10}$/);
    const item = fc.record({
      x: fc.integer({ min: -50, max: 1250 }),
      words: fc.array(word, { minLength: 1, maxLength: 6 }),
      priority: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
      rtl: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(item, { maxLength: 40 }),
        fc.integer({ min: 150, max: 1200 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 0, max: 12 }),
        (specs, viewWidth, rows, gap, markRadius) => {
          const items: LabelItem[] = specs.map((s, i) => ({ id: `l${i}`, x: s.x, text: s.words.join(' '), priority: s.priority, rtl: s.rtl }));
          const placed = placeLabels(items, { measure, viewWidth, rows, gap, markRadius });
          const byId = new Map(items.map((it) => [it.id, it]));
          for (const label of placed) {
            const it = byId.get(label.id)!;
            expect(label.row).to.be.within(0, rows - 1);
            expect(label.x).to.be.at.least(0);
            expect(label.x + label.width).to.be.at.most(viewWidth);
            expect(label.width).to.equal(measure(label.text));
            if (it.rtl) expect(label.x + label.width).to.be.at.most(it.x - markRadius);
            else expect(label.x).to.be.at.least(it.x + markRadius);
            if (label.truncated) {
              expect(label.text.endsWith(ELLIPSIS)).to.equal(true);
              const kept = label.text.slice(0, -1);
              expect(kept.length).to.be.at.least(8);
              expect(it.text.startsWith(kept)).to.equal(true);
            } else {
              expect(label.text).to.equal(it.text);
            }
          }
          for (let i = 0; i < placed.length; i++) {
            for (let j = i + 1; j < placed.length; j++) {
              const [p, q] = [placed[i], placed[j]];
              if (p.row !== q.row) continue;
              const apart = p.x + p.width + gap <= q.x || q.x + q.width + gap <= p.x;
              expect(apart, `${p.id} and ${q.id} overlap`).to.equal(true);
            }
          }
          // Every label with its whole row free to the view's edge is placed.
          const ids = new Set(placed.map((l) => l.id));
          if (rows >= items.length) {
            for (const it of items) {
              const start = it.rtl ? it.x - markRadius : it.x + markRadius;
              const room = it.rtl ? start : viewWidth - start;
              if (start >= 0 && start <= viewWidth && measure(it.text) <= room) expect(ids.has(it.id)).to.equal(true);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
