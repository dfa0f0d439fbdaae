// Counts tests over all files and prints "N passed, N failed" as the very last line, on exit,
// after Web Test Runner has finished redrawing its progress lines. A test file that fails to
// load, or reports an error outside any test, counts as one failed test.
import { writeFileSync } from 'node:fs';

function countSuite(suite, counts) {
  for (const test of suite.tests ?? []) {
    if (test.skipped) counts.skipped += 1;
    else if (test.passed) counts.passed += 1;
    else counts.failed += 1;
  }
  for (const child of suite.suites ?? []) countSuite(child, counts);
}

export function summaryReporter({ outFile } = {}) {
  const counts = { passed: 0, failed: 0, skipped: 0, failedFiles: [] };
  let done = false;
  return {
    onTestRunFinished({ sessions }) {
      for (const session of sessions) {
        const before = counts.failed;
        if (session.testResults) countSuite(session.testResults, counts);
        const loadFailed = (session.errors?.length ?? 0) > 0 || session.status !== 'FINISHED';
        if (loadFailed) counts.failed += 1;
        if (counts.failed > before) counts.failedFiles.push(session.testFile);
      }
      done = true;
    },
    stop() {
      if (outFile) writeFileSync(outFile, JSON.stringify(counts));
      process.once('exit', () => {
        if (!done) counts.failed += 1;
        if (!outFile) process.stdout.write(`\n${counts.passed} passed, ${counts.failed} failed\n`);
      });
    },
  };
}
