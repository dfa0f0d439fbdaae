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

  it('stays linear on long hostile input', () => {
    const hostile = '<a x="'.repeat(20_000) + '&'.repeat(100_000) + '<'.repeat(100_000);
    const start = performance.now();
    htmlToText(hostile);
    expect(performance.now() - start).to.be.below(500);
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
