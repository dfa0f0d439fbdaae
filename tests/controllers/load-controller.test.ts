import { expect, fixture, html as testHtml } from '@open-wc/testing';
import { LitElement, html } from 'lit';
import { LoadController, type DataSource } from '../../src/controllers/load-controller.js';
import { SMALL, wait } from '../helpers.js';

/** The smallest host a LoadController needs: it draws the loader's state each update. */
class LoadHost extends LitElement {
  readonly loader = new LoadController(this);
  readonly seen: string[] = [];

  override render() {
    const { state } = this.loader;
    this.seen.push(state.status);
    return html`<p>${state.status === 'ready' ? `${state.result.dataset.events.length} events` : state.status}</p>`;
  }

  get text(): string {
    return this.renderRoot.querySelector('p')!.textContent!;
  }
}
customElements.define('test-load-host', LoadHost);

async function loadHost(): Promise<LoadHost> {
  const element = document.createElement('test-load-host') as LoadHost;
  (await fixture<HTMLDivElement>(testHtml`<div></div>`)).append(element);
  await element.updateComplete;
  return element;
}

const data: DataSource = {
  kind: 'data',
  value: [{ id: 'a', type: 'talks', date: '2024-01-10', title: 'Talks open', sources: [{ url: 'https://example.com/a' }] }],
};

describe('controllers/load-controller, on a host of its own', () => {
  it('data the page gives is read at once, and the host is asked to draw it', async () => {
    const element = await loadHost();
    void element.loader.load(data);
    expect(element.loader.state.status).to.equal('ready');
    await element.updateComplete;
    expect(element.text).to.equal('1 events');
  });

  it('data is ready with the story the chart draws from it', async () => {
    const element = await loadHost();
    void element.loader.load(data);
    const { state } = element.loader;
    expect(state.status).to.equal('ready');
    if (state.status !== 'ready') return;
    expect(state.story.dataset).to.equal(state.result.dataset);
    expect(state.story.lanes.map((lane) => [lane.type, lane.events.length])).to.deep.equal([['talks', 1]]);
  });

  it('a file goes through loading to ready, each state drawn by the host', async () => {
    const element = await loadHost();
    await element.loader.load({ kind: 'src', url: SMALL });
    await element.updateComplete;
    expect(element.text).to.equal('6 events');
    expect(element.seen).to.include('loading');
  });

  it('a host that leaves stops its load: nothing more is drawn for it', async () => {
    const element = await loadHost();
    // The server answers after 5 s, long after the host has left: only an abort ends the load sooner.
    const load = element.loader.load({ kind: 'src', url: `/__test/slow?ms=5000&id=load-host-${Math.random()}` });
    await wait(50);
    element.remove();
    await load;
    await wait(50);
    expect(element.loader.state.status).to.equal('loading');
  });
});
