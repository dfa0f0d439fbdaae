import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import rollupCommonjs from '@rollup/plugin-commonjs';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { summaryReporter } from './scripts/summary-reporter.mjs';
import { requireChrome, chromeArgs } from './scripts/chrome.mjs';

const commonjs = fromRollup(rollupCommonjs);

export default {
  files: process.env.TEST_FILES ? process.env.TEST_FILES.split(',') : ['tests/**/*.test.ts'],
  nodeResolve: { browser: true },
  rootDir: '.',
  concurrency: 2,
  testsFinishTimeout: 240000,
  testFramework: { config: { timeout: 20000 } },
  plugins: [
    // ajv ships as CommonJS only.
    commonjs({ include: ['**/node_modules/ajv/**', '**/node_modules/fast-deep-equal/**', '**/node_modules/json-schema-traverse/**', '**/node_modules/fast-uri/**', '**/node_modules/require-from-string/**'] }),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: requireChrome(), headless: true, args: chromeArgs },
    }),
  ],
  reporters: [defaultReporter(), summaryReporter({ outFile: process.env.TEST_SUMMARY_FILE })],
};
