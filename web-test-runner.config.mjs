import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { summaryReporter } from './scripts/summary-reporter.mjs';
import { requireChrome, chromeArgs } from './scripts/chrome.mjs';
import { testRoutes } from './tests/security/routes.mjs';

export default {
  // TEST_FILES: only these files; TEST_SKIP: all but these (scripts/test.mjs runs timing tests on their own).
  files: process.env.TEST_FILES
    ? process.env.TEST_FILES.split(',')
    : ['tests/**/*.test.ts', ...(process.env.TEST_SKIP?.split(',') ?? []).map((file) => `!${file}`)],
  nodeResolve: { browser: true },
  rootDir: '.',
  concurrency: 2,
  testsFinishTimeout: 240000,
  testFramework: { config: { timeout: 20000 } },
  // Test-only routes under /__test/ (failing and hostile servers, a page with a strict CSP).
  middleware: [testRoutes],
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: requireChrome(), headless: true, args: chromeArgs },
      // Test files run two at a time. Each page gets a browser context, and so a window, of its own:
      // two tabs of one window would leave one hidden, with no animation frames. Focus emulation
      // lets both behave as the focused page.
      async createPage({ browser }) {
        const page = await (await browser.createBrowserContext()).newPage();
        const session = await page.createCDPSession();
        await session.send('Emulation.setFocusEmulationEnabled', { enabled: true });
        return page;
      },
    }),
  ],
  reporters: [defaultReporter(), summaryReporter({ outFile: process.env.TEST_SUMMARY_FILE })],
};
