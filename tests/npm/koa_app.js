// The real koa 3 package under both runtimes: middleware order and timing headers, JSON
// and stream bodies (koa 3 checks bodies against WHATWG ReadableStream), ctx.throw, query
// strings and a 404.
const Koa = require('koa');
const http = require('http');
const { Readable } = require('stream');

const app = new Koa();
app.use(async (ctx, next) => {
  await next();
  ctx.set('X-Seen', 'yes');
});
app.use(async (ctx) => {
  if (ctx.path === '/err') ctx.throw(418, 'teapot');
  if (ctx.path === '/stream') {
    ctx.type = 'text/plain';
    ctx.body = Readable.from(['one ', 'two ', 'three']);
    return;
  }
  if (ctx.path === '/web') {
    ctx.type = 'text/plain';
    ctx.body = ReadableStream.from(['web ', 'stream']).pipeThrough(new TextEncoderStream());
    return;
  }
  if (ctx.path === '/missing') return;
  ctx.body = { path: ctx.path, query: ctx.query, method: ctx.method };
});

function get(port, path) {
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { body += c; });
      res.on('end', () => resolve(`${res.statusCode} ${res.headers['content-type']} ${res.headers['x-seen']} ${body}`));
    }).on('error', reject);
  });
}

const server = app.listen(0, '127.0.0.1', async () => {
  const { port } = server.address();
  for (const path of ['/a?b=1&c=two', '/err', '/stream', '/web', '/missing']) console.log(await get(port, path));
  server.close();
});
