// The bundle's fold of the white space in the widget's templates (rollup.config.mjs): a template's
// parts before and after, as the transform sees them (the text between its `${…}` values).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { foldSpace, UNUSED_D3_METHODS } from '../../rollup.config.mjs';

describe('rollup.config.mjs: foldSpace', () => {
  test('drops a run with a line break between tags, values and the ends of a template', () => {
    assert.deepEqual(foldSpace(['\n  <div>\n    <span>a</span>\n    ', '\n  </div>\n']), ['<div><span>a</span>', '</div>']);
    assert.deepEqual(foldSpace(['\n    ', '\n    ', '\n  ']), ['', '', '']);
  });

  test('keeps a space written on a line between tags, and makes one of a line break between words', () => {
    assert.deepEqual(foldSpace(['<b>', '</b> <i>', '</i>']), ['<b>', '</b> <i>', '</i>']);
    assert.deepEqual(foldSpace(['<p>one\n      two ·\n      <span>three</span></p>']), ['<p>one two · <span>three</span></p>']);
  });

  test('inside a tag, a line break is one space, so that attributes and the words of their values stay apart', () => {
    assert.deepEqual(foldSpace(['<button\n    type="button"\n    class="mark ', '\n      ', '"\n  >', '</button>']), [
      '<button type="button" class="mark ',
      ' ',
      '" >',
      '</button>',
    ]);
    // A `>` inside a quoted value does not end the tag.
    assert.deepEqual(foldSpace(['<a title="a > b"\n  href=', '\n>x</a>']), ['<a title="a > b" href=', ' >x</a>']);
  });
});

describe('rollup.config.mjs: the d3 methods the bundle leaves out', () => {
  // Those that no array, string or DOM node has: a call of one of them on anything is a call on d3.
  const DOM_OR_ARRAY = new Set(['select', 'selectAll', 'data', 'merge', 'sort', 'text', 'append', 'insert', 'remove', 'dispatch', 'filter', 'style', 'join', 'clone', 'order', 'html']);

  test('no source calls one of them: it would work in the tests, which run the source, and fail in the bundle', () => {
    const names = new Set(Object.values(UNUSED_D3_METHODS).flatMap(({ methods }) => methods).filter((name) => !DOM_OR_ARRAY.has(name)));
    const call = new RegExp(`\\.(${[...names].join('|')})\\(`);
    const calls = readdirSync('src', { recursive: true })
      .filter((file) => String(file).endsWith('.ts'))
      .flatMap((file) => readFileSync(join('src', String(file)), 'utf8').split('\n').map((line, i) => [`src/${file}:${i + 1}`, line]))
      .filter(([, line]) => call.test(line))
      .map(([where, line]) => `${where}: ${line.trim()}`);
    assert.ok(names.has('classed') && names.has('attr'));
    assert.deepEqual(calls, []);
  });
});
