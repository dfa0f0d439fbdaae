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

const plugins = () => [
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
  {
    // The editor's tool page (demo/editor.html).
    input: 'src/editor/index.ts',
    output: { file: 'dist/editor.js', format: 'es', sourcemap: true },
    plugins: plugins(),
  },
];
