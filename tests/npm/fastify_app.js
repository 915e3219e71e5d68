// The real fastify package under both runtimes: routes with params and query strings, JSON
// bodies through its content-type parser, schema validation errors, hooks, a custom
// header, 404, inject() (no socket) and a real request over the network with fetch.
const fastify = require('fastify')();

fastify.addHook('onRequest', async (req, reply) => {
  reply.header('x-hooked', req.method);
});
fastify.get('/users/:id', async (req) => ({ id: req.params.id, q: req.query }));
fastify.post('/echo', {
  schema: { body: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } } },
}, async (req, reply) => {
  reply.code(201);
  return { hello: req.body.name };
});
fastify.get('/fail', async () => {
  throw new Error('handler failed');
});

fastify.listen({ port: 0, host: '127.0.0.1' }).then(async (address) => {
  const show = async (res) => console.log(res.status, res.headers.get('x-hooked'), await res.text());
  await show(await fetch(`${address}/users/7?sort=asc`));
  const post = (body) => fetch(`${address}/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  await show(await post('{"name":"unode"}'));
  await show(await post('{"nom":1}'));
  await show(await post('{not json'));
  await show(await fetch(`${address}/fail`));
  await show(await fetch(`${address}/missing`));
  const injected = await fastify.inject({ method: 'GET', url: '/users/9' });
  console.log('inject', injected.statusCode, injected.body);
  await fastify.close();
  console.log('closed');
});
