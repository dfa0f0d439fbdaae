// The code an editor pastes into an article: the script tag (data at an address, or the data
// inside the code) and the iframe for a CMS that allows only iframes.
import { GEOMETRY } from '../layout/geometry.js';
import type { NativeDocument } from '../model/index.js';

/** What the preview was set to, carried into the code. */
export interface EmbedSettings {
  /** `light` (the default, left out of the code), `dark` or `auto`. */
  theme: string;
  /** A BCP 47 tag, or '' for the article's language. */
  locale: string;
}

/** The iframe's height when the preview's cannot be measured: the timeline's own. */
export const DEFAULT_IFRAME_HEIGHT = GEOMETRY.defaultHeight;

/** The timeline's height, reserved by the page before the script has run, so the article does not move. */
const RESERVED = ` style="display: block; height: ${GEOMETRY.defaultHeight}px"`;

/** Text made safe inside a double-quoted HTML attribute. */
export function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attributes(settings: EmbedSettings): string {
  let out = '';
  if (settings.theme !== 'light') out += ` theme="${escapeAttribute(settings.theme)}"`;
  if (settings.locale) out += ` locale="${escapeAttribute(settings.locale)}"`;
  return out + RESERVED;
}

function scriptTag(bundle: string): string {
  return `<script src="${escapeAttribute(bundle)}"></script>`;
}

/** Two lines: the bundle, and the element that loads the data from `src`. */
export function scriptTagCode(bundle: string, src: string, settings: EmbedSettings): string {
  return `${scriptTag(bundle)}\n<news-timeline src="${escapeAttribute(src)}"${attributes(settings)}></news-timeline>`;
}

/**
 * The bundle and the element with the data inside it, in a `<script type="application/json">`
 * child. Every "<" is written as \u003c, so no text in the data can close the script element.
 */
export function inlineDataCode(bundle: string, data: NativeDocument, settings: EmbedSettings): string {
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return `${scriptTag(bundle)}\n<news-timeline${attributes(settings)}>\n<script type="application/json">${json}</script>\n</news-timeline>`;
}

/** The script that sets each timeline iframe's height to what its page reports, on one line. */
const HEIGHT_SCRIPT =
  "<script>window.addEventListener('message', function (event) { if (!event.data || event.data.type !== 'news-timeline:height') return; " +
  "document.querySelectorAll('iframe[data-news-timeline]').forEach(function (frame) { if (frame.contentWindow === event.source) frame.style.height = event.data.height + 'px'; }); });</script>";

/**
 * Two lines: the iframe of the embed page showing `src`, and the script that makes it as tall
 * as the timeline (without it, the iframe keeps `height`).
 */
export function iframeCode(embedPage: string, src: string, settings: EmbedSettings, title: string, height: number): string {
  const query = new URLSearchParams({ src });
  if (settings.theme !== 'light') query.set('theme', settings.theme);
  if (settings.locale) query.set('locale', settings.locale);
  const frame =
    `<iframe data-news-timeline src="${escapeAttribute(`${embedPage}?${query}`)}" title="${escapeAttribute(title)}" ` +
    `width="100%" height="${Math.round(height)}" style="border:0" loading="lazy"></iframe>`;
  return `${frame}\n${HEIGHT_SCRIPT}`;
}
