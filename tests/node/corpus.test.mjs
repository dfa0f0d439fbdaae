// The validator and the model agree on every file of the corpus (tests/fixtures/corpus/), in Node:
// the counts the CLI prints are those of readData, its problems the same, and both what
// expected.json says.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { loadModel, root } from './model.mjs';

const corpus = join(root, 'tests', 'fixtures', 'corpus');
const expected = JSON.parse(readFileSync(join(corpus, 'expected.json'), 'utf8'));
const names = Object.keys(expected);
let model;
let report;

before(async () => {
  model = await loadModel();
  const cli = spawnSync(process.execPath, [join(root, 'bin', 'news-timeline.mjs'), 'validate', '--json', ...names], { cwd: corpus, encoding: 'utf8' });
  assert.equal(cli.status, 1, cli.stderr);
  report = JSON.parse(cli.stdout);
});

describe('news-timeline validate and the model agree on the corpus', () => {
  for (const name of names) {
    it(name, () => {
      const result = model.readData(readFileSync(join(corpus, name), 'utf8'));
      const errors = result.problems.filter((p) => p.severity === 'error').length;
      const file = report.files.find((f) => f.file === name);
      const want = expected[name];
      assert.deepEqual(
        { format: file.format, events: file.events, errors: file.errors, warnings: file.warnings },
        { format: result.format, events: result.dataset.events.length, errors, warnings: result.problems.length - errors },
      );
      assert.deepEqual(file.problems, result.problems);
      assert.deepEqual({ format: file.format, events: file.events, errors: file.errors, warnings: file.warnings }, {
        format: want.format, events: want.events, errors: want.errors, warnings: want.warnings,
      });
    });
  }
});
