// The editor's tool: bring data in (paste, drop, file, address), see every problem and the
// timeline live, download the data as native JSON and copy the embed code.
import { readData, toNative } from '../dist/model.js';

const DEBOUNCE_MS = 300;
const EXAMPLE = new URL('../data/events.json', location.href).href;
const BUNDLE = new URL('../dist/news-timeline.iife.js', location.href).href;
const EMBED_PAGE = new URL('embed.html', location.href).href;
const DEFAULT_IFRAME_HEIGHT = 600;

const $ = (id) => document.getElementById(id);
const ui = {
  dataUrl: $('data-url'),
  loadUrl: $('load-url'),
  file: $('data-file'),
  example: $('load-example'),
  dropZone: $('data-panel'),
  text: $('data-text'),
  status: $('data-status'),
  summary: $('problem-summary'),
  problems: $('problem-list'),
  theme: $('option-theme'),
  locale: $('option-locale'),
  preview: $('preview'),
  previewEmpty: $('preview-empty'),
  download: $('download'),
  downloadNote: $('download-note'),
  publishUrl: $('publish-url'),
  publishUrlNote: $('publish-url-note'),
  inline: $('inline-data'),
  scriptCode: $('script-code'),
  iframeCode: $('iframe-code'),
  copyScript: $('copy-script'),
  copyIframe: $('copy-iframe'),
  copyStatus: $('copy-status'),
};

/** What the editor knows now: the text, where it came from, and what reading it gave. */
const state = {
  /** Absolute URL the text was loaded from, for relative source links and the embed code. */
  baseUrl: undefined,
  /** Name of the opened file, for the download's name. */
  fileName: undefined,
  /** The result of readData for the current text, or null when the box is empty. */
  result: null,
  /** Whether the publish address was typed by hand (then loading data does not replace it). */
  publishUrlTyped: false,
  timer: 0,
};

// —— Reading ————————————————————————————————————————————————————————

/** Reads the text in the box and updates everything that follows from it. */
function update() {
  clearTimeout(state.timer);
  const text = ui.text.value;
  state.result = text.trim() ? readData(text, { baseUrl: state.baseUrl }) : null;
  showStatus();
  showProblems();
  showPreview();
  showDownload();
  showEmbedCode();
}

function scheduleUpdate() {
  clearTimeout(state.timer);
  state.timer = setTimeout(update, DEBOUNCE_MS);
}

/** Puts text into the box (from a file, an address or the example) and reads it at once. */
function setText(text, { baseUrl, fileName } = {}) {
  ui.text.value = text;
  state.baseUrl = baseUrl;
  state.fileName = fileName;
  if (!state.publishUrlTyped) ui.publishUrl.value = baseUrl && /^https?:/.test(baseUrl) ? baseUrl : '';
  update();
}

const FORMAT_NAMES = { native: 'native JSON', timelinejs: 'TimelineJS JSON', csv: 'CSV' };

function count(n, word, plural = word + 's') {
  return `${n.toLocaleString('en')} ${n === 1 ? word : plural}`;
}

function tally(problems) {
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  return { errors, warnings: problems.length - errors };
}

function showStatus() {
  const result = state.result;
  if (!result) {
    ui.status.textContent = 'Nothing loaded yet.';
    return;
  }
  const { errors, warnings } = tally(result.problems);
  const parts = [`Read as ${FORMAT_NAMES[result.format] ?? result.format}`, `${count(result.dataset.events.length, 'event')} drawn`];
  parts.push(errors || warnings ? `${count(errors, 'error')}, ${count(warnings, 'warning')}` : 'no problems');
  ui.status.textContent = parts.join(' · ') + '.';
}

// —— Problems ———————————————————————————————————————————————————————

function showProblems() {
  const result = state.result;
  ui.problems.replaceChildren();
  if (!result) {
    ui.summary.textContent = 'Problems in the data will be listed here.';
    ui.summary.className = 'summary';
    return;
  }
  const { errors, warnings } = tally(result.problems);
  if (!errors && !warnings) {
    ui.summary.textContent = `No problems: all ${count(result.dataset.events.length, 'event')} are ready.`;
    ui.summary.className = 'summary ok';
    return;
  }
  ui.summary.textContent = errors
    ? `${count(errors, 'error')}${warnings ? ` and ${count(warnings, 'warning')}` : ''}. What an error names is left out of the timeline until it is fixed.`
    : `${count(warnings, 'warning')}, no errors. The timeline shows everything, but check these.`;
  ui.summary.className = errors ? 'summary bad' : 'summary warn';

  // Errors first, then warnings, each in the order they were found.
  const sorted = [...result.problems].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  for (const problem of sorted) ui.problems.append(problemItem(problem, result.format));
}

function problemItem(problem, format) {
  const item = document.createElement('li');
  item.className = `problem ${problem.severity}`;
  const range = locate(problem, format);
  const holder = document.createElement(range ? 'button' : 'div');
  holder.className = 'problem-body';
  if (range) {
    holder.type = 'button';
    holder.title = 'Show this place in the data';
    holder.addEventListener('click', () => selectRange(range));
  }

  const head = document.createElement('span');
  head.className = 'problem-head';
  const badge = document.createElement('span');
  badge.className = 'badge';
  badge.textContent = problem.severity === 'error' ? 'Error' : 'Warning';
  const where = document.createElement('code');
  where.className = 'path';
  where.textContent = problem.path;
  head.append(badge, ' ', where);
  if (problem.row !== undefined && !problem.path.startsWith('row ')) {
    head.append(' ', place(`row ${problem.row}${problem.column ? `, column "${problem.column}"` : ''}`));
  }
  if (problem.eventId && !problem.path.includes(problem.eventId)) head.append(' ', place(`event "${problem.eventId}"`));

  const message = document.createElement('span');
  message.className = 'message';
  message.textContent = problem.message;
  holder.append(head, message);
  item.append(holder);
  return item;
}

function place(text) {
  const span = document.createElement('span');
  span.className = 'place';
  span.textContent = text;
  return span;
}

/** Where in the box a problem is, as [start, end] offsets, or null if it cannot be found. */
function locate(problem, format) {
  const text = ui.text.value;
  if (format === 'csv') return problem.row ? locateCsv(text, problem.row, problem.column) : null;
  const syntax = /at line (\d+), column (\d+)/.exec(problem.message);
  if (syntax) {
    const start = offsetOf(text, Number(syntax[1]), Number(syntax[2]));
    return [start, Math.min(text.length, start + 1)];
  }
  if (problem.path === '(file)') return null;
  return locateJson(text, problem.path);
}

function offsetOf(text, line, column) {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return Math.min(text.length, offset + column - 1);
}

/** The value at a path like `events[2].sources[0].url` in JSON text, or its nearest parent. */
function locateJson(text, path) {
  const wanted = pathSegments(path);
  if (!wanted) return null;
  const found = jsonPositions(text, wanted);
  return found;
}

function pathSegments(path) {
  const segments = [];
  const pattern = /\[(\d+)\]|\.?([^.[\]]+)/g;
  let match;
  let at = 0;
  while ((match = pattern.exec(path)) && match.index === at) {
    segments.push(match[1] !== undefined ? Number(match[1]) : match[2]);
    at = pattern.lastIndex;
  }
  return at === path.length ? segments : null;
}

/**
 * Scans JSON text for the value at `wanted` (a list of keys and indexes) and returns its
 * [start, end]; when the path goes deeper than the text, the deepest value found on the way.
 */
function jsonPositions(text, wanted) {
  let i = 0;
  let best = null;
  const space = () => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  const fail = () => {
    throw new Error('stop');
  };
  const string = () => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    if (i >= text.length) fail();
    i++;
    return JSON.parse(text.slice(start, i));
  };
  // depth: how many segments of `wanted` the current value matches (-1 when off the path).
  const value = (depth) => {
    space();
    const start = i;
    const onPath = depth >= 0;
    const c = text[i];
    if (c === '{') {
      i++;
      space();
      if (text[i] === '}') i++;
      else {
        for (;;) {
          space();
          if (text[i] !== '"') fail();
          const key = string();
          space();
          if (text[i] !== ':') fail();
          i++;
          value(onPath && depth < wanted.length && wanted[depth] === key ? depth + 1 : -1);
          space();
          if (text[i] === ',') i++;
          else if (text[i] === '}') {
            i++;
            break;
          } else fail();
        }
      }
    } else if (c === '[') {
      i++;
      space();
      if (text[i] === ']') i++;
      else {
        for (let index = 0; ; index++) {
          value(onPath && depth < wanted.length && wanted[depth] === index ? depth + 1 : -1);
          space();
          if (text[i] === ',') i++;
          else if (text[i] === ']') {
            i++;
            break;
          } else fail();
        }
      }
    } else if (c === '"') string();
    else {
      const literal = /^(-?\d+(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 64));
      if (!literal) fail();
      i += literal[0].length;
    }
    if (onPath && (!best || depth > best.depth)) best = { depth, start, end: i };
  };
  try {
    value(0);
  } catch {
    // Text that does not parse: whatever was found before the mistake.
  }
  if (!best || best.depth === 0) return null;
  // A parent object or list is long: select its first line only.
  const isLeaf = best.depth === wanted.length && !/[{[]/.test(text[best.start]);
  if (isLeaf) return [best.start, best.end];
  const lineEnd = text.indexOf('\n', best.start);
  return [best.start, lineEnd < 0 || lineEnd > best.end ? best.end : lineEnd];
}

/** The cell at a CSV line (1-based) and column name, or the whole line. */
function locateCsv(text, row, column) {
  const lines = text.split('\n');
  if (row < 1 || row > lines.length) return null;
  const lineStart = lines.slice(0, row - 1).reduce((sum, line) => sum + line.length + 1, 0);
  const line = lines[row - 1].replace(/\r$/, '');
  if (!column) return [lineStart, lineStart + line.length];
  const header = csvCells(lines[0].replace(/\r$/, '')).map((cell) => cell.text.trim().toLowerCase());
  const index = header.indexOf(column.trim().toLowerCase());
  const cells = csvCells(line);
  if (index < 0 || index >= cells.length) return [lineStart, lineStart + line.length];
  return [lineStart + cells[index].start, lineStart + cells[index].end];
}

function csvCells(line) {
  const delimiter = (line.match(/;/g) ?? []).length > (line.match(/,/g) ?? []).length ? ';' : line.includes('\t') && !line.includes(',') ? '\t' : ',';
  const cells = [];
  let i = 0;
  for (;;) {
    const start = i;
    let quoted = false;
    if (line[i] === '"') {
      quoted = true;
      i++;
      while (i < line.length && !(line[i] === '"' && line[i + 1] !== '"')) i += line[i] === '"' ? 2 : 1;
      i++;
    }
    while (i < line.length && line[i] !== delimiter) i++;
    const raw = line.slice(start, i);
    cells.push({ start, end: i, text: quoted ? raw.slice(1, raw.lastIndexOf('"')).replace(/""/g, '"') : raw });
    if (i >= line.length) break;
    i++;
  }
  return cells;
}

/** Selects a range of the box and scrolls it into view. */
function selectRange([start, end]) {
  const box = ui.text;
  box.focus();
  box.setSelectionRange(start, end);
  const line = box.value.slice(0, start).split('\n').length - 1;
  const lineHeight = parseFloat(getComputedStyle(box).lineHeight) || 18;
  box.scrollTop = Math.max(0, line * lineHeight - box.clientHeight / 3);
  const column = start - (box.value.lastIndexOf('\n', start - 1) + 1);
  const charWidth = lineHeight * 0.45;
  box.scrollLeft = Math.max(0, column * charWidth - box.clientWidth / 2);
}

// —— Preview ————————————————————————————————————————————————————————

function showPreview() {
  const result = state.result;
  const preview = ui.preview;
  preview.setAttribute('theme', ui.theme.value);
  if (ui.locale.value) preview.setAttribute('locale', ui.locale.value);
  else preview.removeAttribute('locale');
  if (!result) {
    preview.hidden = true;
    ui.previewEmpty.hidden = false;
    preview.data = undefined;
    return;
  }
  preview.hidden = false;
  ui.previewEmpty.hidden = true;
  // The preview draws exactly what the download will hold; with nothing valid, the text itself,
  // so that the widget shows its own explanation.
  preview.data = result.dataset.events.length ? toNative(result.dataset) : ui.text.value;
}

// —— Download ———————————————————————————————————————————————————————

function nativeJson() {
  return JSON.stringify(toNative(state.result.dataset), null, 2) + '\n';
}

function downloadName() {
  const fromTitle = slug(state.result?.dataset.title ?? '');
  const fromFile = slug((state.fileName ?? '').replace(/\.[a-z0-9]+$/i, ''));
  return `${fromTitle || fromFile || 'timeline'}.json`;
}

function slug(text) {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

function showDownload() {
  const result = state.result;
  const events = result?.dataset.events.length ?? 0;
  ui.download.disabled = events === 0;
  ui.download.textContent = events ? `Download ${downloadName()}` : 'Download JSON';
  const { errors } = tally(result?.problems ?? []);
  ui.downloadNote.hidden = !errors;
  ui.downloadNote.textContent = errors
    ? `There ${errors === 1 ? 'is 1 error' : `are ${errors} errors`}: what they name is not in the download. Fix them first to keep it.`
    : '';
}

function download() {
  if (!state.result?.dataset.events.length) return;
  const blob = new Blob([nativeJson()], { type: 'application/json' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = downloadName();
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

// —— Embed code —————————————————————————————————————————————————————

function escapeAttribute(text) {
  return String(text).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The published address if it is a full http(s) address, else null. */
function publishedUrl() {
  const value = ui.publishUrl.value.trim();
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function attributes() {
  let out = '';
  if (ui.theme.value !== 'light') out += ` theme="${escapeAttribute(ui.theme.value)}"`;
  if (ui.locale.value) out += ` locale="${escapeAttribute(ui.locale.value)}"`;
  return out;
}

function scriptSnippet(url) {
  const script = `<script src="${escapeAttribute(BUNDLE)}"></script>\n`;
  if (ui.inline.checked) {
    // "<" written as \u003c, so that no text in the data can close the script element.
    const json = JSON.stringify(toNative(state.result.dataset)).replace(/</g, '\\u003c');
    return `${script}<news-timeline${attributes()}>\n<script type="application/json">${json}</script>\n</news-timeline>`;
  }
  return `${script}<news-timeline src="${escapeAttribute(url)}"${attributes()}></news-timeline>`;
}

function iframeSnippet(url) {
  const query = new URLSearchParams({ src: url });
  if (ui.theme.value !== 'light') query.set('theme', ui.theme.value);
  if (ui.locale.value) query.set('locale', ui.locale.value);
  const title = state.result?.dataset.title ? `Timeline: ${state.result.dataset.title}` : 'Timeline';
  const measured = Math.ceil(ui.preview.getBoundingClientRect().height);
  const height = measured > 100 ? measured + 8 : DEFAULT_IFRAME_HEIGHT;
  return [
    `<iframe data-news-timeline src="${escapeAttribute(`${EMBED_PAGE}?${query}`)}" title="${escapeAttribute(title)}" width="100%" height="${height}" style="border:0" loading="lazy"></iframe>`,
    '<script>',
    "  window.addEventListener('message', function (event) {",
    "    if (!event.data || event.data.type !== 'news-timeline:height') return;",
    "    document.querySelectorAll('iframe[data-news-timeline]').forEach(function (frame) {",
    "      if (frame.contentWindow === event.source) frame.style.height = event.data.height + 'px';",
    '    });',
    '  });',
    '</script>',
  ].join('\n');
}

function showEmbedCode() {
  const ready = Boolean(state.result?.dataset.events.length);
  const url = publishedUrl();
  const typed = ui.publishUrl.value.trim();
  ui.publishUrlNote.textContent =
    typed && !url
      ? 'Give the full address of the file, starting with https://.'
      : url
        ? 'The embed code below uses this address.'
        : 'Pasted or opened data has no address: publish the downloaded file first, then give its address here.';
  ui.publishUrlNote.className = typed && !url ? 'note bad' : 'note';

  let script;
  let iframe;
  if (!ready) {
    script = iframe = 'The embed code appears here once the data has at least one event without errors.';
  } else {
    script = ui.inline.checked || url ? scriptSnippet(url) : 'Give the address of the published file (step 2) to get this code.';
    iframe = url ? iframeSnippet(url) : 'Give the address of the published file (step 2) to get this code. An iframe cannot hold the data itself.';
  }
  ui.copyScript.disabled = !(ready && (ui.inline.checked || url));
  ui.copyIframe.disabled = !(ready && url);
  ui.scriptCode.value = script;
  ui.iframeCode.value = iframe;
  // A sentence in place of the code wraps like text; code keeps its lines.
  ui.scriptCode.classList.toggle('waiting', ui.copyScript.disabled);
  ui.iframeCode.classList.toggle('waiting', ui.copyIframe.disabled);
}

async function copy(box, what) {
  const text = box.value;
  let done = false;
  try {
    await navigator.clipboard.writeText(text);
    done = true;
  } catch {
    // Clipboard API refused (an insecure page, or no permission): the older way.
    box.focus();
    box.select();
    done = document.execCommand && document.execCommand('copy');
  }
  ui.copyStatus.textContent = done
    ? `Copied the ${what}. Paste it into your article's HTML.`
    : `Could not copy: the ${what} is selected, press Ctrl+C (⌘C on a Mac) to copy it.`;
  if (!done) {
    box.focus();
    box.select();
  }
}

// —— Bringing data in ———————————————————————————————————————————————

async function loadUrl(address) {
  let url;
  try {
    url = new URL(address, location.href);
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

async function loadFile(file) {
  if (!file) return;
  ui.status.textContent = `Reading ${file.name} …`;
  setText(await file.text(), { fileName: file.name });
}

ui.text.addEventListener('input', scheduleUpdate);
ui.loadUrl.addEventListener('click', () => loadUrl(ui.dataUrl.value.trim()));
ui.dataUrl.addEventListener('keydown', (event) => {
  if (event.key === 'Enter') {
    event.preventDefault();
    loadUrl(ui.dataUrl.value.trim());
  }
});
ui.file.addEventListener('change', () => loadFile(ui.file.files?.[0]));
ui.example.addEventListener('click', () => {
  ui.dataUrl.value = EXAMPLE;
  loadUrl(EXAMPLE);
});

ui.dropZone.addEventListener('dragover', (event) => {
  if (![...(event.dataTransfer?.types ?? [])].includes('Files')) return;
  event.preventDefault();
  ui.dropZone.classList.add('dragging');
});
ui.dropZone.addEventListener('dragleave', (event) => {
  if (!ui.dropZone.contains(event.relatedTarget)) ui.dropZone.classList.remove('dragging');
});
ui.dropZone.addEventListener('drop', (event) => {
  ui.dropZone.classList.remove('dragging');
  const file = event.dataTransfer?.files?.[0];
  if (!file) return; // dropped text goes into the box as usual
  event.preventDefault();
  loadFile(file);
});

ui.theme.addEventListener('change', () => {
  showPreview();
  showEmbedCode();
});
ui.locale.addEventListener('change', () => {
  showPreview();
  showEmbedCode();
});
ui.publishUrl.addEventListener('input', () => {
  state.publishUrlTyped = ui.publishUrl.value.trim() !== '';
  showEmbedCode();
});
ui.inline.addEventListener('change', showEmbedCode);
ui.download.addEventListener('click', download);
ui.copyScript.addEventListener('click', () => copy(ui.scriptCode, 'script-tag code'));
ui.copyIframe.addEventListener('click', () => copy(ui.iframeCode, 'iframe code'));
// The iframe's height in the code follows the preview's.
ui.preview.addEventListener('timeline-load', () => showEmbedCode());

// A ?src= address opens the editor with that data.
const start = new URLSearchParams(location.search).get('src');
if (start) {
  ui.dataUrl.value = start;
  loadUrl(start);
} else {
  update();
}

// For scripts that drive the page (such as the browser tests): the editor is set up.
document.documentElement.dataset.editorReady = 'true';
