// The validator CLI, run as an editor would: on files, reading its output and exit code.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ensureModel, root } from './model.mjs';

const bin = join(root, 'bin', 'news-timeline.mjs');
let dir;

function file(name, content) {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

function run(...args) {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: dir });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

const good = { events: [{ id: 'a', date: '2025-10-06', title: 'Talks open', sources: ['https://news.example/a'] }] };
const broken = {
  events: [
    { id: 'a', date: '2025-10-06', title: 'Talks open', sources: ['https://news.example/a'] },
    { id: 'b', date: '2024-13-45', title: 'Broken', sources: ['https://news.example/b'] },
    { id: 'c', date: '2025-10-08', title: 'Unsourced' },
  ],
};

before(async () => {
  await ensureModel();
  dir = mkdtempSync(join(tmpdir(), 'nt-cli-'));
});

after(() => rmSync(dir, { recursive: true, force: true }));

describe('news-timeline validate', () => {
  it('exits 0 on a good file and prints its summary', () => {
    const path = file('good.json', good);
    const { code, out } = run('validate', path);
    assert.equal(code, 0);
    assert.equal(out, `${path}: 1 event, 0 errors, 0 warnings\n`);
  });

  it('exits 1 on a file with a broken event and names the event by its number and title', () => {
    const path = file('broken.json', broken);
    const { code, out } = run('validate', path);
    assert.equal(code, 1);
    const lines = out.trimEnd().split('\n');
    assert.equal(lines[0], `${path}: 2 events, 1 error, 1 warning`);
    assert.match(lines[1], /^ {2}error {2}event 2 \('Broken'\), date {2}"2024-13-45" is not a valid date: month 13 does not exist\./);
    assert.match(lines[2], /^ {2}warning {2}event 3 \('Unsourced'\), sources {2}This event has no source/);
  });

  it('tells the same problem on many events as one line, or each with --all', () => {
    const events = Array.from({ length: 12 }, (_, i) => ({ date: `2025-10-${String(i + 1).padStart(2, '0')}`, title: `Report ${i + 1}` }));
    const path = file('unsourced.json', { events });
    const { code, out } = run('validate', path);
    assert.equal(code, 0);
    assert.equal(out, [
      `${path}: 12 events, 0 errors, 12 warnings`,
      '  warning  12 events have no source: 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 …',
      "           e.g. event 1 ('Report 1'), sources: This event has no source, so it is shown as unsourced. Add at least one source with a link starting with http:// or https://.",
      '',
    ].join('\n'));
    assert.equal(run('validate', '--all', path).out.trimEnd().split('\n').length, 13);
  });

  it('groups as the editor page does: rows by their file line, events counted from 1 with their titles', () => {
    const csv = file('short-rows.csv', 'date,title,source_url,publisher\n2025-10-06,Talks in Cairo,https://a.example/\n2025-10-07,Talks in Doha,https://a.example/\n2025-10-08,Truce,https://a.example/,Wire\n');
    assert.equal(run('validate', csv).out, [
      `${csv}: 3 events, 0 errors, 2 warnings`,
      '  warning  2 rows have a different number of cells than the header row: 2, 3',
      "           e.g. row 2 ('Talks in Cairo'): Row 2 has 3 cells, but the header row names 4 columns; the missing cells are read as empty.",
      '',
    ].join('\n'));
    // A problem on one event is its own line: where, then what.
    const json = file('one.json', { events: [good.events[0], { date: '2025-10-07', title: 'Talks in Cairo', summary: 5, sources: ['https://a.example/'] }] });
    assert.equal(
      run('validate', json).out.split('\n')[1],
      '  error  event 2 (\'Talks in Cairo\'), summary  The summary should be text; found the number 5. This event ("Talks in Cairo") is left out.',
    );
  });

  it('writes out a title\'s direction controls, so that it cannot turn the line around', () => {
    const path = file('rlo.json', { events: [{ date: '2025-10-06', title: 'Talks \u202ein Cairo\u200f' }] });
    const { out } = run('validate', path);
    assert.match(out, /event 1 \('Talks \\u202ein Cairo\\u200f'\), sources {2}This event has no source/);
    assert.doesNotMatch(out, /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/);
  });

  it('reads CSV by its content, whatever the file is called', () => {
    const path = file('story.txt', 'date,title,source_url\n2025-10-06,Talks,https://news.example/a\n2025-02-30,Bad,https://news.example/b\n');
    const { code, out } = run('validate', path);
    assert.equal(code, 1);
    assert.match(out, /: 1 event, 1 error, 0 warnings\n {2}error {2}row 3 \('Bad'\), column "date" {2}"2025-02-30" is not a valid date: February 2025 has only 28 days\./);
  });

  it('checks several files and fails when any of them has errors', () => {
    const { code, out } = run('validate', file('one.json', good), file('two.json', broken));
    assert.equal(code, 1);
    assert.equal(out.split('\n').filter((line) => !line.startsWith('  ')).filter(Boolean).length, 2);
  });

  it('says when a file cannot be read', () => {
    const { code, out } = run('validate', join(dir, 'missing.json'));
    assert.equal(code, 1);
    assert.match(out, /0 events, 1 error, 0 warnings\n {2}error {2}the file {2}The file could not be read: there is no such file\./);
  });

  it('explains a web page saved instead of the data', () => {
    const { code, out } = run('validate', file('page.json', '<!doctype html><title>Sign in</title>'));
    assert.equal(code, 1);
    assert.match(out, /error {2}the file {2}This looks like a web page \(HTML\)/);
  });

  it('prints machine-readable results with --json', () => {
    const { code, out } = run('validate', '--json', file('broken.json', broken));
    assert.equal(code, 1);
    const report = JSON.parse(out);
    assert.equal(report.ok, false);
    assert.equal(report.files.length, 1);
    assert.deepEqual(
      { format: report.files[0].format, events: report.files[0].events, errors: report.files[0].errors, warnings: report.files[0].warnings },
      { format: 'native', events: 2, errors: 1, warnings: 1 },
    );
    assert.deepEqual(report.files[0].problems.map((p) => [p.severity, p.path]), [['error', 'events[1].date'], ['warning', 'events[2].sources']]);
  });

  it('resolves relative source links against --base', () => {
    const path = file('relative.json', { events: [{ date: '2025-10-06', title: 'T', sources: ['docs/report.pdf'] }] });
    assert.match(run('validate', path).out, /relative link/);
    const { code, out } = run('validate', '--base', 'https://news.example/stories/', path);
    assert.equal(code, 0);
    assert.match(out, /1 event, 0 errors, 0 warnings/);
  });

  it('prints its usage and exits 2 on misuse', () => {
    for (const args of [[], ['check', 'x.json'], ['validate'], ['validate', '--strict', 'x.json'], ['validate', '--base']]) {
      const { code, err } = run(...args);
      assert.equal(code, 2, args.join(' '));
      assert.match(err, /Usage: news-timeline validate/);
    }
    const help = run('--help');
    assert.equal(help.code, 0);
    assert.match(help.out, /^Usage: news-timeline validate/);
  });

  it('asks for a build when dist/model.js is missing', () => {
    const copy = join(dir, 'package');
    mkdirSync(join(copy, 'bin'), { recursive: true });
    copyFileSync(bin, join(copy, 'bin', 'news-timeline.mjs'));
    const result = spawnSync(process.execPath, [join(copy, 'bin', 'news-timeline.mjs'), 'validate', file('good.json', good)], { encoding: 'utf8' });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /Run npm run build first/);
  });
});
