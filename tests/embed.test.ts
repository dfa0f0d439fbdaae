import { expect } from '@open-wc/testing';
import type { NewsTimeline } from '../src/news-timeline.js';
import { wait } from './helpers.js';

// demo/embed.html as a CMS uses it: in an iframe, set up only by its query string, talking to the
// parent page with postMessage.

const EMBED = new URL('../demo/embed.html', import.meta.url).href;

interface EmbedMessage {
  type: string;
  height?: number;
  id?: string | null;
}

let frame: HTMLIFrameElement | undefined;

afterEach(() => {
  frame?.remove();
  frame = undefined;
});

/** Opens the embed page with a query string, in an iframe of the given width. */
function openEmbed(query: string, width = 900): { frame: HTMLIFrameElement; messages: EmbedMessage[] } {
  const messages: EmbedMessage[] = [];
  const iframe = document.createElement('iframe');
  iframe.style.cssText = `width:${width}px;height:300px;border:0`;
  iframe.title = 'Timeline';
  window.addEventListener('message', (event: MessageEvent<EmbedMessage>) => {
    if (event.source === iframe.contentWindow && event.data && typeof event.data.type === 'string') {
      messages.push(event.data);
    }
  });
  iframe.src = `${EMBED}?${query}`;
  document.body.append(iframe);
  frame = iframe;
  return { frame: iframe, messages };
}

/** Resolves once `test` is true, checking every 25 ms; fails after `ms`. */
async function until(test: () => boolean, ms = 8000, what = 'condition'): Promise<void> {
  const stop = performance.now() + ms;
  while (!test()) {
    if (performance.now() > stop) throw new Error(`timed out waiting for ${what}`);
    await wait(25);
  }
}

function timelineIn(iframe: HTMLIFrameElement): NewsTimeline | null {
  return (iframe.contentDocument?.querySelector('news-timeline') as NewsTimeline | null) ?? null;
}

async function drawn(iframe: HTMLIFrameElement): Promise<NewsTimeline> {
  await until(() => (timelineIn(iframe)?.shadowRoot?.querySelectorAll('[data-event-id]').length ?? 0) > 0, 8000, 'marks');
  return timelineIn(iframe)!;
}

describe('embed page', () => {
  it('draws the timeline from ?src and posts a height that fits it', async () => {
    const { frame: iframe, messages } = openEmbed('src=../tests/fixtures/small.json');
    const element = await drawn(iframe);
    expect(element.events.map((event) => event.id)).to.have.length(6);
    const heights = () => messages.filter((message) => message.type === 'news-timeline:height');
    await until(() => heights().some((message) => message.height! > 200), 10000, 'a height message > 200');
    const last = heights()[heights().length - 1].height!;
    const content = Math.ceil(iframe.contentDocument!.documentElement.getBoundingClientRect().height);
    expect(last).to.equal(content);
    expect(last).to.be.within(element.getBoundingClientRect().height, element.getBoundingClientRect().height + 2);
  });

  it('sets locale, theme, start, end and selected from the query string', async () => {
    const { frame: iframe } = openEmbed(
      'src=../tests/fixtures/small.json&locale=fr&theme=dark&start=2024-02-01&end=2024-09-30&selected=cairo-round',
    );
    const element = await drawn(iframe);
    expect(element.getAttribute('src')).to.equal('../tests/fixtures/small.json');
    expect(element.getAttribute('locale')).to.equal('fr');
    expect(element.getAttribute('theme')).to.equal('dark');
    expect(element.getAttribute('start')).to.equal('2024-02-01');
    expect(element.getAttribute('end')).to.equal('2024-09-30');
    expect(element.getAttribute('selected')).to.equal('cairo-round');
    expect(element.view.start.toISOString().slice(0, 10)).to.equal('2024-02-01');
    expect(element.shadowRoot!.querySelector('[part="detail"] h2')?.textContent).to.equal('Round of talks in Cairo');
  });

  it('posts the selection to the parent page', async () => {
    const { frame: iframe, messages } = openEmbed('src=../tests/fixtures/small.json');
    const element = await drawn(iframe);
    element.shadowRoot!.querySelector<HTMLElement>('[data-event-id="talks-doha"]')!.click();
    await until(() => messages.some((message) => message.type === 'news-timeline:select'), 3000, 'a select message');
    expect(messages.filter((message) => message.type === 'news-timeline:select')).to.deep.equal([
      { type: 'news-timeline:select', id: 'talks-doha' },
    ]);
  });

  it('ignores a theme it does not know', async () => {
    const { frame: iframe } = openEmbed('src=../tests/fixtures/small.json&theme=purple');
    const element = await drawn(iframe);
    expect(element.getAttribute('theme')).to.equal('light');
  });

  for (const src of ['javascript:alert(1)', 'data:application/json,{"events":[]}', 'file:///etc/passwd']) {
    it(`refuses src=${src.slice(0, 12)}… and says why`, async () => {
      const { frame: iframe, messages } = openEmbed(`src=${encodeURIComponent(src)}`);
      await until(() => messages.some((message) => message.type === 'news-timeline:height'), 5000, 'a height message');
      const doc = iframe.contentDocument!;
      expect(doc.querySelector('news-timeline')!.hasAttribute('src')).to.equal(false);
      const message = doc.querySelector<HTMLElement>('.embed-message')!;
      expect(message.hidden).to.equal(false);
      expect(message.textContent).to.contain('http://');
    });
  }

  it('accepts an absolute https src as given', async () => {
    const { frame: iframe } = openEmbed(`src=${encodeURIComponent('https://example.invalid/story.json')}`);
    await until(() => timelineIn(iframe)?.hasAttribute('src') ?? false, 5000, 'src');
    expect(timelineIn(iframe)!.getAttribute('src')).to.equal('https://example.invalid/story.json');
  });
});
