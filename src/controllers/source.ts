import type { DataSource } from './load-controller.js';

/** What an element reads its data from: the `data` property, the `src` attribute, or a child script. */
export interface SourceHost extends HTMLElement {
  data: unknown;
  src: string;
}

/** Elements whose inline data waits for the document to be parsed. */
const awaitingParse = new WeakSet<SourceHost>();

/**
 * Where `host`'s data comes from: the first of the `data` property, the `src` attribute and a child
 * `<script type="application/json">` (or `text/csv`) that is present. Undefined while the parser may
 * still be inside the element (its script ran from `<head>`): `reload` is called once the document
 * is parsed, unless data or an address came meanwhile.
 */
export function sourceOf(host: SourceHost, reload: () => void): DataSource | undefined {
  if (host.data !== undefined && host.data !== null) return { kind: 'data', value: host.data };
  if (host.src) return { kind: 'src', url: host.src };
  if (document.readyState === 'loading') {
    if (!awaitingParse.has(host)) {
      awaitingParse.add(host);
      const parsed = () => {
        awaitingParse.delete(host);
        if (host.isConnected && host.data == null && !host.src) reload();
      };
      document.addEventListener('DOMContentLoaded', parsed, { once: true });
    }
    return undefined;
  }
  const inline = host.querySelector<HTMLScriptElement>(':scope > script[type="application/json"], :scope > script[type="text/csv"]');
  if (inline) return { kind: 'inline', text: inline.textContent ?? '' };
  return { kind: 'none' };
}
