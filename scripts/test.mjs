// Runs the browser tests in Chromium, then the Node tests (the validator CLI), and ends on
// one line "N passed, N failed" that counts both.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireChrome } from './chrome.mjs';

requireChrome();
const dir = mkdtempSync(join(tmpdir(), 'nt-test-'));
const extra = process.argv.slice(2);
// These files read and draw files of 50 MB: they run after the others, one at a time, so that no
// other test file shares the memory and the CPU with them. (How long they hold the page is
// measured by bench/tasks.mjs, not by tests.)
const ALONE = ['tests/security/large.test.ts'];

let passed = 0;
let failed = 0;

/** One Web Test Runner run; its counts are added to the totals. */
function browserTests(name, env, args = []) {
  const summaryFile = join(dir, `${name}.json`);
  const wtr = spawnSync('npx', ['wtr', '--config', 'web-test-runner.config.mjs', ...args, ...extra], {
    stdio: 'inherit',
    env: { ...process.env, ...env, TEST_SUMMARY_FILE: summaryFile },
  });
  let runFailed = 0;
  if (existsSync(summaryFile)) {
    const counts = JSON.parse(readFileSync(summaryFile, 'utf8'));
    passed += counts.passed;
    runFailed += counts.failed;
    if (counts.failedFiles.length) console.log(`\nFailed in the browser: ${counts.failedFiles.join(', ')}`);
  } else {
    console.log('\nThe browser tests did not report (Web Test Runner exited early).');
    runFailed += 1;
  }
  if (wtr.status !== 0 && runFailed === 0) runFailed += 1;
  failed += runFailed;
}

if (process.env.TEST_FILES || extra.length) browserTests('chosen', {});
else {
  browserTests('shared', { TEST_SKIP: ALONE.join(',') });
  browserTests('alone', { TEST_FILES: ALONE.join(',') }, ['--concurrency', '1']);
}

const nodeTests = existsSync('tests/node')
  ? readdirSync('tests/node').filter((f) => f.endsWith('.test.mjs')).map((f) => join('tests/node', f))
  : [];
if (nodeTests.length && extra.length === 0) {
  const node = spawnSync(process.execPath, ['--test', '--test-reporter=tap', ...nodeTests], { encoding: 'utf8' });
  process.stdout.write(node.stdout.split('\n').filter((l) => /^(not )?ok |^# (pass|fail)/.test(l.trim())).join('\n') + '\n');
  const pass = Number(/^# pass (\d+)/m.exec(node.stdout)?.[1] ?? 0);
  const fail = Number(/^# fail (\d+)/m.exec(node.stdout)?.[1] ?? 0);
  passed += pass;
  failed += fail + (node.status !== 0 && fail === 0 ? 1 : 0);
  if (node.status !== 0) {
    // What each failed test said: its TAP block, from "not ok" to the end of its diagnostics.
    const lines = node.stdout.split('\n');
    lines.forEach((line, i) => {
      if (!/^\s*not ok /.test(line)) return;
      const end = lines.findIndex((l, j) => j > i && /^\s*\.\.\.$/.test(l));
      process.stdout.write(lines.slice(i, end < 0 ? i + 1 : end + 1).join('\n') + '\n');
    });
    process.stdout.write(node.stderr);
  }
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
