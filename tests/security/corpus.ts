// Hostile strings for every text field, link and type name of the data. A payload that ran would
// call window.__xss(n); one that made the browser fetch something would hit /__test/probe/…, which
// the test server records. Neither may ever happen: the widget shows all of this as text.

export interface Payload {
  name: string;
  text: string;
}

const probe = (name: string) => `/__test/probe/${name}`;

const list: [string, string][] = [
  // Script tags
  ['script tag', '<script>__xss(1)</script>'],
  ['script with src', `<SCRIPT SRC=${probe('s2.js')}></SCRIPT>`],
  ['attribute breakout to script', '"><script>__xss(3)</script>'],
  ['single-quote breakout to script', "'><script>__xss(4)</script>"],
  ['title breakout', '</title><script>__xss(5)</script>'],
  ['textarea breakout', '</textarea><script>__xss(6)</script>'],
  ['nested script split', '<scr<script>ipt>__xss(7)</scr</script>ipt>'],
  ['script in a comment', '<!--<script>__xss(8)</script>-->'],
  ['noscript confusion', `<noscript><p title="</noscript><img src=${probe('i9')} onerror=__xss(9)>">`],
  ['closing the host', '</news-timeline><script>__xss(10)</script>'],
  ['null byte before script', '\u0000<script>__xss(11)</script>'],
  // Event handlers
  ['img onerror', `<img src=${probe('i12')} onerror=__xss(12)>`],
  ['img onerror quoted', '<img src=x onerror="__xss(13)">'],
  ['body onload', '<body onload=__xss(14)>'],
  ['div onmouseover', '<div onmouseover="__xss(15)">hover me</div>'],
  ['input autofocus', '<input autofocus onfocus=__xss(16)>'],
  ['details ontoggle', '<details open ontoggle=__xss(17)>'],
  ['video source onerror', '<video><source onerror=__xss(18)></video>'],
  ['audio onerror', `<audio src=${probe('a19')} onerror=__xss(19)>`],
  ['marquee onstart', '<marquee onstart=__xss(20)>x</marquee>'],
  ['attribute breakout with handler', '" onmouseover="__xss(21)'],
  ['single-quote attribute breakout', "' onfocus='__xss(22)' autofocus='"],
  ['breakout to img', `"><img src=${probe('i23')} onerror=__xss(23)>`],
  ['custom element with handler', '<x-evil onclick=__xss(24)>x</x-evil>'],
  ['form action', '<form action=javascript:__xss(25)><button>go</button></form>'],
  ['anchor with javascript', '<a href="javascript:__xss(26)">click</a>'],
  // Frames, objects and page-level elements
  ['iframe', `<iframe src=${probe('f27')}></iframe>`],
  ['iframe srcdoc', '<iframe srcdoc="<script>parent.__xss(28)</script>"></iframe>'],
  ['object', `<object data=${probe('o29')}></object>`],
  ['embed', `<embed src=${probe('e30')}>`],
  ['base', `<base href=${probe('b31/')}>`],
  ['meta refresh', `<meta http-equiv=refresh content="0;url=${probe('m32')}">`],
  ['stylesheet link', `<link rel=stylesheet href=${probe('l33.css')}>`],
  ['nested widget', `<news-timeline src=${probe('n34')}></news-timeline>`],
  ['slot', '<slot name="x"></slot><slot></slot>'],
  // SVG
  ['svg onload', '<svg onload=__xss(36)>'],
  ['svg script', '<svg><script>__xss(37)</script></svg>'],
  ['svg animate', '<svg><animate onbegin=__xss(38) attributeName=x dur=1s>'],
  ['svg link', '<svg><a xlink:href="javascript:__xss(39)"><text x=20 y=20>x</text></a></svg>'],
  ['svg image', `<svg><image href=${probe('v40')} /></svg>`],
  ['svg foreignObject', `<svg><foreignObject><iframe src=${probe('v41')}></iframe></foreignObject></svg>`],
  ['svg use data', `<svg><use href="data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='${probe('v42')}'/></svg>#x"/></svg>`],
  // MathML
  ['mathml mutation', `<math><mtext><table><mglyph><style><img src=${probe('m43')} onerror=__xss(43)>`],
  ['mathml href', '<math href="javascript:__xss(44)">click</math>'],
  ['mathml maction', '<math><maction actiontype="statusline#" xlink:href="javascript:__xss(45)">x</maction></math>'],
  // Template syntax (Angular, JS template literals, Pug, ERB, Lit's own markers)
  ['angular expression', "{{constructor.constructor('__xss(46)')()}}"],
  ['template literal', '${__xss(47)}'],
  ['pug interpolation', '#{__xss(48)}'],
  ['erb', '<%= __xss(49) %>'],
  ['double brackets', '{{7*7}}[[7*7]]'],
  ['template element', `<template><img src=${probe('t51')} onerror=__xss(51)></template>`],
  ['lit part marker', '<!--?lit$123456789$--><?lit$123456789$>lit$123456789$'],
  // CSS injection
  ['css url', `url(${probe('c53')})`],
  ['css declaration breakout', `red;background:url(${probe('c54')})`],
  ['css import', `@import url(${probe('c55.css')});`],
  ['style breakout', `</style><style>@import '${probe('c56.css')}'</style>`],
  ['css expression', 'expression(__xss(57))'],
  ['css rule breakout', `}*{background:url(${probe('c58')})}`],
  ['style element', `<style>*{background:url(${probe('c59')})}</style>`],
  ['css var breakout', `var(--x);background-image:url(${probe('c60')})`],
  ['css escaped url', `\\75 rl(${probe('c61')})`],
  ['css image-set', `image-set("${probe('c62')}" 1x)`],
  // Links that run code, and their look-alikes
  ['javascript url', 'javascript:__xss(63)'],
  ['javascript with a leading space', ' javascript:__xss(64)'],
  ['javascript with a tab', 'java\tscript:__xss(65)'],
  ['javascript in mixed case', 'JaVaScRiPt:__xss(66)'],
  ['javascript with a line break', 'java\nscript:__xss(67)'],
  ['javascript after a control character', '\u0001javascript:__xss(68)'],
  ['javascript after a zero-width space', '\u200bjavascript:__xss(69)'],
  ['data url', 'data:text/html,<script>__xss(70)</script>'],
  ['data url in base64', 'data:text/html;base64,PHNjcmlwdD5fX3hzcyg3MSk8L3NjcmlwdD4='],
  ['vbscript url', 'vbscript:msgbox(72)'],
  ['file url', 'file:///etc/passwd'],
  ['entity-encoded javascript', '&#106;avascript:__xss(74)'],
  ['markdown link', '[click](javascript:__xss(75))'],
  // Bidirectional overrides and odd text
  ['right-to-left override', 'invoice\u202Egnp.exe\u202C'],
  ['bidi isolates', '\u2066\u2067isolated\u2069 text\u2069'],
  ['override around markup', 'abc\u202Edef<script>__xss(78)</script>'],
  ['zalgo', 'Z̷̢͍a̶̰l̷̞g̸̣o̵̟'],
  ['object keys', '__proto__'],
  ['constructor', 'constructor'],
  // Long strings
  ['20,000 characters', 'A'.repeat(20_000)],
  ['20,000 characters of markup', `<img src=${probe('i83')} onerror=__xss(83)>`.repeat(500)],
];

/** More than 60 hostile strings, each with a name for the test report. */
export const PAYLOADS: Payload[] = list.map(([name, text]) => ({ name, text }));
