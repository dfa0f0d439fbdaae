import { expect } from '@open-wc/testing';
import { readData } from '../../src/model/index.js';
import type { NewsTimeline } from '../../src/news-timeline.js';
import { until } from '../helpers.js';

// demo/editor.html driven as a new editor would use it: paste the story with a mistake, see the
// problem, fix it, download the data, copy the embed code and paste it into a blank page.

const EDITOR = new URL('../../demo/editor.html', import.meta.url).href;
const SMALL_URL = new URL('../fixtures/small.json', import.meta.url).href;

let frames: HTMLIFrameElement[] = [];

afterEach(() => {
  for (const frame of frames) frame.remove();
  frames = [];
});

function iframe(width: number, height: number): HTMLIFrameElement {
  const frame = document.createElement('iframe');
  frame.style.cssText = `width:${width}px;height:${height}px;border:0`;
  frames.push(frame);
  return frame;
}

interface Editor {
  win: Window & typeof globalThis;
  doc: Document;
  $: <T extends HTMLElement = HTMLElement>(selector: string) => T;
  preview: NewsTimeline;
}

async function openEditor(): Promise<Editor> {
  const frame = iframe(1200, 1000);
  frame.src = EDITOR;
  document.body.append(frame);
  await until(() => frame.contentDocument?.documentElement?.dataset.editorReady === 'true', 'the editor');
  const doc = frame.contentDocument!;
  const $ = <T extends HTMLElement = HTMLElement>(selector: string) => {
    const found = doc.querySelector<T>(selector);
    if (!found) throw new Error(`no ${selector} in the editor`);
    return found;
  };
  return { win: frame.contentWindow as Window & typeof globalThis, doc, $, preview: $<NewsTimeline>('#preview') };
}

/** Types text into the data box as a paste does: value, then an input event. */
function paste(editor: Editor, text: string): void {
  const box = editor.$<HTMLTextAreaElement>('#data-text');
  box.value = text;
  box.dispatchEvent(new Event('input', { bubbles: true }));
}

function typeInto(editor: Editor, selector: string, text: string): void {
  const input = editor.$<HTMLInputElement>(selector);
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

async function smallText(): Promise<string> {
  return (await fetch(SMALL_URL)).text();
}

function drawnIds(element: NewsTimeline): string[] {
  return [...(element.shadowRoot?.querySelectorAll<HTMLElement>('[data-event-id]') ?? [])].map((node) => node.dataset.eventId!);
}

function problems(editor: Editor): { severity: string; where: string; text: string; item: HTMLElement }[] {
  return [...editor.doc.querySelectorAll<HTMLElement>('#problem-list > li')].map((item) => ({
    severity: item.classList.contains('error') ? 'error' : 'warning',
    where: item.querySelector('.where')!.textContent!,
    text: item.textContent!,
    item,
  }));
}

/** The status line once the preview has reported on the data (loaded or failed). */
async function reportedStatus(editor: Editor): Promise<string> {
  const status = editor.$('#data-status');
  await until(() => /^Read as .* · .*(drawn|nothing drawn)/.test(status.textContent ?? ''), 'the preview to report');
  return status.textContent!;
}

/** The small fixture as an editor would paste it, with the date of "cairo-round" broken. */
async function brokenStory(): Promise<string> {
  const text = await smallText();
  expect(text).to.contain('"date": "2024-08-15"');
  return text.replace('"date": "2024-08-15"', '"date": "2024-13-45"');
}

/** The editor with the story pasted, broken and then fixed, drawn in the preview. */
async function fixedEditor(): Promise<{ editor: Editor; text: string }> {
  const editor = await openEditor();
  const text = (await brokenStory()).replace('2024-13-45', '2024-08-15');
  paste(editor, text);
  await until(() => editor.$<HTMLButtonElement>('#download').disabled === false, 'the download button');
  await until(() => drawnIds(editor.preview).length > 0, 'the preview');
  return { editor, text };
}

describe('editor: paste, see problems, fix', () => {
  it('lists the broken date by event number and title, draws the other events, and selects the mistake on click', async () => {
    const editor = await openEditor();
    paste(editor, await brokenStory());
    await until(() => problems(editor).length > 0, 'the problem list');
    const [problem] = problems(editor);
    expect(problems(editor)).to.have.length(1);
    expect(problem.severity).to.equal('error');
    // The third event of the file, counted from 1 as an editor counts, not its path events[2].
    expect(problem.where).to.equal("Event 3 ('Round of talks in Cairo'), date");
    expect(problem.text).not.to.contain('events[2]');
    expect(problem.text).to.contain('2024-13-45');
    expect(editor.$('#problem-summary').className).to.contain('bad');
    expect(await reportedStatus(editor)).to.equal('Read as native JSON · 5 events drawn · 1 error, 0 warnings.');

    await until(() => drawnIds(editor.preview).length > 0, 'the preview');
    expect(editor.preview.events.map((event) => event.id)).to.deep.equal(['talks-doha', 'toll-1', 'proposal-may', 'toll-2', 'deal']);
    expect(drawnIds(editor.preview)).to.include.members(['talks-doha', 'deal']).and.not.include('cairo-round');

    problem.item.querySelector<HTMLButtonElement>('button')!.click();
    const box = editor.$<HTMLTextAreaElement>('#data-text');
    expect(editor.doc.activeElement).to.equal(box);
    expect(box.value.slice(box.selectionStart, box.selectionEnd)).to.equal('"2024-13-45"');
  });

  it('updates once typing pauses, and shows no error once the date is fixed', async () => {
    const editor = await openEditor();
    const broken = await brokenStory();
    paste(editor, broken);
    await until(() => problems(editor).length === 1, 'the problem');
    paste(editor, broken.replace('2024-13-45', '2024-08-1'));
    paste(editor, broken.replace('2024-13-45', '2024-08-15'));
    // Debounced: still the old list right after typing.
    expect(problems(editor)).to.have.length(1);
    await until(() => problems(editor).length === 0, 'no problems');
    expect(editor.$('#problem-summary').textContent).to.equal('No problems: all 6 events are ready.');
    await until(() => drawnIds(editor.preview).includes('cairo-round'), 'cairo-round drawn');
    expect(editor.preview.events).to.have.length(6);
  });

  it('gives the row and column of a CSV problem and selects that cell', async () => {
    const editor = await openEditor();
    const csv = 'date,type,title,source_url\n2024-01-10,talks,Talks in Doha,https://example.com/a\n2024-99-01,proposal,A proposal,https://example.com/b\n';
    paste(editor, csv);
    await until(() => problems(editor).length > 0, 'the problem list');
    const [problem] = problems(editor);
    expect(problem.severity).to.equal('error');
    expect(problem.where).to.equal('Row 3 (\'A proposal\'), column "date"');
    expect(await reportedStatus(editor)).to.match(/^Read as CSV · 1 event drawn/);
    problem.item.querySelector<HTMLButtonElement>('button')!.click();
    const box = editor.$<HTMLTextAreaElement>('#data-text');
    expect(box.value.slice(box.selectionStart, box.selectionEnd)).to.equal('2024-99-01');
  });

  it('points at the line and column of a JSON syntax error and shows the text around it', async () => {
    const editor = await openEditor();
    const text = (await smallText()).replace('"title": "Talks in Doha",', '"title": "Talks in Doha"');
    paste(editor, text);
    await until(() => problems(editor).length > 0, 'the problem list');
    const [problem] = problems(editor);
    expect(problem.where).to.equal('Line 10, column 7');
    expect(problem.text).to.match(/line \d+, column \d+/);
    // The line before and the line with the mistake, numbered, with a mark under the place, cut to
    // fit the list.
    expect(problem.item.querySelector('.excerpt')!.textContent).to.equal(
      [' 9 │ "title": "Talks in Doha"', '10 │ "summary": "Delegations met in Doha, mediators s…', '   │ ^ here'].join('\n'),
    );
    const excerpt = problem.item.querySelector<HTMLElement>('.excerpt')!;
    expect(excerpt.scrollWidth).to.be.at.most(excerpt.clientWidth);
    expect(editor.$('#problem-summary').textContent).to.equal('1 error. Nothing can be shown until it is fixed.');
    problem.item.querySelector<HTMLButtonElement>('button')!.click();
    const box = editor.$<HTMLTextAreaElement>('#data-text');
    const line = box.value.slice(0, box.selectionStart).split('\n').length;
    expect(box.value.split('\n')[line - 1]).to.contain('"summary"');
  });
});

describe('editor: problems an editor can act on', () => {
  it('gives the same problem on many events one line that lists them', async () => {
    const editor = await openEditor();
    const events = Array.from({ length: 324 }, (_, i) => ({ date: '2024-01-01', type: 'talks', title: `Meeting ${i + 1}` }));
    events.splice(1, 0, { date: '2024-02-01', type: 'talks', title: 'Talks in Cairo', sources: [{ url: 'https://example.com/x' }] } as never);
    paste(editor, JSON.stringify({ title: 'Many meetings', events }, null, 2));
    await until(() => problems(editor).length > 0, 'the problem list');
    const lines = problems(editor);
    expect(lines).to.have.length(1);
    expect(lines[0].severity).to.equal('warning');
    expect(lines[0].where).to.equal('324 events have no source: 1, 3, 4, 5, 6, 7, 8, 9, 10, 11 …');
    expect(lines[0].text).to.contain('has no source');
    expect(editor.$('#problem-summary').textContent).to.equal('324 warnings, no errors. Every event is kept, but check these.');
    // A click shows the first of them.
    lines[0].item.querySelector<HTMLButtonElement>('button')!.click();
    const box = editor.$<HTMLTextAreaElement>('#data-text');
    expect(box.value.slice(0, box.selectionStart)).to.match(/"events": \[\n    $/);
  });

  it('names a TimelineJS slide by its number and headline', async () => {
    const editor = await openEditor();
    const slide = (day: string, headline: string, media?: string) => ({
      start_date: { year: '1969', month: '7', day },
      text: { headline },
      ...(media ? { media: { url: media } } : {}),
    });
    paste(
      editor,
      JSON.stringify({
        events: [slide('16', 'Apollo 11 <b>launches</b>', 'https://example.com/launch'), slide('20', 'Eagle lands'), slide('21', 'First steps', 'https://example.com/steps')],
      }),
    );
    await until(() => problems(editor).length > 0, 'the problem list');
    expect(problems(editor).map((line) => line.where)).to.deep.equal(["Event 2 ('Eagle lands'), media.url"]);
  });

  it('raises no problem on its own example story', async () => {
    const editor = await openEditor();
    const loaded = new Promise<CustomEvent>((resolve) => editor.preview.addEventListener('timeline-load', (event) => resolve(event as CustomEvent), { once: true }));
    editor.$<HTMLButtonElement>('#load-example').click();
    const detail = (await loaded).detail as { events: number; problems: unknown[] };
    expect(detail.problems).to.deep.equal([]);
    expect(problems(editor)).to.deep.equal([]);
    expect(editor.$('#problem-summary').textContent).to.equal(`No problems: all ${detail.events} events are ready.`);
    expect(await reportedStatus(editor)).to.equal(`Read as native JSON · ${detail.events} events drawn · no problems.`);
  });
});

describe('editor: the status line says what the preview drew', () => {
  it('counts a year far outside the range of a JavaScript date as drawn: the preview places it on a scale of years', async () => {
    const editor = await openEditor();
    // A year far outside the range of a JavaScript date beside 1969.
    paste(
      editor,
      JSON.stringify({
        events: [
          { start_date: { year: '-300000' }, text: { headline: 'Early humans' } },
          { start_date: { year: '1969', month: '7', day: '20' }, text: { headline: 'Moon landing' } },
        ],
      }),
    );
    const status = await reportedStatus(editor);
    // The preview lays its chart out once it has a width.
    const drawnMarks = () => editor.preview.shadowRoot!.querySelectorAll('[data-event-id]').length;
    await until(() => drawnMarks() > 0, 'the marks the status line counts');
    expect(drawnMarks()).to.equal(2);
    expect(status).to.not.contain('nothing drawn');
    expect(status).to.match(/· 2 events drawn ·/);
  });

  it('says nothing was drawn when the preview reports an error', async () => {
    const editor = await openEditor();
    paste(editor, 'date,type,title\n2024-99-01,talks,Talks in Doha\n');
    expect(await reportedStatus(editor)).to.equal('Read as CSV · nothing drawn · 1 error, 0 warnings.');
    expect(editor.$('#problem-summary').textContent).to.equal('1 error. Nothing can be shown until it is fixed.');
  });
});

describe('editor: download and embed code', () => {

  it('downloads native JSON that reads back to the same events', async () => {
    const { editor, text } = await fixedEditor();
    let blob: Blob | undefined;
    let name = '';
    editor.win.URL.createObjectURL = (object: Blob | MediaSource) => {
      blob = object as Blob;
      return 'blob:captured';
    };
    editor.win.HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      name = this.download;
    };
    editor.$<HTMLButtonElement>('#download').click();
    expect(name).to.equal('test-story.json');
    expect(blob).to.be.instanceOf(editor.win.Blob);
    expect(blob!.type).to.equal('application/json');
    const downloaded = await blob!.text();
    const back = readData(downloaded);
    expect(back.format).to.equal('native');
    expect(back.problems).to.deep.equal([]);
    expect(back.dataset.events).to.deep.equal(readData(text).dataset.events);
    expect(back.dataset.types).to.deep.equal({ agreement: { label: 'Agreements', color: '#2a7d4f' } });
    expect(JSON.parse(downloaded).title).to.equal('Test story');
  });

  it('asks for the published address before giving code for pasted data', async () => {
    const { editor } = await fixedEditor();
    expect(editor.$<HTMLInputElement>('#publish-url').value).to.equal('');
    expect(editor.$<HTMLButtonElement>('#copy-script').disabled).to.equal(true);
    expect(editor.$<HTMLButtonElement>('#copy-iframe').disabled).to.equal(true);
    expect(editor.$<HTMLTextAreaElement>('#script-code').value).to.contain('address of the published file');
    // The way without an address is offered where the code would be.
    expect(editor.$<HTMLTextAreaElement>('#script-code').value).to.contain('“I cannot publish a file”');
    typeInto(editor, '#publish-url', 'story.json');
    expect(editor.$('#publish-url-note').textContent).to.contain('starting with https://');
    expect(editor.$<HTMLButtonElement>('#copy-script').disabled).to.equal(true);
  });

  it('gives the script tag and the iframe with its height-fitting lines', async () => {
    const { editor } = await fixedEditor();
    typeInto(editor, '#publish-url', SMALL_URL);
    const bundle = new URL('../dist/news-timeline.iife.js', EDITOR).href;
    const script = editor.$<HTMLTextAreaElement>('#script-code').value;
    expect(script).to.equal(`<script src="${bundle}"></script>\n<news-timeline src="${SMALL_URL}" style="display: block; height: 760px"></news-timeline>`);
    const iframeCode = editor.$<HTMLTextAreaElement>('#iframe-code').value;
    const embed = `${new URL('embed.html', EDITOR).href}?src=${encodeURIComponent(SMALL_URL)}`;
    expect(iframeCode).to.contain(`<iframe data-news-timeline src="${embed}" title="Timeline: Test story"`);
    expect(iframeCode).to.contain("event.data.type !== 'news-timeline:height'");
    expect(iframeCode).to.contain('frame.contentWindow === event.source');
    expect(iframeCode.split('\n')).to.have.length.at.most(3);

    // Theme and language chosen in the preview go into both.
    const theme = editor.$<HTMLSelectElement>('#option-theme');
    theme.value = 'dark';
    theme.dispatchEvent(new Event('change'));
    const locale = editor.$<HTMLSelectElement>('#option-locale');
    locale.value = 'fr';
    locale.dispatchEvent(new Event('change'));
    expect(editor.$<HTMLTextAreaElement>('#script-code').value).to.contain(`<news-timeline src="${SMALL_URL}" theme="dark" locale="fr" style="display: block; height: 760px">`);
    expect(editor.$<HTMLTextAreaElement>('#iframe-code').value).to.contain('&amp;theme=dark&amp;locale=fr"');
    expect(editor.preview.getAttribute('theme')).to.equal('dark');
    expect(editor.preview.getAttribute('locale')).to.equal('fr');
  });

  it('copies the code to the clipboard', async () => {
    const { editor } = await fixedEditor();
    typeInto(editor, '#publish-url', SMALL_URL);
    let copied = '';
    Object.defineProperty(editor.win.navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (text: string) => void (copied = text) },
    });
    editor.$<HTMLButtonElement>('#copy-iframe').click();
    await until(() => editor.$('#copy-status').textContent !== '', 'the copy');
    expect(copied).to.equal(editor.$<HTMLTextAreaElement>('#iframe-code').value);
    expect(editor.$('#copy-status').textContent).to.contain('Copied the iframe code');
  });
});

describe('editor: the code pasted into a blank page', () => {
  async function blankPage(html: string, width = 900): Promise<Document> {
    const frame = iframe(width, 700);
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    frame.srcdoc = `<!doctype html><html><head><meta charset="utf-8"></head><body>${html}</body></html>`;
    document.body.append(frame);
    await loaded;
    return frame.contentDocument!;
  }

  async function drawnTimeline(doc: Document): Promise<NewsTimeline> {
    await until(() => drawnIds(doc.querySelector('news-timeline') as NewsTimeline).length > 0, 'the timeline');
    return doc.querySelector('news-timeline') as NewsTimeline;
  }

  it('the script tag with the published address draws the timeline', async () => {
    const { editor } = await fixedEditor();
    typeInto(editor, '#publish-url', SMALL_URL);
    const doc = await blankPage(editor.$<HTMLTextAreaElement>('#script-code').value);
    const timeline = await drawnTimeline(doc);
    expect(timeline.events).to.have.length(6);
  });

  it('the script tag with the data inside it draws the timeline, and data cannot close the script', async () => {
    const editor = await openEditor();
    const text = (await brokenStory())
      .replace('2024-13-45', '2024-08-15')
      .replace('"Talks in Doha"', '"Talks in Doha </script><b>bold</b>"');
    paste(editor, text);
    await until(() => editor.$<HTMLButtonElement>('#download').disabled === false, 'the data');
    const inline = editor.$<HTMLInputElement>('#inline-data');
    inline.checked = true;
    inline.dispatchEvent(new Event('change'));
    const code = editor.$<HTMLTextAreaElement>('#script-code').value;
    expect(code).to.contain('<script type="application/json">');
    expect(code).not.to.contain('</script><b>');
    const doc = await blankPage(code);
    const timeline = await drawnTimeline(doc);
    expect(timeline.events).to.have.length(6);
    expect(timeline.events[0].title).to.equal('Talks in Doha </script><b>bold</b>');
    expect(doc.querySelector('b')).to.equal(null);
  });

  it('the iframe code shows the timeline and grows the iframe to fit it', async () => {
    const { editor } = await fixedEditor();
    typeInto(editor, '#publish-url', SMALL_URL);
    const doc = await blankPage(editor.$<HTMLTextAreaElement>('#iframe-code').value);
    const embed = doc.querySelector('iframe')!;
    await until(() => parseFloat(embed.style.height) > 300, 'the iframe to grow');
    const inner = embed.contentDocument!;
    const timeline = await drawnTimeline(inner);
    expect(timeline.events).to.have.length(6);
    await until(
      () => Math.abs(parseFloat(embed.style.height) - inner.documentElement.getBoundingClientRect().height) < 2,
      'the height to match',
    );
  });
});
