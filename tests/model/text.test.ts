import { expect } from '@open-wc/testing';
import { cut, decodeEntities, findBareLinks, htmlToText, slug } from '../../src/model/text.js';

describe('htmlToText', () => {
  it('drops tags and decodes entities', () => {
    expect(htmlToText('Euclid&#39;s <i>Optica</i> &amp; more&nbsp;&mdash; &#x1F4A1; &eacute;t&eacute;').text).to.equal('Euclid\'s Optica & more\u00a0— 💡 été');
  });

  it('turns <br> into a line break and paragraphs into blank lines, collapsing other white space', () => {
    expect(htmlToText('<p>One\n   two</p><p>Three<br/>four</p>  <div>five</div>').text).to.equal('One two\n\nThree\nfour\n\nfive');
  });

  it('collects links with their words', () => {
    const { text, links } = htmlToText('See <a class="x" href="https://a.example/?q=1&amp;r=2">the <b>report</b></a> and <A HREF=\'/rel\'>this</A>.');
    expect(text).to.equal('See the report and this.');
    expect(links).to.deep.equal([
      { href: 'https://a.example/?q=1&r=2', text: 'the report' },
      { href: '/rel', text: 'this' },
    ]);
  });

  it('keeps the address of an embedded frame as a link and skips scripts and styles', () => {
    const { text, links } = htmlToText('<iframe src="https://v.example/e">fallback</iframe><script>alert("x")</script><style>p{}</style>After');
    expect(text).to.equal('After');
    expect(links).to.deep.equal([{ href: 'https://v.example/e', text: '' }]);
  });

  it('leaves a "<" that opens no tag as text, and never interprets a decoded "<"', () => {
    expect(htmlToText('a < b and c<d').text).to.equal('a < b and c<d');
    expect(htmlToText('&lt;script&gt;alert(1)&lt;/script&gt;').text).to.equal('<script>alert(1)</script>');
    expect(htmlToText('<!-- note -->kept <unclosed attr="x').text).to.equal('kept <unclosed attr="x');
  });

  it('stays linear on long hostile input: twice the text, about twice the characters looked at', () => {
    // Counted, not timed (how long it takes is the machine's business): the characters the reader
    // looks at one by one, scans for a string, or copies.
    const looks = (text: string) => {
      const proto = String.prototype;
      const saved = { charCodeAt: proto.charCodeAt, indexOf: proto.indexOf, startsWith: proto.startsWith, slice: proto.slice };
      let count = 0;
      proto.charCodeAt = function (this: string, index: number) {
        count++;
        return saved.charCodeAt.call(this, index);
      };
      proto.indexOf = function (this: string, search: string, from = 0) {
        const found = saved.indexOf.call(this, search, from);
        count += (found < 0 ? this.length : found + search.length) - Math.max(0, from);
        return found;
      };
      proto.startsWith = function (this: string, search: string, from = 0) {
        count += search.length;
        return saved.startsWith.call(this, search, from);
      };
      proto.slice = function (this: string, start?: number, end?: number) {
        const part = saved.slice.call(this, start, end);
        count += part.length;
        return part;
      };
      try {
        htmlToText(text);
      } finally {
        Object.assign(proto, saved);
      }
      return count;
    };
    // Each part reaches the reader: ampersands that start no entity, '<' that opens no tag, and
    // tags whose quoted values never close (the last runs to the end of the text).
    const hostile = (n: number) => '&'.repeat(5 * n) + '&#'.repeat(n) + '<'.repeat(5 * n) + '<a x="'.repeat(n);
    const one = looks(hostile(20_000));
    const two = looks(hostile(40_000));
    expect(one).to.be.below(10 * hostile(20_000).length);
    expect(two / one).to.be.within(1.8, 2.2);
  });
});

describe('decodeEntities', () => {
  it('decodes known references and keeps unknown ones', () => {
    expect(decodeEntities('&amp;&unknown;&#0;&#xD800;& x')).to.equal('&&unknown;\ufffd\ufffd& x');
  });
});

describe('findBareLinks', () => {
  it('finds written-out addresses without trailing punctuation', () => {
    expect(findBareLinks('See https://a.example/x. Or (http://b.example/y), not https:// alone.')).to.deep.equal(['https://a.example/x', 'http://b.example/y']);
  });
});

describe('cut', () => {
  it('cuts to the limit with an ellipsis, never splitting a character', () => {
    expect(cut('abcdef', 4)).to.equal('abc…');
    expect(cut('abcd', 4)).to.equal('abcd');
    expect(cut('ab😀d', 4)).to.equal('ab…');
  });
});

describe('slug', () => {
  it('makes a readable id part', () => {
    expect(slug('Indirect talks open in Sharm el-Sheikh!')).to.equal('indirect-talks-open-in-sharm-el-sheikh');
    expect(slug('Ölpreis fällt')).to.equal('olpreis-fallt');
    expect(slug('   ')).to.equal('');
    expect(slug('word '.repeat(30)).length).to.be.at.most(60);
  });
});
