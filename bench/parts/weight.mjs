// Weight: every response the page gets for the widget, gzipped at level 9.
import { gzipSync } from 'node:zlib';
import { log, openBenchPage, render, shortError } from '../lib/browser.mjs';

async function measureWeight(ctx, widget, payload) {
  const { browser, baseUrl, settings } = ctx;
  const responses = [];
  const failed = [];
  const pending = [];
  const onResponse = (response) => {
    const url = response.url();
    const path = new URL(url).pathname;
    // The bare HTML page is the host article's, not the widget's.
    if (path.startsWith('/bench/pages/') || path === '/favicon.ico') return;
    pending.push(
      response
        .buffer()
        .then((body) => {
          responses.push({
            url: url.startsWith(baseUrl) ? '/' + url.slice(baseUrl.length) : url,
            status: response.status(),
            type: response.headers()['content-type']?.split(';')[0] ?? '',
            raw: body.length,
            gzip: gzipSync(body, { level: 9 }).length,
          });
        })
        .catch(() => {}),
    );
  };
  const onFailed = (request) => {
    if (new URL(request.url()).pathname === '/favicon.ico') return;
    failed.push({ url: request.url(), error: request.failure()?.errorText ?? 'failed' });
  };
  // What the page downloads counts even when the widget then fails to draw.
  const session = await openBenchPage(browser, baseUrl, widget, { onResponse, onFailed, tolerateNotReady: true });
  let renderError = session.notReady;
  try {
    if (!renderError) {
      try {
        await render(session, payload, settings.renderLimitMs);
      } catch (error) {
        renderError = shortError(error);
      }
    }
    // Fonts and icons are fetched when first used, after the first draw.
    await session.page.waitForNetworkIdle({ idleTime: 500, timeout: 10_000 }).catch(() => {});
    await Promise.all(pending);
  } finally {
    await session.close();
  }
  responses.sort((a, b) => a.url.localeCompare(b.url));
  const sum = (key) => responses.reduce((total, r) => total + r[key], 0);
  const isFont = (r) => /^font\//.test(r.type ?? '') || /\.(woff2?|ttf|otf|eot)([?#].*)?$/.test(r.url);
  return {
    gzip: sum('gzip'),
    raw: sum('raw'),
    requests: responses.length + failed.length,
    fonts: responses.filter(isFont).length + failed.filter(isFont).length,
    responses,
    failed,
    renderError,
  };
}

/** Once per widget: what it downloads does not change from run to run. */
export async function weightPart(ctx) {
  for (const widget of ctx.widgets) {
    const out = ctx.result(widget);
    try {
      out.weight = await measureWeight(ctx, widget, widget.convert(ctx.events(100)));
      log(`  ${widget.short}: ${out.weight.gzip} B gzipped, ${out.weight.raw} B raw, ${out.weight.requests} requests`);
    } catch (error) {
      out.weight = { error: shortError(error) };
      log(`  ${widget.short}: error: ${out.weight.error}`);
    }
  }
}
