// Serves the project folder over HTTP for the demo, the editor page and the benchmark.
// Usage: node scripts/serve.mjs [--port N]   (PORT works too; a busy port falls back to a free one)
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.md': 'text/markdown; charset=utf-8',
};

/**
 * `routes(req, res, url)`, when given, answers first: it returns true for a request it answered
 * (the benchmark's generated pages and delayed data), and the folder serves the rest.
 */
export function serve({ port = 0, host = '127.0.0.1', headers = {}, routes } = {}) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (routes && (await routes(req, res, url))) return;
    let path = normalize(join(root, decodeURIComponent(url.pathname)));
    if (!path.startsWith(root)) {
      res.writeHead(403).end('Forbidden');
      return;
    }
    try {
      if (statSync(path).isDirectory()) path = join(path, 'index.html');
      const size = statSync(path).size;
      res.writeHead(200, {
        'content-type': types[extname(path)] ?? 'application/octet-stream',
        'content-length': size,
        'cache-control': 'no-cache',
        ...headers,
      });
      createReadStream(path).pipe(res);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    }
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolvePromise(server));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const flag = process.argv.indexOf('--port');
  const wanted = Number(flag > 0 ? process.argv[flag + 1] : process.env.PORT ?? 8000);
  const server = await serve({ port: wanted }).catch(() => serve({ port: 0 }));
  const { port } = server.address();
  console.log(`news-timeline demo:   http://localhost:${port}/demo/`);
  console.log(`editor:               http://localhost:${port}/demo/editor.html`);
  console.log(`iframe embed:         http://localhost:${port}/demo/embed.html?src=../data/events.json`);
}
