// The editor's tool page (demo/editor.html): bring data in (paste, drop, file, address), see every
// problem and the timeline live, download the data as native JSON and copy the embed code.
import { readData, safeUrl, toNative, type ReadResult } from '../model/index.js';
import { downloadName, nativeJson, saveFile } from './download.js';
import { DEFAULT_IFRAME_HEIGHT, iframeCode, inlineDataCode, scriptTagCode, type EmbedSettings } from './embed-code.js';
import { problemItem } from './problem-list.js';
import { problemLines } from './problem-lines.js';
import { problemSummary, statusLine, tally, type PreviewReport } from './status-text.js';
import { excerpt, hasPlace, locate, type TextRange } from './text-places.js';

/** How long typing pauses before the text is read again. */
const DEBOUNCE_MS = 300;

/** The preview, as much of `<news-timeline>` as the editor uses. */
interface Preview extends HTMLElement {
  data: unknown;
  readonly view: { start: Date; end: Date } | undefined;
}

/** The page's elements, found by id; a missing one is a mistake in the page. */
function elements(doc: Document) {
  const $ = <T extends HTMLElement>(id: string): T => {
    const found = doc.getElementById(id);
    if (!found) throw new Error(`The editor page has no #${id}.`);
    return found as T;
  };
  return {
    dataUrl: $<HTMLInputElement>('data-url'),
    loadUrl: $<HTMLButtonElement>('load-url'),
    file: $<HTMLInputElement>('data-file'),
    example: $<HTMLButtonElement>('load-example'),
    dropZone: $('data-panel'),
    text: $<HTMLTextAreaElement>('data-text'),
    status: $('data-status'),
    summary: $('problem-summary'),
    problems: $<HTMLOListElement>('problem-list'),
    theme: $<HTMLSelectElement>('option-theme'),
    locale: $<HTMLSelectElement>('option-locale'),
    preview: $<Preview>('preview'),
    previewEmpty: $('preview-empty'),
    download: $<HTMLButtonElement>('download'),
    downloadNote: $('download-note'),
    publishUrl: $<HTMLInputElement>('publish-url'),
    publishUrlNote: $('publish-url-note'),
    inline: $<HTMLInputElement>('inline-data'),
    scriptCode: $<HTMLTextAreaElement>('script-code'),
    iframeCode: $<HTMLTextAreaElement>('iframe-code'),
    copyScript: $<HTMLButtonElement>('copy-script'),
    copyIframe: $<HTMLButtonElement>('copy-iframe'),
    copyStatus: $('copy-status'),
  };
}

/** Sets up the editor on its page; `?src=` opens it with the data at that address. */
export function startEditor(doc: Document = document): void {
  const ui = elements(doc);
  const here = doc.location.href;
  const example = new URL('../data/events.json', here).href;
  const bundle = new URL('../dist/news-timeline.iife.js', here).href;
  const embedPage = new URL('embed.html', here).href;

  /** What the editor knows now: the text, where it came from, what reading it gave. */
  const state = {
    /** Absolute URL the text was loaded from, for relative source links and the embed code. */
    baseUrl: undefined as string | undefined,
    /** Name of the opened file, for the download's name. */
    fileName: undefined as string | undefined,
    /** The read of the current text, or null when the box is empty. */
    result: null as ReadResult | null,
    /** What the preview said about the current data. */
    preview: { state: 'waiting' } as PreviewReport,
    /** Whether the publish address was typed by hand (then loading data does not replace it). */
    publishUrlTyped: false,
    timer: 0,
  };

  // —— Reading ——————————————————————————————————————————————————————

  /** Reads the text in the box and updates everything that follows from it. */
  function update(): void {
    clearTimeout(state.timer);
    const text = ui.text.value;
    state.result = text.trim() ? readData(text, { baseUrl: state.baseUrl }) : null;
    state.preview = { state: 'waiting' };
    showPreview();
    showStatus();
    showProblems();
    showDownload();
    showEmbedCode();
  }

  function scheduleUpdate(): void {
    clearTimeout(state.timer);
    state.timer = window.setTimeout(update, DEBOUNCE_MS);
  }

  /** Puts text into the box (from a file, an address or the example) and reads it at once. */
  function setText(text: string, from: { baseUrl?: string; fileName?: string } = {}): void {
    ui.text.value = text;
    state.baseUrl = from.baseUrl;
    state.fileName = from.fileName;
    if (!state.publishUrlTyped) ui.publishUrl.value = from.baseUrl && /^https?:/.test(from.baseUrl) ? from.baseUrl : '';
    update();
  }

  function showStatus(): void {
    ui.status.textContent = state.result ? statusLine(state.result, state.preview) : 'Nothing loaded yet.';
  }

  // —— Problems —————————————————————————————————————————————————————

  function showProblems(): void {
    const result = state.result;
    ui.problems.replaceChildren();
    if (!result) {
      ui.summary.textContent = 'Problems in the data will be listed here.';
      ui.summary.className = 'summary';
      return;
    }
    const summary = problemSummary(result);
    ui.summary.textContent = summary.text;
    ui.summary.className = `summary ${summary.tone}`;
    const text = ui.text.value;
    for (const line of problemLines(result.problems)) {
      const [first] = line.problems;
      // The place is looked for on click only: scanning a long text for every line would be slow.
      const select = () => {
        const range = locate(first, result.format, text);
        if (range) selectRange(range);
      };
      ui.problems.append(
        problemItem(line, {
          onSelect: hasPlace(first, result.format) ? select : undefined,
          excerpt: first.at ? excerpt(text, first.at) : undefined,
        }),
      );
    }
  }

  /** Selects a range of the box and scrolls it into view. */
  function selectRange([start, end]: TextRange): void {
    const box = ui.text;
    box.focus();
    box.setSelectionRange(start, end);
    const line = box.value.slice(0, start).split('\n').length - 1;
    const lineHeight = parseFloat(getComputedStyle(box).lineHeight) || 18;
    box.scrollTop = Math.max(0, line * lineHeight - box.clientHeight / 3);
    const column = start - (box.value.lastIndexOf('\n', start - 1) + 1);
    box.scrollLeft = Math.max(0, column * lineHeight * 0.45 - box.clientWidth / 2);
  }

  // —— Preview ——————————————————————————————————————————————————————

  function applySettings(): void {
    ui.preview.setAttribute('theme', ui.theme.value);
    if (ui.locale.value) ui.preview.setAttribute('locale', ui.locale.value);
    else ui.preview.removeAttribute('locale');
  }

  function showPreview(): void {
    const result = state.result;
    applySettings();
    ui.preview.hidden = !result;
    ui.previewEmpty.hidden = Boolean(result);
    // The preview draws exactly what the download will hold; with nothing valid, the text itself,
    // so that the widget shows its own explanation.
    ui.preview.data = result ? (result.dataset.events.length ? toNative(result.dataset) : ui.text.value) : undefined;
  }

  /** What the preview reports is what the status line says was drawn. */
  function previewReported(report: PreviewReport): void {
    if (!state.result) return;
    state.preview = report;
    showStatus();
    // The iframe's height in the code follows the preview's.
    showEmbedCode();
  }

  // —— Download —————————————————————————————————————————————————————

  function showDownload(): void {
    const result = state.result;
    const events = result?.dataset.events.length ?? 0;
    ui.download.disabled = events === 0;
    ui.download.textContent = events ? `Download ${downloadName(result?.dataset.title, state.fileName)}` : 'Download JSON';
    const { errors } = tally(result?.problems ?? []);
    ui.downloadNote.hidden = !errors;
    ui.downloadNote.textContent = !errors
      ? ''
      : events
        ? `There ${errors === 1 ? 'is 1 error' : `are ${errors} errors`}: what they name is not in the download. Fix them first to keep it.`
        : 'Nothing to download yet: fix the errors above first.';
  }

  function download(): void {
    const dataset = state.result?.dataset;
    if (!dataset?.events.length) return;
    saveFile(nativeJson(toNative(dataset)), downloadName(dataset.title, state.fileName));
  }

  // —— Embed code ———————————————————————————————————————————————————

  function settings(): EmbedSettings {
    return { theme: ui.theme.value, locale: ui.locale.value };
  }

  function showEmbedCode(): void {
    const dataset = state.result?.dataset;
    const ready = Boolean(dataset?.events.length);
    const typed = ui.publishUrl.value.trim();
    const url = typed ? safeUrl(typed) : null;
    ui.publishUrlNote.textContent =
      typed && !url
        ? 'Give the full address of the file, starting with https://.'
        : ui.inline.checked
          ? 'The script-tag code below holds the data itself and needs no address; the iframe still does.'
          : url
            ? 'The embed code below uses this address.'
            : 'Pasted or opened data has no address: publish the downloaded file first, then give its address here.';
    ui.publishUrlNote.className = typed && !url ? 'note bad' : 'note';

    let script: string;
    let iframe: string;
    if (!dataset || !ready) {
      script = iframe = 'The embed code appears here once the data has at least one event without errors.';
    } else {
      script = ui.inline.checked
        ? inlineDataCode(bundle, toNative(dataset), settings())
        : url
          ? scriptTagCode(bundle, url, settings())
          : 'Give the address of the published file (step 2) to get this code, or tick “I cannot publish a file” (step 2) to get code that holds the data itself.';
      if (url) {
        const measured = Math.ceil(ui.preview.getBoundingClientRect().height);
        const title = dataset.title ? `Timeline: ${dataset.title}` : 'Timeline';
        iframe = iframeCode(embedPage, url, settings(), title, measured > 100 ? measured + 8 : DEFAULT_IFRAME_HEIGHT);
      } else iframe = 'An iframe cannot hold the data itself: give the address of the published file (step 2) to get this code.';
    }
    ui.copyScript.disabled = !(ready && (ui.inline.checked || url));
    ui.copyIframe.disabled = !(ready && url);
    ui.scriptCode.value = script;
    ui.iframeCode.value = iframe;
    // A sentence in place of the code wraps like text; code keeps its lines.
    ui.scriptCode.classList.toggle('waiting', ui.copyScript.disabled);
    ui.iframeCode.classList.toggle('waiting', ui.copyIframe.disabled);
  }

  async function copy(box: HTMLTextAreaElement, what: string): Promise<void> {
    let done = false;
    try {
      await navigator.clipboard.writeText(box.value);
      done = true;
    } catch {
      // Clipboard API refused (an insecure page, or no permission): the older way.
      box.focus();
      box.select();
      done = doc.execCommand?.('copy') ?? false;
    }
    ui.copyStatus.textContent = done
      ? `Copied the ${what}. Paste it into your article's HTML.`
      : `Could not copy: the ${what} is selected, press Ctrl+C (⌘C on a Mac) to copy it.`;
    if (!done) {
      box.focus();
      box.select();
    }
  }

  // —— Bringing data in —————————————————————————————————————————————

  async function loadUrl(address: string): Promise<void> {
    let url: URL;
    try {
      url = new URL(address, here);
    } catch {
      ui.status.textContent = 'That is not a web address.';
      return;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      ui.status.textContent = 'Only web addresses starting with http:// or https:// can be loaded.';
      return;
    }
    ui.status.textContent = `Loading ${url.href} …`;
    try {
      const response = await fetch(url.href, { credentials: 'omit' });
      if (!response.ok) {
        ui.status.textContent = `Could not load ${url.href}: the server answered ${response.status}${response.statusText ? ` (${response.statusText})` : ''}.`;
        return;
      }
      setText(await response.text(), { baseUrl: response.url || url.href });
    } catch {
      ui.status.textContent = `Could not load ${url.href}: there is no connection, or that server does not let other sites read the file (CORS). Download the file and open it here instead.`;
    }
  }

  async function loadFile(file: File | undefined): Promise<void> {
    if (!file) return;
    ui.status.textContent = `Reading ${file.name} …`;
    setText(await file.text(), { fileName: file.name });
  }

  ui.text.addEventListener('input', scheduleUpdate);
  ui.loadUrl.addEventListener('click', () => loadUrl(ui.dataUrl.value.trim()));
  ui.dataUrl.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      void loadUrl(ui.dataUrl.value.trim());
    }
  });
  ui.file.addEventListener('change', () => loadFile(ui.file.files?.[0]));
  ui.example.addEventListener('click', () => {
    ui.dataUrl.value = example;
    void loadUrl(example);
  });

  ui.dropZone.addEventListener('dragover', (event) => {
    if (![...(event.dataTransfer?.types ?? [])].includes('Files')) return;
    event.preventDefault();
    ui.dropZone.classList.add('dragging');
  });
  ui.dropZone.addEventListener('dragleave', (event) => {
    if (!ui.dropZone.contains(event.relatedTarget as Node | null)) ui.dropZone.classList.remove('dragging');
  });
  ui.dropZone.addEventListener('drop', (event) => {
    ui.dropZone.classList.remove('dragging');
    const file = event.dataTransfer?.files?.[0];
    if (!file) return; // dropped text goes into the box as usual
    event.preventDefault();
    void loadFile(file);
  });

  for (const select of [ui.theme, ui.locale]) {
    select.addEventListener('change', () => {
      applySettings();
      showEmbedCode();
    });
  }
  ui.publishUrl.addEventListener('input', () => {
    state.publishUrlTyped = ui.publishUrl.value.trim() !== '';
    showEmbedCode();
  });
  ui.inline.addEventListener('change', showEmbedCode);
  ui.download.addEventListener('click', download);
  ui.copyScript.addEventListener('click', () => copy(ui.scriptCode, 'script-tag code'));
  ui.copyIframe.addEventListener('click', () => copy(ui.iframeCode, 'iframe code'));
  ui.preview.addEventListener('timeline-load', (event) => {
    const view = ui.preview.view;
    const placed = Boolean(view) && Number.isFinite(view!.start.getTime()) && Number.isFinite(view!.end.getTime());
    previewReported({ state: placed ? 'drawn' : 'unplaced', events: event.detail.events });
  });
  ui.preview.addEventListener('timeline-error', (event) => previewReported({ state: 'failed', message: event.detail.message }));

  const start = new URLSearchParams(doc.location.search).get('src');
  if (start) {
    ui.dataUrl.value = start;
    void loadUrl(start);
  } else update();

  // For scripts that drive the page (such as the browser tests): the editor is set up.
  doc.documentElement.dataset.editorReady = 'true';
}
