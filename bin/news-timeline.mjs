#!/usr/bin/env node
// news-timeline validate FILE…: checks timeline data files (native JSON, TimelineJS JSON, a
// vis-timeline item list or CSV, told apart by content) with the same reader the widget uses, and
// prints every problem with where it is, the same problem on many events as one line. Exits 1 when
// a file has errors, 2 on misuse.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const USAGE = `Usage: news-timeline validate [--json] [--all] [--base URL] FILE…

Checks timeline data files (native JSON, TimelineJS JSON, a vis-timeline item
list or CSV) and prints each problem with where it is; the same problem on many
events is one line. Exits with 1 when a file has errors, 0 otherwise.

Options:
  --json       print the result as JSON, every problem with its path and place
  --all        print every problem on a line of its own, even when many are alike
  --base URL   the address the files will be published at, so relative source
               links can be checked (e.g. https://example.org/stories/)
  -h, --help   show this help
`;

function misuse(message) {
  if (message) process.stderr.write(`news-timeline: ${message}\n\n`);
  process.stderr.write(USAGE);
  process.exit(2);
}

function plural(n, word) {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

const args = process.argv.slice(2);
if (args.includes('-h') || args.includes('--help')) {
  process.stdout.write(USAGE);
  process.exit(0);
}
if (args.length === 0) misuse();
const [command, ...rest] = args;
if (command !== 'validate') misuse(`unknown command "${command}"`);

let json = false;
let all = false;
let baseUrl;
const files = [];
for (let i = 0; i < rest.length; i++) {
  const arg = rest[i];
  if (arg === '--json') json = true;
  else if (arg === '--all') all = true;
  else if (arg === '--base') {
    baseUrl = rest[++i];
    if (!baseUrl) misuse('--base needs a URL');
    try {
      new URL(baseUrl);
    } catch {
      misuse(`--base "${baseUrl}" is not a URL`);
    }
  } else if (arg === '--') {
    files.push(...rest.slice(i + 1));
    break;
  } else if (arg.startsWith('-') && arg !== '-') misuse(`unknown option "${arg}"`);
  else files.push(arg);
}
if (files.length === 0) misuse('name at least one file to validate');

const modelPath = fileURLToPath(new URL('../dist/model.js', import.meta.url));
if (!existsSync(modelPath)) {
  process.stderr.write('news-timeline: dist/model.js is missing. Run npm run build first.\n');
  process.exit(2);
}
const { readData, groupProblems } = await import(pathToFileURL(modelPath).href);

const results = [];
for (const file of files) {
  let text;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    const reason = error.code === 'ENOENT' ? 'there is no such file' : error.code === 'EISDIR' ? 'it is a folder' : error.message;
    results.push({ file, readable: false, events: 0, errors: 1, warnings: 0, format: null, problems: [{ path: '(file)', where: 'the file', severity: 'error', message: `The file could not be read: ${reason}.` }] });
    continue;
  }
  const result = readData(text, baseUrl ? { baseUrl: new URL(file, baseUrl).href } : undefined);
  const errors = result.problems.filter((p) => p.severity === 'error').length;
  results.push({
    file,
    readable: true,
    format: result.format,
    events: result.dataset.events.length,
    errors,
    warnings: result.problems.length - errors,
    problems: result.problems,
  });
}

const failed = results.some((r) => r.errors > 0);
if (json) {
  process.stdout.write(JSON.stringify({ ok: !failed, files: results }, null, 2) + '\n');
} else {
  for (const r of results) {
    process.stdout.write(`${r.file}: ${plural(r.events, 'event')}, ${plural(r.errors, 'error')}, ${plural(r.warnings, 'warning')}\n`);
    // The lines of the editor's problem list: where (or which events, counted from 1), then what.
    const groups = all ? r.problems.flatMap((p) => groupProblems([p])) : groupProblems(r.problems);
    for (const group of groups) {
      const [first] = group.problems;
      const alike = group.problems.every((p) => p.message === first.message);
      if (group.problems.length === 1 || (group.kind === undefined && alike)) {
        process.stdout.write(`  ${group.severity}  ${group.heading}  ${group.message}\n`);
      } else {
        // "324 events have no source: 1, 2, 3 …", and one of them as it is told on its own.
        process.stdout.write(`  ${group.severity}  ${group.heading}\n  ${' '.repeat(group.severity.length)}  e.g. ${first.where ?? first.path}: ${first.message}\n`);
      }
    }
  }
}
process.exit(failed ? 1 : 0);
