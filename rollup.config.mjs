import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import terser from '@rollup/plugin-terser';

/**
 * Minifies the widget's style sheet, the one `css` template (it ends its module, so no code after
 * it moves). Comments go, runs of white space become one space, and none is left around braces,
 * semicolons, commas or after a colon; `${…}` values are kept as they are.
 */
const minifyStyles = () => ({
  name: 'minify-styles',
  transform(code, id) {
    if (!id.endsWith('/src/views/styles.ts')) return null;
    return code.replace(/\bcss`([^`]*)`/, (_, sheet) =>
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
 * The axis is labelled with Intl, in the reader's language, and value labels too: d3-scale's
 * `tickFormat` is never called. The widget's bundles leave out d3-format and d3-time-format
 * (about 5 KB gzipped), which d3-scale imports only for it; a call to it would throw.
 */
const withoutD3Formats = () => {
  const unused = () => () => {
    throw new Error('news-timeline formats with Intl: d3 tick formats are not in this bundle.');
  };
  const modules = {
    'd3-format': ['format', 'formatPrefix', 'formatSpecifier', 'precisionFixed', 'precisionPrefix', 'precisionRound'],
    'd3-time-format': ['timeFormat', 'utcFormat'],
  };
  return {
    name: 'without-d3-formats',
    resolveId: (id) => (id in modules ? `\0${id}` : null),
    load(id) {
      const name = id.startsWith('\0') ? id.slice(1) : '';
      if (!(name in modules)) return null;
      return `const unused = ${unused.toString()};\n` + modules[name].map((f) => `export const ${f} = unused;`).join('\n');
    },
  };
};

const plugins = () => [
  pureD3(),
  withoutD3Formats(),
  nodeResolve({ browser: true }),
  esbuild({ target: 'es2021', tsconfig: 'tsconfig.json' }),
  minifyStyles(),
  terser({ ecma: 2021, module: true, compress: { passes: 2 }, format: { comments: false } }),
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
];
