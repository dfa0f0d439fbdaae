import { expect } from '@open-wc/testing';
import { escapeAttribute, iframeCode, inlineDataCode, scriptTagCode } from '../../src/editor/embed-code.js';
import { readData, toNative } from '../../src/model/index.js';

const BUNDLE = 'https://example.org/dist/news-timeline.iife.js';
const light = { theme: 'light', locale: '' };

describe('embed code', () => {
  it('gives the script tag with the data address, theme and language', () => {
    expect(scriptTagCode(BUNDLE, 'https://example.org/story.json?a=1&b=2', light)).to.equal(
      `<script src="${BUNDLE}"></script>\n<news-timeline src="https://example.org/story.json?a=1&amp;b=2" style="display: block; height: 760px"></news-timeline>`,
    );
    expect(scriptTagCode(BUNDLE, 'https://example.org/s.json', { theme: 'dark', locale: 'ar' })).to.contain('<news-timeline src="https://example.org/s.json" theme="dark" locale="ar" style="display: block; height: 760px">');
  });

  it('puts the data inside the code, where no text can close the script', () => {
    const data = toNative(
      readData({ title: 'A </script><b>story</b>', events: [{ date: '2024', title: '<!-- x --> </SCRIPT>', sources: [{ url: 'https://example.com/' }] }] }).dataset,
    );
    const code = inlineDataCode(BUNDLE, data, { theme: 'auto', locale: '' });
    const lines = code.split('\n');
    expect(lines[0]).to.equal(`<script src="${BUNDLE}"></script>`);
    expect(lines[1]).to.equal('<news-timeline theme="auto" style="display: block; height: 760px">');
    expect(lines[2]).to.match(/^<script type="application\/json">\{.*\}<\/script>$/);
    expect(lines[3]).to.equal('</news-timeline>');
    const json = lines[2].slice('<script type="application/json">'.length, -'</script>'.length);
    expect(json).not.to.contain('<');
    expect(JSON.parse(json)).to.deep.equal(data);
  });

  it('gives the iframe in at most three lines, with the script that fits its height', () => {
    const code = iframeCode('https://example.org/demo/embed.html', 'https://example.org/s.json', { theme: 'dark', locale: 'fr' }, 'Timeline: "Talks"', 512.4);
    const lines = code.split('\n');
    expect(lines).to.have.length.at.most(3);
    expect(lines[0]).to.equal(
      '<iframe data-news-timeline src="https://example.org/demo/embed.html?src=https%3A%2F%2Fexample.org%2Fs.json&amp;theme=dark&amp;locale=fr" ' +
        'title="Timeline: &quot;Talks&quot;" width="100%" height="512" style="border:0" loading="lazy"></iframe>',
    );
    expect(lines[1]).to.match(/^<script>.*'news-timeline:height'.*<\/script>$/);
  });

  it('escapes text for an attribute', () => {
    expect(escapeAttribute('a & "b" <c>')).to.equal('a &amp; &quot;b&quot; &lt;c&gt;');
  });
});
