import { expect } from '@open-wc/testing';
import { checkUrl, safeUrl } from '../../src/model/urls.js';

function refusal(raw: string, base?: string): string {
  const checked = checkUrl(raw, base);
  if ('url' in checked) throw new Error(`expected ${JSON.stringify(raw)} to be refused, got ${checked.url}`);
  return checked.error;
}

describe('safeUrl', () => {
  it('keeps http and https links, normalised', () => {
    expect(safeUrl('https://example.org/story?id=1#top')).to.equal('https://example.org/story?id=1#top');
    expect(safeUrl('http://example.org')).to.equal('http://example.org/');
    expect(safeUrl('HTTPS://Example.ORG/Path')).to.equal('https://example.org/Path');
    expect(safeUrl('  https://example.org/a%20b  ')).to.equal('https://example.org/a%20b');
  });

  it('resolves relative links against the data file address', () => {
    const base = 'https://news.example/data/story.json';
    expect(safeUrl('sources/report.pdf', base)).to.equal('https://news.example/data/sources/report.pdf');
    expect(safeUrl('/about', base)).to.equal('https://news.example/about');
    expect(safeUrl('../x', base)).to.equal('https://news.example/x');
    expect(safeUrl('//cdn.example/a', base)).to.equal('https://cdn.example/a');
  });

  it('completes links that leave out the scheme the way a browser would', () => {
    expect(safeUrl('www.bbc.co.uk/news')).to.equal('https://www.bbc.co.uk/news');
    expect(safeUrl('//cdn.example/a')).to.equal('https://cdn.example/a');
  });

  it('refuses relative links when there is no address to resolve them against', () => {
    expect(safeUrl('report.pdf')).to.equal(null);
    expect(refusal('report.pdf')).to.include('relative link');
  });

  it('refuses a relative link that resolves to something other than http(s)', () => {
    expect(safeUrl('report.pdf', 'file:///home/editor/story.json')).to.equal(null);
    expect(refusal('report.pdf', 'file:///home/editor/story.json')).to.include('"file:"');
  });

  const dangerous = [
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'JAVASCRIPT:alert(1)',
    ' javascript:alert(1)',
    '\u0000javascript:alert(1)',
    '\u0001\u0002javascript:alert(1)',
    '\tjavascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'java\rscript:alert(1)',
    'java\u0000script:alert(1)',
    'java script:alert(1)',
    'javascript :alert(1)',
    '\u00a0javascript:alert(1)',
    '\ufeffjavascript:alert(1)',
    'jav\u200bascript:alert(1)',
    'vbscript:msgbox(1)',
    'VBScript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'DATA:text/html;base64,PHNjcmlwdD4=',
    ' data:image/svg+xml,<svg onload=alert(1)>',
    'file:///etc/passwd',
    'FILE://server/share',
    'fi\nle:///etc/passwd',
    'blob:https://example.org/uuid',
  ];
  for (const raw of dangerous) {
    it(`refuses ${JSON.stringify(raw)}`, () => {
      expect(safeUrl(raw)).to.equal(null);
      expect(safeUrl(raw, 'https://news.example/data/story.json')).to.equal(null);
    });
  }

  it('names the refused scheme in its message', () => {
    expect(refusal('JavaScript:alert(1)')).to.equal(
      '"JavaScript:alert(1)" is not allowed: "javascript:" links are refused. Only web links starting with http:// or https:// are kept.',
    );
    expect(refusal('java\tscript:alert(1)')).to.include('"java\\tscript:alert(1)"');
    expect(refusal('mailto:desk@example.org')).to.include('"mailto:" links are not allowed');
    expect(refusal('ftp://example.org/file')).to.include('"ftp:"');
  });

  it('refuses links with control characters inside', () => {
    expect(safeUrl('https://exa\u0000mple.org/')).to.equal(null);
    expect(refusal('https://example.org/a\u0007b')).to.include('control characters');
  });

  it('refuses what is not a web address', () => {
    expect(safeUrl('')).to.equal(null);
    expect(safeUrl('https://')).to.equal(null);
    expect(safeUrl('http://exa mple.org/')).to.equal(null);
    expect(safeUrl('https://' + 'a'.repeat(10_001))).to.equal(null);
    expect(refusal('')).to.include('empty');
    expect(refusal(42 as unknown as string)).to.include('must be text');
  });

  it('never turns text with spaces into a link, with or without a base address', () => {
    const base = 'https://news.example/data/story.csv';
    for (const prose of ['Delegations met in Cairo', 'Talks open, Cairo', 'https://example.org/a b', 'www.example.org/a b', 'Delegations\nmet']) {
      expect(safeUrl(prose), prose).to.equal(null);
      expect(safeUrl(prose, base), prose).to.equal(null);
    }
    expect(refusal('Delegations met in Cairo', base)).to.equal(
      '"Delegations met in Cairo" has spaces in it, so it is text, not a web link. Write the link without spaces (a space in a web address is written %20).',
    );
    expect(safeUrl('docs/report.pdf', base)).to.equal('https://news.example/data/docs/report.pdf');
  });

  it('refuses links with a user name or password, which hide where they lead', () => {
    expect(safeUrl('https://www.bbc.co.uk@evil.example/')).to.equal(null);
    expect(safeUrl('https://user:pass@news.example/story')).to.equal(null);
    expect(safeUrl('//www.bbc.co.uk@evil.example/', 'https://news.example/data/x.json')).to.equal(null);
    expect(refusal('https://www.bbc.co.uk@evil.example/')).to.equal(
      '"https://www.bbc.co.uk@evil.example/" has a user name or password before "@", which hides where it leads (to evil.example), so it is not used. Link to the page itself.',
    );
    expect(safeUrl('https://news.example/people/@editor')).to.equal('https://news.example/people/@editor');
  });
});
