import { expect } from '@open-wc/testing';
import { ELLIPSIS, breakPieces, labelShapes, wrapLabel } from '../../src/layout/wrap.js';

/** 7 px a code unit: every width below is the number of characters times 7. */
const measure = (text: string) => text.length * 7;
/** 12 px a character, as a CJK font is about square. */
const wide = (text: string) => [...text].length * 12;

describe('layout/wrap', () => {
  describe('breakPieces', () => {
    it('breaks Latin text after spaces and after a dash between letters', () => {
      expect(breakPieces('Hamas-led attack on  southern Israel')).to.deep.equal(['Hamas-', 'led ', 'attack ', 'on  ', 'southern ', 'Israel']);
      expect(breakPieces('Egypt–Qatar proposal, 2024-05-06')).to.deep.equal(['Egypt–', 'Qatar ', 'proposal, ', '2024-', '05-', '06']);
      expect(breakPieces('a - b')).to.deep.equal(['a ', '- ', 'b']);
    });

    it('breaks Chinese and Thai between words, never before punctuation', () => {
      expect(breakPieces('停火协议今天生效', 'zh')).to.deep.equal(['停火', '协议', '今天', '生效']);
      expect(breakPieces('停火协议，今天生效。', 'zh')).to.deep.equal(['停火', '协议，', '今天', '生效。']);
      expect(breakPieces('ข้อตกลงหยุดยิง', 'th').join('')).to.equal('ข้อตกลงหยุดยิง');
      expect(breakPieces('ข้อตกลงหยุดยิง', 'th').length).to.be.at.least(2);
    });

    it('breaks Arabic after spaces', () => {
      expect(breakPieces('الرهائن المتبقون في غزة', 'ar')).to.deep.equal(['الرهائن ', 'المتبقون ', 'في ', 'غزة']);
    });
  });

  describe('wrapLabel', () => {
    it('keeps a label that fits on one line', () => {
      expect(wrapLabel('Talks open', 100, measure)).to.deep.equal({ lines: ['Talks open'], width: 70, truncated: false });
      expect(wrapLabel('  Talks \n open ', 70, measure)).to.deep.equal({ lines: ['Talks open'], width: 70, truncated: false });
    });

    it('wraps to two lines as even as the breaks allow', () => {
      // Greedy would give "Hamas-led attack on southern" (196) and "Israel" (42).
      expect(wrapLabel('Hamas-led attack on southern Israel', 200, measure)).to.deep.equal({
        lines: ['Hamas-led attack', 'on southern Israel'],
        width: 126,
        truncated: false,
      });
    });

    it('breaks after a dash when that is the only break', () => {
      expect(wrapLabel('Hostage-prisoner', 70, measure)).to.deep.equal({ lines: ['Hostage-', 'prisoner'], width: 56, truncated: false });
    });

    it('ends with an ellipsis after a whole word only when two lines cannot hold the text', () => {
      const text = 'Cairo talks with Egyptian and Qatari mediators end without breakthrough';
      expect(wrapLabel(text, 200, measure)).to.deep.equal({
        lines: ['Cairo talks with Egyptian', `and Qatari mediators end${ELLIPSIS}`],
        width: 175,
        truncated: true,
      });
      // 36 characters a line hold it all: no ellipsis.
      expect(wrapLabel(text, 252, measure)).to.deep.equal({
        lines: ['Cairo talks with Egyptian and Qatari', 'mediators end without breakthrough'],
        width: 252,
        truncated: false,
      });
      // No space and no punctuation before the ellipsis.
      expect(wrapLabel('Phase one ends, talks go on', 100, measure, { maxLines: 1 })).to.deep.equal({
        lines: [`Phase one${ELLIPSIS}`],
        width: 70,
        truncated: true,
      });
    });

    it('cuts within a word only when that word alone is wider than the line', () => {
      expect(wrapLabel('Supercalifragilistic', 70, measure)).to.deep.equal({ lines: ['Supercalif', 'ragilistic'], width: 70, truncated: false });
      expect(wrapLabel('Supercalifragilisticexpialidocious', 70, measure)).to.deep.equal({
        lines: ['Supercalif', `ragilisti${ELLIPSIS}`],
        width: 70,
        truncated: true,
      });
    });

    it('wraps Chinese between words', () => {
      expect(wrapLabel('停火协议今天生效', 50, wide, { locale: 'zh' })).to.deep.equal({ lines: ['停火协议', '今天生效'], width: 48, truncated: false });
      expect(wrapLabel('停火协议今天生效', 40, wide, { locale: 'zh' })).to.deep.equal({ lines: ['停火', `协议${ELLIPSIS}`], width: 36, truncated: true });
    });

    it('takes more lines when asked', () => {
      expect(wrapLabel('one two three four five', 42, measure, { maxLines: 3 })).to.deep.equal({
        lines: ['one', 'two', `three${ELLIPSIS}`],
        width: 42,
        truncated: true,
      });
      // Where not even the first word of the last line fits with the ellipsis, that word is cut.
      expect(wrapLabel('one two three four five', 40, measure, { maxLines: 3 })).to.deep.equal({
        lines: ['one', 'two', `thre${ELLIPSIS}`],
        width: 35,
        truncated: true,
      });
      expect(wrapLabel('one two three four five', 70, measure, { maxLines: 3 })).to.deep.equal({
        lines: ['one two', 'three four', 'five'],
        width: 70,
        truncated: false,
      });
    });

    it('gives nothing for empty text or no room', () => {
      expect(wrapLabel('   ', 100, measure)).to.equal(null);
      expect(wrapLabel('Talks', 0, measure)).to.equal(null);
      expect(wrapLabel('Talks', 5, measure)).to.equal(null);
    });
  });

  describe('labelShapes', () => {
    const text = 'Hamas-led attack on southern Israel';

    it('offers one line, then two narrower lines', () => {
      expect(labelShapes(text, 300, measure)).to.deep.equal([
        { lines: [text], width: 245, truncated: false },
        { lines: ['Hamas-led attack', 'on southern Israel'], width: 126, truncated: false },
      ]);
    });

    it('offers only two lines when one is too wide', () => {
      expect(labelShapes(text, 200, measure).map((s) => s.lines)).to.deep.equal([['Hamas-led attack', 'on southern Israel']]);
    });

    it('offers a cut label only when two lines cannot hold the text', () => {
      expect(labelShapes(text, 100, measure)).to.deep.equal([{ lines: ['Hamas-led', `attack on${ELLIPSIS}`], width: 70, truncated: true }]);
      expect(labelShapes('Talks', 100, measure)).to.deep.equal([{ lines: ['Talks'], width: 35, truncated: false }]);
      expect(labelShapes('', 100, measure)).to.deep.equal([]);
    });
  });
});
