import { expect } from '@open-wc/testing';
import { sourceOf, type SourceHost } from '../../src/controllers/source.js';

/** A host of the test's own: an element with the two properties a source is read from. */
function host(data: unknown = undefined, src = '', inline?: { type: string; text: string }): SourceHost {
  const element = Object.assign(document.createElement('div'), { data, src }) as unknown as SourceHost;
  if (inline) {
    const script = document.createElement('script');
    script.type = inline.type;
    script.textContent = inline.text;
    element.append(script);
  }
  return element;
}

describe('controllers/source', () => {
  const never = () => {
    throw new Error('reload is for a document still being parsed');
  };

  it('takes the data property first, then src, then a child script, else none', () => {
    const inline = { type: 'application/json', text: '{"events":[]}' };
    expect(sourceOf(host({ events: [] }, 'a.json', inline), never)).to.deep.equal({ kind: 'data', value: { events: [] } });
    expect(sourceOf(host(null, 'a.json', inline), never)).to.deep.equal({ kind: 'src', url: 'a.json' });
    expect(sourceOf(host(undefined, '', inline), never)).to.deep.equal({ kind: 'inline', text: '{"events":[]}' });
    expect(sourceOf(host(undefined, '', { type: 'text/csv', text: 'date,title' }), never)).to.deep.equal({ kind: 'inline', text: 'date,title' });
    expect(sourceOf(host(undefined, '', { type: 'text/plain', text: 'x' }), never)).to.deep.equal({ kind: 'none' });
  });

  it('reads only its own child script, not one further down', () => {
    const element = host();
    const inner = document.createElement('div');
    inner.append(Object.assign(document.createElement('script'), { type: 'application/json', textContent: '[]' }));
    element.append(inner);
    expect(sourceOf(element, never)).to.deep.equal({ kind: 'none' });
  });
});
