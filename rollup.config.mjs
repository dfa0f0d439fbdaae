import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import terser from '@rollup/plugin-terser';

const plugins = () => [
  nodeResolve({ browser: true }),
  esbuild({ target: 'es2021', tsconfig: 'tsconfig.json' }),
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
