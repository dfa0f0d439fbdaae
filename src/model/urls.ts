import { quote } from './problems.js';

/** A link from the data made safe to put in an `href`, or why it was refused. */
export type UrlCheck = { url: string } | { error: string };

/** Why a link was refused (see webLink). */
export class Refusal {
  constructor(readonly error: string) {}
}

const MAX_URL_LENGTH = 10_000;

/** Schemes that run code, read local files or embed content when followed. */
const DANGEROUS = /^(javascript|vbscript|livescript|data|file|blob|filesystem|about|jar|view-source|ms-its|mhtml):/;
const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;

function isInvisible(code: number): boolean {
  return code <= 0x20 || code === 0x7f || code === 0xa0 || code === 0xad || code === 0x200b || code === 0xfeff;
}

/**
 * The link with what a browser would ignore taken out: invisible characters at both ends and
 * tabs and line breaks anywhere (as the WHATWG URL parser does), so that what we check is what a
 * browser would follow.
 */
function tidy(raw: string): string {
  let start = 0;
  let end = raw.length;
  while (start < end && isInvisible(raw.charCodeAt(start))) start++;
  while (end > start && isInvisible(raw.charCodeAt(end - 1))) end--;
  let out = raw.slice(start, end);
  if (/[\t\n\r]/.test(out)) out = out.replace(/[\t\n\r]/g, '');
  return out;
}

/** Whether a text has white space (of any script) or a line break inside it. */
function hasSpace(text: string): boolean {
  return /[\s\u200b]/.test(text);
}

/** The link with every invisible character removed and lower-cased: what a look-alike really says. */
function squash(text: string): string {
  let out = '';
  for (let i = 0; i < text.length && out.length < 40; i++) {
    const code = text.charCodeAt(i);
    if (!isInvisible(code)) out += text[i];
  }
  return out.toLowerCase();
}

// Characters the URL parser leaves as they are, in each part of an http(s) URL (1 = path, 2 =
// query, 4 = fragment). Everything else sends the link through the parser.
const KEPT = new Uint8Array(128);
for (const c of "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&()*+,;=:@%/") KEPT[c.charCodeAt(0)] = 7;
KEPT['?'.charCodeAt(0)] = 2 | 4; // in the path, '?' starts the query
KEPT["'".charCodeAt(0)] = 1 | 4;
KEPT['#'.charCodeAt(0)] = 4; // before the fragment, '#' starts it

function isHostChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 0x2d;
}

/**
 * Whether an http(s) link is already in the form the WHATWG URL parser gives back, in one pass:
 * a lower-case ASCII host that is not a number (and not punycode), a path, and only characters no
 * part of the parser changes or reads specially. Anything else (ports, user names, IDN, dot
 * segments, odd characters) goes through the parser.
 */
function isCanonical(link: string): boolean {
  const n = link.length;
  let i: number;
  if (link.startsWith('https://')) i = 8;
  else if (link.startsWith('http://')) i = 7;
  else return false;
  if (n > 2000) return false;
  // Host: labels of [a-z0-9-] separated by single dots; the last must not be a number.
  let labelStart = i;
  for (;; i++) {
    if (i >= n) return false;
    const code = link.charCodeAt(i);
    if (isHostChar(code)) continue;
    if (i === labelStart) return false;
    if (link.startsWith('xn--', labelStart)) return false;
    if (code === 0x2e) {
      labelStart = i + 1;
      continue;
    }
    if (code !== 0x2f) return false;
    break;
  }
  const first = link.charCodeAt(labelStart);
  if (first >= 48 && first <= 57) {
    // The parser reads a host ending in a number (1.2.3.4, 0x7f) as an IPv4 address.
    let numeric = true;
    for (let k = labelStart; k < i && numeric; k++) {
      const code = link.charCodeAt(k);
      numeric = (code >= 48 && code <= 57) || (k === labelStart + 1 && (code === 0x78 || code === 0x58)) || (k > labelStart + 1 && ((code >= 97 && code <= 102)));
    }
    if (numeric) return false;
  }
  // Path, query, fragment.
  let part = 1;
  for (; i < n; i++) {
    const code = link.charCodeAt(i);
    if (code === 0x3f && part === 1) part = 2;
    else if (code === 0x23 && part !== 4) part = 4;
    else if (code >= 128 || !(KEPT[code] & part)) return false;
    else if (part === 1 && code === 0x2f && link.charCodeAt(i + 1) === 0x2e) return false; // "/." may be a dot segment
    else if (part === 1 && code === 0x25 && link.charCodeAt(i + 1) === 0x32 && (link.charCodeAt(i + 2) | 0x20) === 0x65) return false; // %2e
  }
  return true;
}

const ONLY_WEB = 'Only web links starting with http:// or https:// are kept.';

/**
 * Checks a link from the data: resolves it against `baseUrl` (the data file's address) when it is
 * relative, and keeps it only when it ends up an http: or https: address. Says why otherwise.
 */
export function checkUrl(raw: unknown, baseUrl?: string): UrlCheck {
  const link = webLink(raw, baseUrl);
  return typeof link === 'string' ? { url: link } : { error: link.error };
}

/** As checkUrl, without wrapping the common answer in an object: the link, or a Refusal. */
export function webLink(raw: unknown, baseUrl?: string): string | Refusal {
  if (typeof raw !== 'string') return new Refusal(`a link must be text, like "https://example.org/story". ${ONLY_WEB}`);
  // Most links are already written as the URL parser would write them: take those as they are.
  if (isCanonical(raw)) return raw;
  if (raw.length > MAX_URL_LENGTH) return new Refusal(`the link is too long (${raw.length.toLocaleString('en-US')} characters; at most ${MAX_URL_LENGTH.toLocaleString('en-US')}).`);
  const link = tidy(raw);
  if (link === '') return new Refusal(`the link is empty. ${ONLY_WEB}`);
  // Words are not an address: resolved against the data file, "Talks open in Cairo" would become one.
  if (hasSpace(raw.trim())) return new Refusal(`${quote(raw.trim())} has spaces in it, so it is text, not a web link. Write the link without spaces (a space in a web address is written %20).`);

  const plainWeb = link.startsWith('https://') || link.startsWith('http://');
  if (!plainWeb) {
    const dangerous = DANGEROUS.exec(squash(link));
    if (dangerous) return new Refusal(`${quote(raw)} is not allowed: "${dangerous[1]}:" links are refused. ${ONLY_WEB}`);
  }
  for (let i = 0; i < link.length; i++) {
    const code = link.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return new Refusal(`${quote(raw)} contains invisible control characters, so it is not used. ${ONLY_WEB}`);
  }

  if (plainWeb && isCanonical(link)) return link;

  let candidate = link;
  let base: string | undefined = baseUrl;
  if (!plainWeb) {
    const scheme = SCHEME.exec(link);
    if (/^www\./i.test(link)) {
      // Editors often leave out the scheme of a web address; a browser would too.
      candidate = 'https://' + link;
    } else if (scheme) {
      const name = scheme[1].toLowerCase();
      if (name !== 'http' && name !== 'https') return new Refusal(`${quote(raw)} is not a web link: "${name}:" links are not allowed. ${ONLY_WEB}`);
    } else if (link.startsWith('//')) {
      if (!baseUrl) base = 'https://invalid/';
    } else if (!baseUrl) {
      return new Refusal(`${quote(raw)} is a relative link and the address of the data file is not known, so it cannot be completed. Write the full address, starting with https://.`);
    }
  }

  let url: URL;
  try {
    url = base === undefined ? new URL(candidate) : new URL(candidate, base);
  } catch {
    return new Refusal(`${quote(raw)} is not a valid web address. ${ONLY_WEB}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return new Refusal(`${quote(raw)} leads to a "${url.protocol}" address, not a web page. ${ONLY_WEB}`);
  }
  if (url.hostname === '') return new Refusal(`${quote(raw)} has no web site name. ${ONLY_WEB}`);
  // Chromium keeps a space in a host name as %20 where the URL standard refuses it.
  if (url.hostname.includes('%')) return new Refusal(`${quote(raw)} is not a valid web address: the site name has spaces or other characters it cannot have.`);
  // https://www.bbc.co.uk@evil.example/ leads to evil.example: what comes before "@" only disguises it.
  if (url.username !== '' || url.password !== '') {
    return new Refusal(`${quote(raw)} has a user name or password before "@", which hides where it leads (to ${url.hostname}), so it is not used. Link to the page itself.`);
  }
  return url.href;
}

/** The link as an absolute http(s) URL, resolved against `baseUrl`, or null when it is refused. */
export function safeUrl(raw: string, baseUrl?: string): string | null {
  const link = webLink(raw, baseUrl);
  return typeof link === 'string' ? link : null;
}
