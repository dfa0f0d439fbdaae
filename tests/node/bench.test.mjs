// Runs the benchmark at small sizes so it keeps working as the element and the peers change.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('bench/run.mjs --quick', { timeout: 120_000 }, () => {
  let results;
  let run;

  before(() => {
    const dir = mkdtempSync(join(tmpdir(), 'nt-bench-'));
    const jsonFile = join(dir, 'bench.json');
    run = spawnSync(process.execPath, ['bench/run.mjs', '--quick', '--json', jsonFile], {
      cwd: root,
      encoding: 'utf8',
      timeout: 110_000,
    });
    try {
      results = JSON.parse(readFileSync(jsonFile, 'utf8'));
    } catch {
      results = null;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('writes its results and a Markdown table', () => {
    assert.equal(run.status, 0, run.stderr);
    assert.ok(results, 'no JSON written');
    assert.match(run.stdout, /^\| +\| news-timeline \(ours\) \| vis-timeline [\d.]+ \| TimelineJS [\d.]+ \|/m);
    assert.match(run.stdout, /^\| First render, 100 events \|/m);
  });

  for (const key of ['ours', 'vis', 'timelinejs']) {
    test(`${key}: drawn and zoomed at 100 events`, () => {
      const widget = results?.widgets?.[key];
      assert.ok(widget, `no results for ${key}`);
      const render = widget.render['100'];
      assert.ok(
        Number.isFinite(render?.median) && render.median > 0,
        `first render at 100 events: ${JSON.stringify(render)}`,
      );
      const zoom = widget.zoom['100'];
      assert.ok(Number.isFinite(zoom?.median) && zoom.median >= 0, `zoom at 100 events: ${JSON.stringify(zoom)}`);
      assert.equal(zoom.steps.length, results.settings.zoomSteps);
      assert.equal(zoom.pageZoom, 1, 'the input zoomed the page instead of the timeline');
    });
  }

  // The budget itself (80,000 B, d3 inside) is judged in the table of the full run, not here.
  test('ours is weighed: one request, no fonts, its verdict against the budget in the table', () => {
    const weight = results?.widgets?.ours?.weight;
    assert.ok(weight && !weight.error, `weight not measured: ${weight?.error}`);
    assert.ok(weight.gzip > 10_000 && weight.gzip < weight.raw, `${weight.gzip} B gzipped of ${weight.raw} B`);
    assert.match(run.stdout, /^\| Weight, gzipped \(level 9\) \| [\d,]+ B \|.*\| ≤ 80,000 B [✓✗] \|$/m);
    assert.deepEqual(weight.responses.map((r) => [r.url, r.status]), [['/dist/news-timeline.js', 200]]);
    assert.deepEqual(weight.failed, []);
    assert.equal(weight.fonts, 0);
  });

  test('the peers load their real libraries', () => {
    // A peer page that lost its library would make every ratio meaningless.
    assert.ok(results.widgets.vis.weight.gzip > 100_000, `vis-timeline: ${results.widgets.vis.weight.gzip} B`);
    assert.ok(results.widgets.timelinejs.weight.gzip > 50_000, `TimelineJS: ${results.widgets.timelinejs.weight.gzip} B`);
  });
});
