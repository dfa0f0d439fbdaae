import { expect } from '@open-wc/testing';
import { render } from 'lit';
import { createTranslator } from '../../src/i18n/index.js';
import type { LoadFailure } from '../../src/controllers/load-controller.js';
import { viewContext, type ViewContext } from '../../src/views/context.js';
import { renderError } from '../../src/views/status.js';

const RLO = '\u202e';

function context(locale = 'en'): ViewContext {
  const tr = createTranslator(locale);
  return viewContext(tr, tr.dir === 'rtl');
}

function show(failure: LoadFailure, locale = 'en'): HTMLElement {
  const host = document.createElement('div');
  host.style.cssText = 'width: 2000px; font: 16px sans-serif';
  document.body.append(host);
  render(renderError(failure, context(locale)), host);
  return host;
}

/** Whether `word`, where it first appears in `root`'s text, is drawn left to right on screen. */
function readsLeftToRight(root: Element, word: string): boolean {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.textContent!.indexOf(word);
    if (at < 0) continue;
    const char = (i: number) => {
      const range = document.createRange();
      range.setStart(node!, i);
      range.setEnd(node!, i + 1);
      return range.getBoundingClientRect().left;
    };
    return char(at) < char(at + word.length - 1);
  }
  throw new Error(`"${word}" is not in the panel`);
}

describe('views/status', () => {
  afterEach(() => document.querySelectorAll('body > div').forEach((div) => div.remove()));

  it('a right-to-left override in quoted data cannot reverse the widget’s own sentence', () => {
    const detail = `This is not valid JSON: at line 1, column 30 (near "${RLO}Ceasefire x") there is "x" where a comma or } was expected. Look for a missing comma, quote or bracket there, or one too many.`;
    const host = show({ key: 'errorInvalid', params: { detail }, problems: [{ path: '(file)', message: detail, severity: 'error' }] });
    const sentence = host.querySelector('p')!;
    expect(sentence.textContent).to.equal(`The data could not be read: ${detail}`);
    expect(readsLeftToRight(sentence, 'bracket')).to.equal(true);
    expect(readsLeftToRight(sentence, 'expected')).to.equal(true);
    // The list of problems, too.
    host.querySelector('details')!.open = true;
    expect(readsLeftToRight(host.querySelector('li')!, 'bracket')).to.equal(true);
  });

  it('puts each value of a sentence in an isolate of its own, in any language', () => {
    const host = show({ key: 'errorNotFound', params: { url: 'https://data.example/story.json', status: 404 }, problems: [] }, 'ar');
    const values = [...host.querySelectorAll('p bdi')].map((bdi) => bdi.textContent);
    expect(values).to.have.members(['https://data.example/story.json', '404']);
  });
});
