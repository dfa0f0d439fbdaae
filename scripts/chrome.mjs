// Finds the Chromium that tests, benchmarks and screenshots drive. CHROME_PATH wins.
import { existsSync } from 'node:fs';

const candidates = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

export function findChrome() {
  return candidates.find((path) => path && existsSync(path));
}

export function requireChrome() {
  const path = findChrome();
  if (!path) {
    console.error(
      'No Chromium found. Install it (Debian: apt-get install -y chromium) ' +
        'or set CHROME_PATH to a Chromium or Chrome executable.',
    );
    process.exit(1);
  }
  return path;
}

/** Flags for headless Chromium on a locked-down machine (root, no GPU, small /dev/shm, no network). */
export const chromeArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
