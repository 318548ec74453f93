// A small static server for the demo (build/demo), with no dependency: the strict page is
// served with `Content-Security-Policy: default-src 'self'`, HTML pages get today's date where
// they say __TODAY__ (as a server-rendered portal page would), and POST /echo shows what a
// host <form> submitted.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** The pages served with the strict policy. */
export const STRICT_PAGES = new Set(['/strict.html']);
export const STRICT_CSP = "default-src 'self'";

const escapeHtml = (s) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

async function readBody(req, limit = 1 << 20) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > limit) throw new Error('body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function echoPage(fields) {
  const rows = [...fields].map(([name, value]) => {
    let shown = value;
    try {
      shown = JSON.stringify(JSON.parse(value), null, 2);
    } catch {
      // not JSON: shown as sent
    }
    return `<h2><code>${escapeHtml(name)}</code></h2><pre>${escapeHtml(shown)}</pre>`;
  });
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>服务器收到的表单 · What the server received</title>
<link rel="icon" href="favicon.svg"><link rel="stylesheet" href="demo.css"></head><body><main><h1>服务器收到的表单 · What the server received</h1>
${rows.join('\n')}<p><a href="plain.html">返回 Back</a></p></main></body></html>`;
}

/**
 * Serves `root` on `host:port` (port 0: any free port). Resolves to `{ url, server, close }`.
 */
export function serveDemo({ root, port = 0, host = '127.0.0.1' }) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      let path = decodeURIComponent(url.pathname);
      if (req.method === 'POST' && path === '/echo') {
        const body = await readBody(req);
        const html = echoPage(new URLSearchParams(body));
        res.writeHead(200, { 'content-type': TYPES['.html'], 'content-security-policy': STRICT_CSP });
        res.end(html);
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD, POST' }).end();
        return;
      }
      if (path.endsWith('/')) path += 'index.html';
      const file = normalize(join(base, path));
      if (file !== base && !file.startsWith(base + sep)) {
        res.writeHead(403).end();
        return;
      }
      const info = await stat(file).catch(() => null);
      if (!info?.isFile()) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
        return;
      }
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      let body = await readFile(file);
      if (type.startsWith('text/html')) body = Buffer.from(body.toString('utf8').replaceAll('__TODAY__', today()));
      const headers = { 'content-type': type, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' };
      if (STRICT_PAGES.has(path)) headers['content-security-policy'] = STRICT_CSP;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(String(error));
    }
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const url = `http://${host}:${address.port}/`;
      resolvePromise({ url, server, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}
