// Plain node:http health/status service, CommonJS, no framework.
const http = require('node:http');
const { readFile } = require('node:fs/promises');
const path = require('node:path');

const PORT = Number(process.env.PORT) || 3000;
const PUBLIC_DIR = path.join(__dirname, 'public');
const startedAt = Date.now();
const recentErrors = [];

function sendJson(res, body) {
  res.statusCode = 200;
  res.setHeader('Content-Type', 'application/json');
  res.end(JSON.stringify(body));
}

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url, `http://${req.headers.host}`);

  // nginx's "client closed request" for the access log: a code of nginx's own, that no HTTP client knows.
  req.on('close', () => {
    if (!res.writableEnded) res.statusCode = 499;
  });

  if (url.pathname === '/index.html') {
    res.writeHead(301, { Location: '/' });
    return res.end();
  }

  if (url.pathname === '/health') {
    return sendJson(res, { ok: true, uptimeMs: Date.now() - startedAt });
  }

  if (url.pathname === '/errors') {
    return sendJson(res, recentErrors.slice(0, 100));
  }

  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain' });
    return res.end('Method Not Allowed\n');
  }

  const file = path.normalize(path.join(PUBLIC_DIR, url.pathname === '/' ? 'index.html' : url.pathname));
  if (!file.startsWith(PUBLIC_DIR)) {
    res.writeHead(403, { 'Content-Type': 'text/plain' });
    return res.end('Forbidden\n');
  }

  try {
    const data = await readFile(file);
    res.writeHead(200, { 'Content-Length': data.length });
    res.end(req.method === 'HEAD' ? undefined : data);
  } catch (err) {
    if (err.code === 'ENOENT') {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      return res.end('Not Found\n');
    }
    recentErrors.unshift({ at: new Date().toISOString(), message: err.message });
    recentErrors.length = Math.min(recentErrors.length, 200);
    res.statusCode = 500;
    res.end('Internal Server Error\n');
  }
});

server.keepAliveTimeout = 5000;
server.listen(PORT, () => {
  setTimeout(() => console.log(`listening on http://localhost:${PORT}`), 500);
});
