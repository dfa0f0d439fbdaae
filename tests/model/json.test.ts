import { expect } from '@open-wc/testing';
import { jsonValueRange } from '../../src/model/json.js';

const json = `{
  "events": [
    { "date": "2024-01-10", "title": "Talks", "sources": [{ "url": "ftp://x" }] },
    {
      "date": "2024-13-45",
      "title": "Cairo"
    }
  ]
}`;

/** The text that `jsonValueRange` gives for a path, or null. */
function at(text: string, path: string): string | null {
  const range = jsonValueRange(text, path);
  return range ? text.slice(...range) : null;
}

describe('jsonValueRange', () => {
  it('finds the value a path names, as written in the text', () => {
    expect(at(json, 'events[0].sources[0].url')).to.equal('"ftp://x"');
    expect(at(json, 'events[0].sources')).to.equal('[{ "url": "ftp://x" }]');
    expect(at(json, 'events[1].date')).to.equal('"2024-13-45"');
  });

  it('gives the first line of a value that spans lines, and of the deepest value found on the way', () => {
    expect(at(json, 'events[1]')).to.equal('{');
    // The event has no sources: its first line is where to add them.
    expect(at(json, 'events[1].sources')).to.equal('{');
    expect(at(json, 'events[7].date')).to.equal('[');
    expect(at(json, '(file)')).to.equal(null);
  });

  it('reads paths of bare lists, TimelineJS 2 and keys that are not plain words', () => {
    expect(at('\ufeff[{ "title": "First", "date": "x" }]', '[0].date')).to.equal('"x"');
    expect(at('{"timeline": {"date": [{}, {"startDate": "1969,7"}]}}', 'timeline.date[1].startDate')).to.equal('"1969,7"');
    expect(at('{"types": {"odd \\"name\\"": {"color": "url(x)"}}}', 'types["odd \\"name\\""].color')).to.equal('"url(x)"');
    expect(at('{"a": [1, -2.5e3, true, null]}', 'a[1]')).to.equal('-2.5e3');
  });

  it('finds what comes before a syntax error, and nothing after it', () => {
    const broken = '{"events": [{"date": "x"}, {"date": "y" "title": 1}]}';
    expect(at(broken, 'events[0].date')).to.equal('"x"');
    expect(at(broken, 'events[1].title')).to.equal(null);
  });

  it('reads nesting too deep for a recursive reader', () => {
    const deep = '['.repeat(100_000) + '"x"' + ']'.repeat(100_000);
    expect(jsonValueRange(deep, '[0][0][0]')).to.deep.equal([3, deep.length - 3]);
  });
});
