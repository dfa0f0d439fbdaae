import { expect } from '@open-wc/testing';
import type { NewsTimeline } from '../src/news-timeline.js';
import { until, wait } from './helpers.js';

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
function openEmbed(query: string, width = 900, page = EMBED): { frame: HTMLIFrameElement; messages: EmbedMessage[] } {
  const messages: EmbedMessage[] = [];
  const iframe = document.createElement('iframe');
  iframe.style.cssText = `width:${width}px;height:300px;border:0`;
  iframe.title = 'Timeline';
  window.addEventListener('message', (event: MessageEvent<EmbedMessage>) => {
    if (event.source === iframe.contentWindow && event.data && typeof event.data.type === 'string') {
      messages.push(event.data);
    }
  });
  iframe.src = `${page}?${query}`;
  document.body.append(iframe);
  frame = iframe;
  return { frame: iframe, messages };
}

function timelineIn(iframe: HTMLIFrameElement): NewsTimeline | null {
  return (iframe.contentDocument?.querySelector('news-timeline') as NewsTimeline | null) ?? null;
}

async function drawn(iframe: HTMLIFrameElement): Promise<NewsTimeline> {
  await until(() => (timelineIn(iframe)?.shadowRoot?.querySelectorAll('[data-event-id]').length ?? 0) > 0, 'marks');
  return timelineIn(iframe)!;
}

describe('embed page', () => {
  it('draws the timeline from ?src and posts a height that fits it', async () => {
    const { frame: iframe, messages } = openEmbed('src=../tests/fixtures/small.json');
    const element = await drawn(iframe);
    expect(element.events.map((event) => event.id)).to.have.length(6);
    const heights = () => messages.filter((message) => message.type === 'news-timeline:height');
    await until(() => heights().some((message) => message.height! > 200), 'a height message > 200');
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
    await until(() => messages.some((message) => message.type === 'news-timeline:select'), 'a select message');
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
      await until(() => messages.some((message) => message.type === 'news-timeline:height'), 'a height message');
      const doc = iframe.contentDocument!;
      expect(doc.querySelector('news-timeline')!.hasAttribute('src')).to.equal(false);
      const message = doc.querySelector<HTMLElement>('.embed-message')!;
      expect(message.hidden).to.equal(false);
      expect(message.textContent).to.contain('http://');
    });
  }

  it('takes data from its own origin only, by default', async () => {
    for (const src of ['https://example.invalid/story.json', '//example.invalid/story.json', `http://${location.host}@example.invalid/story.json`]) {
      const { frame: iframe, messages } = openEmbed(`src=${encodeURIComponent(src)}`);
      await until(() => messages.some((message) => message.type === 'news-timeline:height'), 'a height message');
      const doc = iframe.contentDocument!;
      expect(doc.querySelector('news-timeline')!.hasAttribute('src'), src).to.equal(false);
      expect(doc.querySelector('.embed-message')!.textContent).to.equal(`This timeline cannot be shown: this page does not take data from ${new URL(src, location.href).origin}.`);
      iframe.remove();
    }
  });

  it('takes data from the origins its deployment lists, and from no other', async () => {
    const other = `${location.protocol}//${location.hostname === 'localhost' ? '127.0.0.1' : 'localhost'}:${location.port}`;
    const listed = `origins=${encodeURIComponent(`https://data.example ${other}`)}`;
    const { frame: allowed } = openEmbed(`${listed}&src=${encodeURIComponent(`${other}/__test/cors?allow=1`)}`, 900, '/__test/embed');
    const element = await drawn(allowed);
    expect(element.events).to.have.length(2);
    allowed.remove();
    const { frame: refused, messages } = openEmbed(`${listed}&src=${encodeURIComponent('https://elsewhere.example/story.json')}`, 900, '/__test/embed');
    await until(() => messages.some((message) => message.type === 'news-timeline:height'), 'a height message');
    expect(timelineIn(refused)!.hasAttribute('src')).to.equal(false);
  });

  it('shows the data’s own title, never one from the address', async () => {
    const { frame: iframe } = openEmbed('src=../tests/fixtures/small.json&title=Fabricated%20story');
    await drawn(iframe);
    await until(() => iframe.contentDocument!.title !== 'Timeline', 'the title');
    expect(iframe.contentDocument!.title).to.equal('Timeline: Test story');
  });

  it('posts only to the embedding origin it is told', async () => {
    // Told another origin than the page it is in: the browser delivers nothing here.
    const { frame: elsewhere, messages: lost } = openEmbed(`src=../tests/fixtures/small.json&origin=${encodeURIComponent('https://news.example')}`);
    const element = await drawn(elsewhere);
    element.shadowRoot!.querySelector<HTMLElement>('[data-event-id="talks-doha"]')!.click();
    await wait(300);
    expect(lost).to.deep.equal([]);
    elsewhere.remove();
    // Not an origin at all: nothing is posted.
    const { frame: garbled, messages: none } = openEmbed(`src=../tests/fixtures/small.json&origin=${encodeURIComponent('https://news.example/path')}`);
    await drawn(garbled);
    await wait(300);
    expect(none).to.deep.equal([]);
    garbled.remove();
    // Told this page's origin: the messages arrive.
    const { frame: here, messages } = openEmbed(`src=../tests/fixtures/small.json&origin=${encodeURIComponent(location.origin)}`);
    await drawn(here);
    await until(() => messages.some((message) => message.type === 'news-timeline:height'), 'a height message');
  });
});
