import { expect, oneEvent } from '@open-wc/testing';
import '../../src/index.js';
import type { NewsTimeline, TimelineErrorDetail } from '../../src/news-timeline.js';
import { timeLimit, type LoadState } from '../../src/controllers/load-controller.js';
import { marks, settlingLoader, shadow, until, wait } from '../helpers.js';
import { mount } from './mount.js';

/** A fresh id, so that the test server's log of one test is not mixed with another's. */
function tag(): string {
  return Math.random().toString(36).slice(2);
}

async function serverLog(id: string): Promise<{ requests: number; completed: number; aborted: number }> {
  return (await fetch(`/__test/log?id=${id}`)).json();
}

/** The server's log of `id` once its request has ended, cut off by the client or answered in full. */
async function endedLog(id: string): Promise<{ requests: number; completed: number; aborted: number }> {
  await until(async () => {
    const log = await serverLog(id);
    return log.aborted + log.completed > 0;
  }, `the end of request ${id} on the server`);
  return serverLog(id);
}

/** A timeline loading `src`, resolved with what it reported when the load failed. */
async function failedLoad(src: string, attrs: Record<string, string> = {}): Promise<{ element: NewsTimeline; detail: TimelineErrorDetail; panel: HTMLElement }> {
  const container = mount(800);
  const element = document.createElement('news-timeline');
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, value);
  const failed = oneEvent(element, 'timeline-error');
  element.setAttribute('src', src);
  container.append(element);
  const { detail } = await failed;
  await element.updateComplete;
  const panel = shadow(element).querySelector<HTMLElement>('[part="error"]');
  if (!panel) throw new Error('no error panel');
  return { element, detail, panel };
}

/** The panel's own sentence (its paragraph), without the list of problems. */
function sentence(panel: HTMLElement): string {
  return panel.querySelector('p')!.textContent!.trim();
}

function expectRetry(panel: HTMLElement, label = 'Try again'): void {
  expect(panel.getAttribute('role')).to.equal('alert');
  const retry = panel.querySelector<HTMLButtonElement>('button.retry');
  expect(retry, 'a retry control').to.exist;
  expect(retry!.textContent!.trim()).to.equal(label);
}

/** The same server under its other name: another origin, as a third party's data would be. */
function otherOrigin(path: string): string {
  const host = location.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  return `${location.protocol}//${host}:${location.port}${path}`;
}

describe('network: a failed load ends in the error panel, saying what happened, with a retry', () => {
  it('404: the file was not found, with its address', async () => {
    const { detail, panel } = await failedLoad('/__test/status/404');
    expect(sentence(panel)).to.equal(`The data file was not found (HTTP 404) at ${location.origin}/__test/status/404.`);
    expect(detail.message).to.equal(sentence(panel));
    expectRetry(panel);
  });

  it('500: the server answered with an error', async () => {
    const { panel } = await failedLoad('/__test/status/500');
    expect(sentence(panel)).to.equal(`The server answered with an error (HTTP 500) for ${location.origin}/__test/status/500.`);
    expectRetry(panel);
  });

  it('403 from a sign-in wall: an HTTP error with its status', async () => {
    const { panel } = await failedLoad('/__test/status/403');
    expect(sentence(panel)).to.contain('(HTTP 403)');
  });

  it('an HTML sign-in page instead of JSON: a web page, not data', async () => {
    const { panel } = await failedLoad('/__test/signin');
    expect(sentence(panel)).to.equal(`${location.origin}/__test/signin is a web page, not timeline data. If it is a spreadsheet, use its published CSV address.`);
    expectRetry(panel);
    // Nothing of the page is shown or made into elements.
    expect(panel.querySelector('form, input, h1')).to.equal(null);
  });

  it('a sign-in page labelled as JSON, and one reached by a redirect, are told apart by content', async () => {
    const labelled = await failedLoad('/__test/signin-as-json');
    expect(sentence(labelled.panel)).to.contain('is a web page, not timeline data');
    const redirected = await failedLoad('/__test/redirect-signin');
    expect(sentence(redirected.panel)).to.contain('is a web page, not timeline data');
  });

  it('truncated JSON: the data could not be read, with where it ends', async () => {
    const { element, detail, panel } = await failedLoad('/__test/truncated');
    expect(sentence(panel)).to.match(/^The data could not be read: This is not valid JSON: it ends too early, at line 1/);
    expect(detail.problems.map((problem) => problem.severity)).to.include('error');
    expectRetry(panel);
    expect(marks(element)).to.have.length(0);
  });

  it('an empty file and a file of blanks: the file is empty', async () => {
    for (const route of ['empty', 'blank']) {
      const { panel } = await failedLoad(`/__test/${route}`);
      expect(sentence(panel)).to.equal('The data file is empty.');
      expectRetry(panel);
    }
  });

  it('a slow server: given up after `timeout` ms, and the request is cut off', async () => {
    const id = tag();
    const { element, panel } = await failedLoad(`/__test/slow?ms=5000&id=${id}`, { timeout: '400' });
    expect(element.timeout).to.equal(400);
    // The time limit ended it, before the server answered: the request was cut off, not answered.
    expect(sentence(panel)).to.equal(`Loading ${location.origin}/__test/slow?ms=5000&id=${id} took longer than 0.4 seconds and was stopped.`);
    expectRetry(panel);
    expect(await endedLog(id)).to.deep.equal({ requests: 1, completed: 0, aborted: 1 });
  });

  it('waits 15 seconds by default', async () => {
    const element = document.createElement('news-timeline');
    expect(element.timeout).to.equal(15_000);
  });

  it('a CORS refusal: the data could not be fetched, and CORS is named', async () => {
    const refused = otherOrigin('/__test/cors');
    const { panel } = await failedLoad(refused);
    expect(sentence(panel)).to.equal(`The data could not be fetched from ${refused}: its server does not allow this site to read it (CORS).`);
    expectRetry(panel);
    // The same address loads once the server lets other sites read it: it was CORS, not the network.
    const container = mount(800);
    const element = document.createElement('news-timeline');
    const loaded = oneEvent(element, 'timeline-load');
    element.src = otherOrigin('/__test/cors?allow=1');
    container.append(element);
    expect((await loaded).detail.events).to.equal(2);
  });

  it('a file announced larger than the limit is refused at once, naming the limit', async () => {
    const id = tag();
    const { panel } = await failedLoad(`/__test/oversize?id=${id}`);
    expect(sentence(panel)).to.equal('The data file is larger than the limit of 64 MB.');
    expectRetry(panel);
    // At once: on the announced length, without waiting for the body (which the server holds back for 5 s).
    expect(await endedLog(id)).to.deep.equal({ requests: 1, completed: 0, aborted: 1 });
  });

  it('speaks the reader’s language: French', async () => {
    const { detail, panel } = await failedLoad('/__test/status/404', { locale: 'fr' });
    expect(panel.querySelector('h2')!.textContent!.trim()).to.equal('Impossible d’afficher la chronologie');
    expect(sentence(panel)).to.equal(`Le fichier de données est introuvable (HTTP 404) à l’adresse ${location.origin}/__test/status/404.`);
    expect(detail.message).to.equal(sentence(panel));
    expectRetry(panel, 'Réessayer');
    const timeout = await failedLoad(`/__test/slow?ms=4000&id=${tag()}`, { locale: 'fr', timeout: '300' });
    expect(sentence(timeout.panel)).to.match(/^Le chargement de .* a pris plus de 0[.,]3 secondes et a été interrompu\.$/);
  });

  it('speaks the reader’s language: Arabic, from the page', async () => {
    const container = mount(800);
    container.lang = 'ar';
    const element = document.createElement('news-timeline');
    const failed = oneEvent(element, 'timeline-error');
    element.src = '/__test/signin';
    container.append(element);
    await failed;
    await element.updateComplete;
    const panel = shadow(element).querySelector<HTMLElement>('[part="error"]')!;
    expect(panel.querySelector('h2')!.textContent!.trim()).to.equal('تعذّر عرض الخط الزمني');
    expectRetry(panel, 'إعادة المحاولة');
  });

  it('the retry control loads again, and the data replaces the panel', async () => {
    const { element, panel } = await failedLoad(`/__test/flaky?id=${tag()}`);
    expect(sentence(panel)).to.contain('(HTTP 503)');
    const loaded = oneEvent(element, 'timeline-load');
    panel.querySelector<HTMLButtonElement>('button.retry')!.click();
    expect((await loaded).detail.events).to.equal(2);
    await element.updateComplete;
    expect(shadow(element).querySelector('[part="error"]')).to.equal(null);
    expect(element.events.map((event) => event.id)).to.deep.equal(['served-a', 'served-b']);
  });
});

describe('network: loading state, overtaking and disconnecting', () => {
  it('shows an accessible loading state while the file loads, without progress when no length is given', async () => {
    const container = mount(800);
    const element = document.createElement('news-timeline');
    element.src = `/__test/drip?length=no&steps=3&ms=250&id=${tag()}`;
    container.append(element);
    await element.updateComplete;
    const status = shadow(element).querySelector<HTMLElement>('.status[role="status"]');
    expect(status).to.exist;
    expect(status!.textContent!.trim()).to.equal('Loading timeline…');
    expect(status!.getAttribute('aria-live')).to.equal('polite');
    await oneEvent(element, 'timeline-load');
    await element.updateComplete;
    expect(shadow(element).querySelector('.status')).to.equal(null);
    expect(shadow(element).querySelector('progress')).to.equal(null);
  });

  it('shows progress when the server gives a length', async () => {
    const container = mount(800);
    const element = document.createElement('news-timeline');
    const seen = new Set<number>();
    let done = false;
    element.addEventListener('timeline-load', () => (done = true));
    element.src = `/__test/drip?steps=4&ms=200&id=${tag()}`;
    container.append(element);
    while (!done) {
      const progress = shadow(element).querySelector('progress');
      if (progress) {
        seen.add(progress.value);
        expect(progress.max).to.equal(100);
        expect(progress.getAttribute('aria-label')).to.match(/^Loading timeline… \d+%$/);
      }
      await wait(20);
    }
    const values = [...seen].sort((a, b) => a - b);
    expect(values.length).to.be.at.least(2);
    expect(values.some((value) => value > 0 && value < 100)).to.equal(true);
  });

  it('changing src during a load aborts the old request and shows the new data only', async () => {
    const id = tag();
    const container = mount(800);
    const element = document.createElement('news-timeline');
    const outcomes: string[] = [];
    element.addEventListener('timeline-load', () => outcomes.push('load'));
    element.addEventListener('timeline-error', () => outcomes.push('error'));
    element.src = `/__test/slow?ms=5000&title=Old&id=${id}`;
    container.append(element);
    await until(async () => (await serverLog(id)).requests === 1, 'the first request on the server');
    element.src = '/__test/data';
    await oneEvent(element, 'timeline-load');
    expect(await endedLog(id)).to.deep.equal({ requests: 1, completed: 0, aborted: 1 });
    expect(outcomes).to.deep.equal(['load']);
    expect(shadow(element).querySelector('.toolbar .title')?.textContent).to.equal('Served story');
  });

  it('a late answer that ignores the abort never overwrites newer data', async () => {
    const settled: LoadState[] = [];
    const loader = settlingLoader(settled);
    const realFetch = window.fetch;
    // A fetch that answers after 300 ms whatever the signal says, as a misbehaving proxy might.
    window.fetch = (() =>
      new Promise<Response>((resolve) =>
        setTimeout(() => resolve(new Response(JSON.stringify({ title: 'Late', events: [{ date: '2020-01-01', title: 'Late', sources: [{ url: 'https://late.example/' }] }] }))), 300),
      )) as typeof fetch;
    try {
      const first = loader.load({ kind: 'src', url: '/late.json' });
      await wait(50);
      await loader.load({ kind: 'data', value: [{ date: '2021-01-01', title: 'Newer', sources: [{ url: 'https://new.example/' }] }] });
      await first;
      await wait(350);
    } finally {
      window.fetch = realFetch;
    }
    expect(settled.map((state) => state.status)).to.deep.equal(['ready']);
    expect(loader.state.status === 'ready' && loader.state.result.dataset.events[0].title).to.equal('Newer');
  });

  it('disconnecting during a load aborts it cleanly: no request left open, no event after', async () => {
    const id = tag();
    const container = mount(800);
    const element = document.createElement('news-timeline');
    const outcomes: string[] = [];
    element.addEventListener('timeline-load', () => outcomes.push('load'));
    element.addEventListener('timeline-error', () => outcomes.push('error'));
    element.src = `/__test/slow?ms=5000&id=${id}`;
    container.append(element);
    await until(async () => (await serverLog(id)).requests === 1, 'the request on the server');
    element.remove();
    expect(await endedLog(id)).to.deep.equal({ requests: 1, completed: 0, aborted: 1 });
    await element.updateComplete;
    expect(outcomes).to.deep.equal([]);
    // Put back, it loads again.
    const loaded = oneEvent(element, 'timeline-load');
    container.append(element);
    await loaded;
    expect(outcomes).to.deep.equal(['load']);
  });

  it('a stream longer than the limit is cut off as it arrives, naming the limit', async () => {
    const settled: LoadState[] = [];
    const loader = settlingLoader(settled);
    await loader.load({ kind: 'src', url: '/__test/large?events=5000&pieces=20' }, { timeout: 10_000, maxBytes: 512 * 1024 });
    expect(settled).to.have.length(1);
    const state = settled[0];
    expect(state.status).to.equal('error');
    if (state.status === 'error') expect(state.failure).to.deep.equal({ key: 'errorTooLarge', params: { limit: '512 KB' }, problems: [] });
  });
});

describe('network: the messages say what is known', () => {
  it('a server that cannot be reached is not blamed on CORS', async () => {
    // Nothing listens on this port (one the tests keep free): the connection is refused.
    const { panel } = await failedLoad('http://127.0.0.1:8259/data.json');
    expect(sentence(panel)).to.equal('The data could not be fetched from http://127.0.0.1:8259/data.json: the server could not be reached.');
    expectRetry(panel);
  });

  it('a connection cut while the data arrives: the connection was lost, not CORS', async () => {
    const { panel } = await failedLoad('/__test/cut');
    expect(sentence(panel)).to.equal(`The connection was lost while loading ${location.origin}/__test/cut.`);
    expectRetry(panel);
  });

  it('offline: the device is offline', async () => {
    const settled: LoadState[] = [];
    const loader = settlingLoader(settled);
    const realFetch = window.fetch;
    const onLine = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine')!;
    window.fetch = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
    Object.defineProperty(Navigator.prototype, 'onLine', { configurable: true, get: () => false });
    try {
      await loader.load({ kind: 'src', url: 'https://data.example/story.json' });
    } finally {
      window.fetch = realFetch;
      Object.defineProperty(Navigator.prototype, 'onLine', onLine);
    }
    expect(settled).to.deep.equal([{ status: 'error', failure: { key: 'errorOffline', params: { url: 'https://data.example/story.json' }, problems: [] } }]);
  });

  it('JSON served as text/html is read as the data it is', async () => {
    const container = mount(800);
    const element = document.createElement('news-timeline');
    const loaded = oneEvent(element, 'timeline-load');
    element.src = '/__test/json-as-html';
    container.append(element);
    expect((await loaded).detail.events).to.equal(2);
    expect(element.events.map((event) => event.id)).to.deep.equal(['served-a', 'served-b']);
  });

  it('after a redirect to another origin, relative links resolve against the final address', async () => {
    const final = otherOrigin('/__test/relative');
    const container = mount(800);
    const element = document.createElement('news-timeline');
    const loaded = oneEvent(element, 'timeline-load');
    element.src = `/__test/redirect?to=${encodeURIComponent(final)}`;
    container.append(element);
    await loaded;
    expect(element.events[0].sources[0].url).to.equal(new URL('story/a', final).href);
  });
});

describe('network: the time limit', () => {
  for (const timeout of ['abc', 'Infinity', '3000000000', '-1', '0']) {
    it(`timeout="${timeout}" is a sane limit: the data of a slow server still loads`, async () => {
      const container = mount(800);
      const element = document.createElement('news-timeline');
      const outcomes: string[] = [];
      element.addEventListener('timeline-error', (event) => outcomes.push(event.detail.message));
      const loaded = oneEvent(element, 'timeline-load');
      element.setAttribute('timeout', timeout);
      element.src = `/__test/slow?ms=400&id=${tag()}`;
      container.append(element);
      await loaded;
      expect(outcomes).to.deep.equal([]);
    });
  }

  it('anything but a positive number is the default of 15 seconds; longer than a timer can count is as long as it can', () => {
    for (const value of [Number.NaN, 0, -1, undefined, '400']) expect(timeLimit(value)).to.equal(15_000);
    expect(timeLimit(400)).to.equal(400);
    expect(timeLimit(Infinity)).to.equal(2 ** 31 - 1);
    expect(timeLimit(3_000_000_000)).to.equal(2 ** 31 - 1);
  });

  it('a fetch that ignores the abort cannot hold "Loading…" past the time limit', async () => {
    const settled: LoadState[] = [];
    const loader = settlingLoader(settled);
    const realFetch = window.fetch;
    // A page's own fetch wrapper that never answers and takes no notice of the signal.
    window.fetch = (() => new Promise<Response>(() => undefined)) as typeof fetch;
    try {
      await loader.load({ kind: 'src', url: '/never.json' }, { timeout: 300, maxBytes: 1024 * 1024 });
    } finally {
      window.fetch = realFetch;
    }
    expect(settled).to.have.length(1);
    const state = settled[0];
    expect(state.status === 'error' && state.failure.key).to.equal('errorTimeout');
    expect(loader.state.status).to.equal('error');
  });

  it('a body that stops arriving and ignores the abort is given up too', async () => {
    const settled: LoadState[] = [];
    const loader = settlingLoader(settled);
    const realFetch = window.fetch;
    window.fetch = (() =>
      Promise.resolve(new Response(new ReadableStream({ start: (controller) => controller.enqueue(new TextEncoder().encode('{"events": [')) })))) as typeof fetch;
    try {
      await loader.load({ kind: 'src', url: '/stalled.json' }, { timeout: 300, maxBytes: 1024 * 1024 });
    } finally {
      window.fetch = realFetch;
    }
    const state = settled[0];
    expect(state.status === 'error' && state.failure.key).to.equal('errorTimeout');
  });
});

describe('network: removing the source', () => {
  for (const how of ['the attribute removed', 'the property emptied']) {
    it(`removing src after a load (${how}) clears the story: no events, no problems, nothing drawn`, async () => {
      const container = mount(800);
      const element = document.createElement('news-timeline');
      const loaded = oneEvent(element, 'timeline-load');
      element.setAttribute('src', '/__test/data');
      container.append(element);
      await loaded;
      await element.updateComplete;
      expect(element.events).to.have.length(2);
      expect(marks(element).length).to.be.above(0);
      if (how === 'the property emptied') element.src = '';
      else element.removeAttribute('src');
      await element.updateComplete;
      expect(element.events).to.deep.equal([]);
      expect(element.problems).to.deep.equal([]);
      expect(marks(element)).to.have.length(0);
      expect(shadow(element).querySelector('.toolbar')).to.equal(null);
      expect(shadow(element).querySelector('[part="error"]')).to.equal(null);
      expect(shadow(element).querySelector('.status')).to.equal(null);
    });
  }
});
