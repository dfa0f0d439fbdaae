import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import terser from '@rollup/plugin-terser';
import { fileURLToPath } from 'node:url';
import MagicString from 'magic-string';

/**
 * Minifies the widget's style sheets, the one `css` template of each (it ends its module, so no
 * code after it moves). Comments go, runs of white space become one space, and none is left around braces,
 * semicolons, commas or after a colon; `${…}` values are kept as they are.
 */
const minifyStyles = () => ({
  name: 'minify-styles',
  transform(code, id) {
    if (!/\/src\/views\/(figure-)?styles\.ts$/.test(id)) return null;
    // The sheet ends its module, so nothing before it moves: the source map stays as it is (map: null).
    const minified = code.replace(/\bcss`([^`]*)`/, (_, sheet) =>
      'css`' +
      sheet
        .split(/(\$\{[^}]*\})/)
        .map((part, i) =>
          i % 2
            ? part
            : part
                .replace(/\/\*[\s\S]*?\*\//g, '')
                .replace(/\s+/g, ' ')
                .replace(/ ?([{};,]) ?/g, '$1')
                .replace(/: /g, ':'),
        )
        .join('')
        .trim() +
      '`',
    );
    return { code: minified, map: null };
  },
});

/**
 * The line breaks and indentation in the widget's `html` and `svg` templates. Between tags (or a
 * tag and a `${…}` value, or the template's ends) a run that holds a line break goes: it would be a
 * text node of white space, drawn as nothing (a test checks that none with a line break takes room,
 * so the source and the bundle draw the same). Any other run becomes one space: inside a tag,
 * attribute values keep their words, and in text it is the space between words. A space that must
 * show between two tags is written on the tag's line. The editor's page is left as it is.
 */
export function foldSpace(quasis) {
  let inTag = false;
  let quote = '';
  return quasis.map((raw, index) => {
    let out = '';
    for (let i = 0; i < raw.length; ) {
      const char = raw[i];
      if (!inTag && /\s/.test(char)) {
        let end = i;
        while (end < raw.length && /\s/.test(raw[end])) end++;
        const run = raw.slice(i, end);
        if (!run.includes('\n')) out += run;
        else {
          // Before the run: a tag's end, a value or the template's start; after it: a tag, a value or the end.
          const before = i === 0 ? '' : raw[i - 1];
          const after = end === raw.length ? '' : raw[end];
          const betweenTags = (before === '' || before === '>') && (after === '' || (after === '<' && /[a-zA-Z/!]/.test(raw[end + 1] ?? '')));
          out += betweenTags ? '' : ' ';
        }
        i = end;
        continue;
      }
      if (inTag) {
        if (quote) {
          if (char === quote) quote = '';
        } else if (char === '"' || char === "'") quote = char;
        else if (char === '>') inTag = false;
      } else if (char === '<' && /[a-zA-Z/!]/.test(raw[i + 1] ?? '')) inTag = true;
      if (inTag && /\s/.test(char)) {
        // Inside a tag (or an attribute's value), a run of white space with a line break is one space.
        let end = i;
        while (end < raw.length && /\s/.test(raw[end])) end++;
        const run = raw.slice(i, end);
        out += run.includes('\n') ? ' ' : run;
        i = end;
        continue;
      }
      out += char;
      i++;
    }
    return out;
  });
}

const foldTemplateSpace = () => ({
  name: 'fold-template-space',
  transform(code, id) {
    const file = id.replaceAll('\\', '/');
    if (!/\/src\/(?!editor\/)[\w/-]+\.ts$/.test(file) || !/\b(html|svg)`/.test(code)) return null;
    const out = new MagicString(code);
    const visit = (node) => {
      if (!node || typeof node.type !== 'string') return;
      if (node.type === 'TaggedTemplateExpression' && node.tag.type === 'Identifier' && /^(html|svg)$/.test(node.tag.name)) {
        const { quasis } = node.quasi;
        const folded = foldSpace(quasis.map((quasi) => code.slice(quasi.start, quasi.end)));
        quasis.forEach((quasi, i) => {
          if (folded[i] !== code.slice(quasi.start, quasi.end)) out.overwrite(quasi.start, quasi.end, folded[i]);
        });
      }
      for (const key in node) {
        const value = node[key];
        if (Array.isArray(value)) value.forEach(visit);
        else if (value && typeof value.type === 'string' && key !== 'type') visit(value);
      }
    };
    visit(this.parse(code));
    return out.hasChanged() ? { code: out.toString(), map: out.generateMap({ hires: true }) } : null;
  },
});

/**
 * The widget's words (src/i18n/strings.ts) in a compact form: the names of the phrases once, and
 * each language as a list of its phrases in that order, made into the same tables when the
 * bundle runs (about 0.6 KB gzipped less than seven tables that each repeat every name).
 */
const compactStrings = () => ({
  name: 'compact-strings',
  transform(code, id) {
    if (!id.replaceAll('\\', '/').endsWith('/src/i18n/strings.ts')) return null;
    const fail = (what) => this.error(`compact-strings: ${what}; check the transform against src/i18n/strings.ts.`);
    const tables = [];
    for (const statement of this.parse(code).body) {
      if (statement.type !== 'VariableDeclaration') continue;
      for (const declaration of statement.declarations) {
        const table = declaration.init;
        if (table?.type !== 'ObjectExpression' || !table.properties.some((p) => p.key?.name === 'zoomIn')) continue;
        const entries = table.properties.map((property) => {
          if (property.type !== 'Property' || property.computed || property.key.type !== 'Identifier' || property.kind !== 'init') fail('a phrase that is not `name: value`');
          if (!['Literal', 'ObjectExpression', 'TemplateLiteral'].includes(property.value.type)) fail(`phrase ${property.key.name} is not written out`);
          return [property.key.name, code.slice(property.value.start, property.value.end)];
        });
        tables.push({ table, entries: new Map(entries) });
      }
    }
    if (tables.length < 7) fail(`${tables.length} tables of phrases found, not the seven languages`);
    const names = [...tables[0].entries.keys()];
    const out = new MagicString(code);
    for (const { table, entries } of tables) {
      for (const name of entries.keys()) if (!names.includes(name)) fail(`phrase ${name} is not in the first table`);
      const values = names.map((name) => entries.get(name) ?? 'void 0');
      out.overwrite(table.start, table.end, `/*#__PURE__*/ __ntPhrases([${values.join(',')}])`);
    }
    out.prepend(
      `const __ntPhraseNames = ${JSON.stringify(names.join(' '))}.split(' ');\n` +
        'const __ntPhrases = (values) => { const table = {}; values.forEach((value, i) => { if (value !== undefined) table[__ntPhraseNames[i]] = value; }); return table; };\n',
    );
    return { code: out.toString(), map: out.generateMap({ hires: true }) };
  },
});

/**
 * d3's packages each ship as one flat module, in which values made at the top level (curves,
 * interpolators, constants) look like side effects to the bundler. Marked pure, those the widget
 * does not use are left out.
 */
const pureD3 = () => ({
  name: 'pure-d3',
  transform(code, id) {
    if (!/\/node_modules\/d3-[a-z-]+\/dist\/[a-z0-9-]+\.mjs$/.test(id)) return null;
    const marked = code.replace(/^((?:var|const|let) [A-Za-z_$][\w$]* = )(?=[A-Za-z_$][\w$.]*\(|\(function)/gm, '$1/*#__PURE__*/');
    return { code: marked, map: null };
  },
});

/**
 * Parts of d3 the widget never runs, left out of its bundles (about 9 KB gzipped): d3-scale's
 * `tickFormat` (the axis and the values are labelled with Intl, in the reader's language), which
 * is all d3-format and d3-time-format serve, and colour interpolation (nothing the widget
 * interpolates is a colour), which is all d3-color serves. A call to any of them throws.
 */
const withoutUnusedD3 = () => {
  const unused = `() => { throw new Error('news-timeline: this part of d3 is not in the bundle.'); }`;
  const modules = {
    'd3-format': { format: unused, formatPrefix: unused, formatSpecifier: unused, precisionFixed: unused, precisionPrefix: unused, precisionRound: unused },
    // d3-scale makes its tick formats when a scale is made, and calls them only in tickFormat.
    'd3-time-format': { timeFormat: `() => ${unused}`, utcFormat: `() => ${unused}` },
    // d3-interpolate and d3-transition ask whether a value is a colour (also by instanceof): it never is.
    'd3-color': { color: 'function color() { return null; }', rgb: unused, hsl: unused, lab: unused, hcl: unused, cubehelix: unused, gray: unused, lch: unused },
  };
  return {
    name: 'without-unused-d3',
    resolveId: (id) => (id in modules ? `\0${id}` : null),
    load(id) {
      const name = id.startsWith('\0') ? id.slice(1) : '';
      if (!(name in modules)) return null;
      return Object.entries(modules[name])
        .map(([exported, code]) => `export const ${exported} = ${code};`)
        .join('\n');
    },
  };
};

/**
 * Methods of d3's selections and transitions that neither d3-zoom nor the widget calls, taken off
 * their prototypes so that they, and what only they use, are left out (about 3 KB gzipped). The
 * zoom behaviour needs selections to listen, hold its state and run its own transitions; nothing
 * the widget draws goes through d3-selection (Lit draws it), so joins, attributes, text and the
 * tweens of attributes and styles (d3-interpolate's string, colour and transform interpolators)
 * are never called. A call to one of them fails as a missing method.
 */
export const UNUSED_D3_METHODS = {
  'd3-selection': {
    object: 'Selection.prototype = selection.prototype = {',
    methods: ['select', 'selectAll', 'selectChild', 'selectChildren', 'data', 'enter', 'exit', 'join', 'merge', 'order', 'sort', 'attr', 'classed', 'text', 'html', 'raise', 'lower', 'append', 'insert', 'remove', 'clone', 'dispatch'],
  },
  'd3-transition': {
    object: 'Transition.prototype = transition.prototype = {',
    methods: ['select', 'selectAll', 'selectChild', 'selectChildren', 'filter', 'merge', 'attr', 'attrTween', 'style', 'styleTween', 'text', 'textTween', 'remove', 'easeVarying'],
  },
};
/**
 * d3-interpolate's `interpolate`, as d3-scale uses it: the widget's scales map numbers to pixels.
 * Other kinds of value (strings, colours, arrays, objects) are not interpolated: a call with one throws.
 */
const NUMBERS_ONLY_INTERPOLATE = `function value(a, b) {
  if (b == null || typeof b === "boolean") return constant(b);
  if (typeof b === "number") return number(a, b);
  if (b instanceof Date) return date(a, b);
  throw new Error("news-timeline: this part of d3 is not in the bundle.");
}
`;
const leanD3 = () => ({
  name: 'lean-d3',
  transform(code, id) {
    const name = id.match(/\/node_modules\/(d3-[a-z-]+)\/dist\/[a-z0-9-]+\.mjs$/)?.[1];
    if (name === 'd3-interpolate') {
      const lean = code.replace(/^function value\(a, b\) \{\n[\s\S]*?\n\}\n/m, NUMBERS_ONLY_INTERPOLATE);
      if (lean === code) this.error('d3-interpolate has no `function value(a, b)`: check the lean-d3 transform against this d3.');
      return { code: lean, map: null };
    }
    const unused = UNUSED_D3_METHODS[name];
    if (!unused) return null;
    const start = code.indexOf(unused.object);
    const end = code.indexOf('\n};', start);
    if (start < 0 || end < 0) this.error(`${name} has no \`${unused.object}\`: check the lean-d3 transform against this d3.`);
    let object = code.slice(start, end);
    for (const method of unused.methods) {
      const entry = new RegExp(`\\n  ${method}: [\\w$.]+,`);
      if (!entry.test(object)) this.error(`${name} has no method ${method}: check the lean-d3 transform against this d3.`);
      object = object.replace(entry, '');
    }
    return { code: code.slice(0, start) + object + code.slice(end), map: null };
  },
});

/** Lit's modules that read the page's globals, with a global each must read (a check that the transform still fits Lit). */
const LIT_GLOBAL_READERS = {
  'lit-html/lit-html.js': 'trustedTypes',
  'lit-element/lit-element.js': 'litElementVersions',
  '@lit/reactive-element/reactive-element.js': 'litPropertyMetadata',
  '@lit/reactive-element/css-tag.js': 'ShadyCSS',
  '@lit/reactive-element/decorators/property.js': 'litPropertyMetadata',
};
const LIT_GLOBAL = fileURLToPath(new URL('./src/lit-global.ts', import.meta.url));

/**
 * Gives the bundled Lit a global object of its own (src/lit-global.ts) in place of the page's
 * `globalThis`: page globals, including elements whose ids make them globals (DOM clobbering),
 * and a page's own Lit cannot steer it, and its Trusted Types policy has the widget's name.
 */
const ownLitGlobals = () => ({
  name: 'own-lit-globals',
  transform(code, id) {
    const file = id.replaceAll('\\', '/');
    const entry = Object.entries(LIT_GLOBAL_READERS).find(([path]) => file.endsWith(`/node_modules/${path}`));
    if (!entry) return null;
    if (!code.includes('globalThis') || !code.includes(entry[1])) {
      this.error(`${entry[0]} no longer reads globalThis.${entry[1]}: check the own-lit-globals transform against this Lit.`);
    }
    const own = code
      .replace(/\bglobalThis\b/g, '__ntLitGlobal')
      // Read as a bare global name too.
      .replace(/(?<![.\w$])litPropertyMetadata\b/g, '__ntLitGlobal.litPropertyMetadata');
    return { code: `import { litGlobal as __ntLitGlobal } from ${JSON.stringify(LIT_GLOBAL)};\n${own}`, map: null };
  },
});

const plugins = () => [
  ownLitGlobals(),
  pureD3(),
  leanD3(),
  withoutUnusedD3(),
  // Lit's production build (its default; the condition names it).
  nodeResolve({ browser: true, exportConditions: ['production'] }),
  esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' }),
  minifyStyles(),
  compactStrings(),
  foldTemplateSpace(),
  // KEEP_NAMES=1 keeps function names, for profiles (bench/tasks.mjs --profile).
  terser({ keep_fnames: Boolean(process.env.KEEP_NAMES), ecma: 2022, module: true, compress: { passes: 3, pure_getters: true }, format: { comments: false } }),
];

export default [
  {
    input: 'src/index.ts',
    output: [
      { file: 'dist/news-timeline.js', format: 'es', sourcemap: true },
      { file: 'dist/news-timeline.iife.js', format: 'iife', name: 'NewsTimeline', sourcemap: true },
    ],
    plugins: plugins(),
  },
  {
    // The data readers alone, for the validator CLI in Node.
    input: 'src/model/index.ts',
    output: { file: 'dist/model.js', format: 'es', sourcemap: true },
    plugins: [nodeResolve(), esbuild({ target: 'node18', tsconfig: 'tsconfig.json' })],
  },
  {
    // The editor's tool page (demo/editor.html).
    input: 'src/editor/index.ts',
    output: { file: 'dist/editor.js', format: 'es', sourcemap: true },
    plugins: plugins(),
  },
];
