/** A link found in HTML: its address as written and the words it was on. */
export interface HtmlLink {
  href: string;
  text: string;
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', shy: '', ensp: '\u2002', emsp: '\u2003',
  thinsp: '\u2009', zwj: '\u200d', zwnj: '\u200c', ndash: '–', mdash: '—', hellip: '…', lsquo: '‘', rsquo: '’',
  sbquo: '‚', ldquo: '“', rdquo: '”', bdquo: '„', laquo: '«', raquo: '»', lsaquo: '‹', rsaquo: '›', bull: '•',
  middot: '·', copy: '©', reg: '®', trade: '™', euro: '€', pound: '£', yen: '¥', cent: '¢', deg: '°',
  times: '×', divide: '÷', plusmn: '±', minus: '−', frac12: '½', frac14: '¼', frac34: '¾', sect: '§',
  para: '¶', dagger: '†', Dagger: '‡', prime: '′', Prime: '″', iexcl: '¡', iquest: '¿', ordm: 'º', ordf: 'ª',
  szlig: 'ß', aelig: 'æ', AElig: 'Æ', oelig: 'œ', OElig: 'Œ', oslash: 'ø', Oslash: 'Ø', aring: 'å', Aring: 'Å',
  ccedil: 'ç', Ccedil: 'Ç', ntilde: 'ñ', Ntilde: 'Ñ', eth: 'ð', thorn: 'þ',
};
// Accented vowels, generated rather than listed: &eacute; &Uuml; …
const ACCENTS: Record<string, string> = { acute: '\u0301', grave: '\u0300', circ: '\u0302', uml: '\u0308', tilde: '\u0303' };
for (const letter of 'aeiouyAEIOUY') {
  for (const [name, mark] of Object.entries(ACCENTS)) NAMED_ENTITIES[letter + name] = (letter + mark).normalize('NFC');
}

/** Tags whose content is not text for a reader. */
const SKIPPED = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'svg', 'math', 'head', 'title']);
/** Tags that end a paragraph: a blank line. */
const PARAGRAPH = new Set(['p', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'table', 'pre', 'hr', 'figure', 'dl', 'section', 'article', 'header', 'footer', 'aside', 'address']);
/** Tags that end a line. */
const LINE = new Set(['br', 'div', 'li', 'tr', 'dt', 'dd', 'figcaption', 'caption', 'cite']);

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x0c;
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** Decodes the entity at `at` (which holds '&'): the text and where the entity ends, or null. */
function readEntity(html: string, at: number): { text: string; end: number } | null {
  // Looked for within a few characters only, so text full of '&' stays linear.
  let semicolon = -1;
  for (let k = at + 1; k < html.length && k <= at + 32; k++) {
    const code = html.charCodeAt(k);
    if (code === 0x3b) {
      semicolon = k;
      break;
    }
    if (!(isLetter(code) || (code >= 48 && code <= 57) || code === 0x23)) break;
  }
  if (semicolon < 0) return null;
  const name = html.slice(at + 1, semicolon);
  if (name.startsWith('#')) {
    const hex = name[1] === 'x' || name[1] === 'X';
    const digits = name.slice(hex ? 2 : 1);
    if (digits === '' || !(hex ? /^[0-9a-f]+$/i : /^[0-9]+$/).test(digits)) return null;
    const code = parseInt(digits, hex ? 16 : 10);
    const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
    return { text: valid ? String.fromCodePoint(code) : '\ufffd', end: semicolon + 1 };
  }
  const text = Object.hasOwn(NAMED_ENTITIES, name) ? NAMED_ENTITIES[name] : undefined;
  return text === undefined ? null : { text, end: semicolon + 1 };
}

/** Decodes HTML character references (`&amp;`, `&#233;`, `&eacute;`) in a text. Unknown ones are kept as written. */
export function decodeEntities(text: string): string {
  let at = text.indexOf('&');
  if (at < 0) return text;
  let out = '';
  let from = 0;
  while (at >= 0) {
    const entity = readEntity(text, at);
    if (entity) {
      out += text.slice(from, at) + entity.text;
      from = entity.end;
    }
    at = text.indexOf('&', entity ? entity.end : at + 1);
  }
  return out + text.slice(from);
}

/**
 * Where a tag that starts at `at` ('<') ends (just after its '>'), honouring quoted attribute
 * values. 'text' when another '<' comes first (the first one was text, as in "a < b"); 'eof' when
 * the text ends inside the tag.
 */
function tagEnd(html: string, at: number): number | 'text' | 'eof' {
  let quote = 0;
  for (let i = at + 1; i < html.length; i++) {
    const code = html.charCodeAt(i);
    if (quote) {
      if (code === quote) quote = 0;
    } else if (code === 0x22 || code === 0x27) {
      // A quote only opens a value right after '='; a stray one (`<p class=x'>`) is part of the tag.
      let j = i - 1;
      while (j > at && isSpace(html.charCodeAt(j))) j--;
      if (html.charCodeAt(j) === 0x3d) quote = code;
    } else if (code === 0x3e) return i + 1;
    else if (code === 0x3c) return 'text';
  }
  return 'eof';
}

/** The value of one attribute in a tag's text (`<a href="…">`), decoded; undefined when absent. */
function attribute(tag: string, wanted: string): string | undefined {
  const re = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  const start = tag.search(/[\s/>]/);
  if (start < 0) return undefined;
  re.lastIndex = start;
  for (let match = re.exec(tag); match; match = re.exec(tag)) {
    if (match[1].toLowerCase() === wanted) return decodeEntities(match[2] ?? match[3] ?? match[4] ?? '');
  }
  return undefined;
}

/**
 * Plain text from HTML, with the links in it, by a small forward-only reader (nothing is handed to
 * a browser's HTML parser, so nothing in the data can run). Tags are dropped, entities decoded,
 * runs of white space collapsed; <br> and block ends become line breaks, paragraphs blank lines.
 */
export function htmlToText(html: string): { text: string; links: HtmlLink[] } {
  const links: HtmlLink[] = [];
  if (typeof html !== 'string' || html === '') return { text: '', links };
  if (!html.includes('<') && !html.includes('&')) return { text: html.replace(/\s+/g, ' ').trim(), links };
  let out = '';
  let space = false;
  let breaks = 0;
  let openLink: { href: string; start: number } | null = null;
  const emit = (text: string) => {
    for (let k = 0; k < text.length; k++) {
      const code = text.charCodeAt(k);
      if (isSpace(code)) {
        space = true;
        continue;
      }
      if (out !== '') {
        if (breaks) out += breaks > 1 ? '\n\n' : '\n';
        else if (space) out += ' ';
      }
      breaks = 0;
      space = false;
      out += text[k];
    }
  };
  const closeLink = () => {
    if (openLink) links.push({ href: openLink.href, text: out.slice(openLink.start).trim() });
    openLink = null;
  };

  let i = 0;
  let textFrom = 0;
  const n = html.length;
  while (i < n) {
    const code = html.charCodeAt(i);
    if (code === 0x26) {
      const entity = readEntity(html, i);
      if (entity) {
        emit(html.slice(textFrom, i));
        // A decoded &nbsp; is a space that is kept; a decoded '<' is text, never a tag.
        const decoded = entity.text;
        for (let k = 0; k < decoded.length; k++) {
          if (out !== '' && breaks) out += breaks > 1 ? '\n\n' : '\n';
          else if (out !== '' && space) out += ' ';
          breaks = 0;
          space = false;
          out += decoded[k];
        }
        i = textFrom = entity.end;
        continue;
      }
      i++;
      continue;
    }
    if (code !== 0x3c) {
      i++;
      continue;
    }
    const next = html.charCodeAt(i + 1);
    if (html.startsWith('<!--', i)) {
      emit(html.slice(textFrom, i));
      const close = html.indexOf('-->', i + 4);
      i = textFrom = close < 0 ? n : close + 3;
      continue;
    }
    const closing = next === 0x2f;
    const nameStart = closing ? i + 2 : i + 1;
    if (!isLetter(html.charCodeAt(nameStart)) && next !== 0x21 && next !== 0x3f) {
      i++;
      continue;
    }
    const end = tagEnd(html, i);
    if (end === 'text') {
      i++;
      continue;
    }
    if (end === 'eof') break;
    emit(html.slice(textFrom, i));
    let nameEnd = nameStart;
    while (nameEnd < end && /[A-Za-z0-9-]/.test(html[nameEnd])) nameEnd++;
    const name = html.slice(nameStart, nameEnd).toLowerCase();
    const tag = html.slice(i, end);
    i = textFrom = end;
    if (next === 0x21 || next === 0x3f) continue; // <!DOCTYPE …>, <?xml …?>
    if (!closing && SKIPPED.has(name)) {
      if (name === 'iframe') {
        const src = attribute(tag, 'src');
        if (src) links.push({ href: src, text: '' });
      }
      if (!tag.endsWith('/>')) {
        let close = html.indexOf('</', end);
        while (close >= 0 && html.slice(close + 2, close + 2 + name.length).toLowerCase() !== name) close = html.indexOf('</', close + 2);
        const after = close < 0 ? n : html.indexOf('>', close);
        i = textFrom = after < 0 ? n : after + 1;
      }
      continue;
    }
    if (name === 'a') {
      if (closing) closeLink();
      else {
        closeLink();
        const href = attribute(tag, 'href');
        if (href !== undefined) {
          if (out !== '' && (space || breaks)) {
            // Let the link's words start after the pending space, so its text has no leading blank.
            out += breaks ? (breaks > 1 ? '\n\n' : '\n') : ' ';
            space = false;
            breaks = 0;
          }
          openLink = { href, start: out.length };
        }
      }
      continue;
    }
    if (PARAGRAPH.has(name)) breaks = 2;
    else if (LINE.has(name)) breaks = Math.max(breaks, 1);
  }
  emit(html.slice(textFrom));
  closeLink();
  return { text: out, links };
}

/** Web addresses written out in plain text ("see https://…"), without the punctuation after them. */
export function findBareLinks(text: string): string[] {
  const found: string[] = [];
  let at = text.indexOf('http');
  while (at >= 0 && found.length < 50) {
    const scheme = text.startsWith('https://', at) ? 8 : text.startsWith('http://', at) ? 7 : 0;
    // Only with a site name after the scheme: "https://" alone is a word about links, not a link.
    if (scheme > 0 && /[\p{L}\p{N}]/u.test(text.charAt(at + scheme))) {
      let end = at;
      while (end < text.length && !isSpace(text.charCodeAt(end)) && !'<>"\'“”‘’'.includes(text[end])) end++;
      while (end > at && '.,;:!?)]}'.includes(text[end - 1])) end--;
      found.push(text.slice(at, end));
      at = text.indexOf('http', end);
    } else at = text.indexOf('http', at + 4);
  }
  return found;
}

/** The text cut to at most `limit` characters (without splitting a character in two), with "…" when cut. */
export function cut(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let end = limit - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return text.slice(0, end) + '…';
}

/**
 * A readable, stable id part from a title: lower case, accents dropped from Latin letters,
 * anything but letters, marks and digits (of any script) turned into dashes, at most 60 characters.
 */
export function slug(text: string): string {
  // Accents come off Latin letters only: in other scripts the marks are part of the letters.
  const plain = text.normalize('NFKD').replace(/(\p{Script=Latin})\p{M}+/gu, '$1').normalize('NFC').toLowerCase();
  let out = plain.replace(/[^\p{L}\p{M}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
  if (out.length > 60) {
    out = out.slice(0, 60);
    const dash = out.lastIndexOf('-');
    if (dash > 30) out = out.slice(0, dash);
    out = out.replace(/-+$/, '');
  }
  return out;
}
