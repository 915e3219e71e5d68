// WHATWG streams: readers, controllers, back-pressure, errors, tee, pipes, transforms,
// byte streams with BYOB readers, async iteration, ReadableStream.from, encoding and
// compression streams, and Node's errors for misuse.
const { inspect } = require('util');
const web = require('stream/web');
const log = (...a) => console.log(...a.map((v) => (typeof v === 'string' ? v : inspect(v))));
const err = (e) => `${e.name} ${e.code} ${e.message}`;

async function main() {
  log(Object.keys(web).every((k) => globalThis[k] === web[k]));

  // Pull-driven source with a count strategy.
  const pulls = [];
  let n = 0;
  const rs = new ReadableStream({
    start(c) { pulls.push(`start ${c.desiredSize}`); },
    pull(c) {
      pulls.push(`pull ${c.desiredSize}`);
      if (n < 3) c.enqueue(n++);
      else c.close();
    },
  }, { highWaterMark: 2 });
  const reader = rs.getReader();
  const got = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    got.push(value);
  }
  log(got, pulls, rs.locked, inspect(rs));
  reader.releaseLock();
  log(rs.locked);
  await reader.closed.then(() => log('closed resolved'), (e) => log('closed', err(e)));

  // Locking and state errors.
  const locked = new ReadableStream();
  locked.getReader();
  try { locked.getReader(); } catch (e) { log(err(e)); }
  await locked.cancel().catch((e) => log('cancel locked', err(e)));
  try { new ReadableStream({ type: 'nope' }); } catch (e) { log(err(e)); }
  try { new ReadableStream({}, { highWaterMark: -1 }); } catch (e) { log(err(e)); }
  new ReadableStream({ start(c) { c.close(); try { c.enqueue(1); } catch (e) { log(err(e)); } } });
  const released = new ReadableStream({ pull() {} }).getReader();
  const pending = released.read();
  released.releaseLock();
  await pending.catch((e) => log('pending read', err(e)));

  // Errors reach readers; cancel reaches the source.
  const failing = new ReadableStream({ pull(c) { c.error(new Error('boom')); } });
  await failing.getReader().read().catch((e) => log('read error', e.message));
  const canceled = new ReadableStream({ cancel(reason) { log('source cancel', reason); } });
  await canceled.cancel('why');
  log(inspect(canceled));

  // tee: both branches see every chunk.
  const [a, b] = ReadableStream.from(['x', 'y', 'z']).tee();
  const all = async (s) => { const out = []; for await (const v of s) out.push(v); return out; };
  log(await all(a), await all(b));

  // Async iteration, breaking early cancels unless preventCancel.
  let cancels = 0;
  const counting = () => new ReadableStream({
    start(c) { for (let i = 0; i < 5; i++) c.enqueue(i); },
    cancel() { cancels++; },
  });
  for await (const v of counting()) if (v === 1) break;
  const kept = counting();
  for await (const v of kept.values({ preventCancel: true })) if (v === 1) break;
  log('cancels', cancels, kept.locked);
  log(await all(ReadableStream.from((async function* () { yield 1; yield 2; })())));

  // WritableStream with back-pressure and a sink that sees every chunk.
  const written = [];
  const ws = new WritableStream({
    write(chunk) { written.push(chunk); return new Promise((r) => setTimeout(r, 1)); },
    close() { written.push('closed'); },
  }, new CountQueuingStrategy({ highWaterMark: 2 }));
  const writer = ws.getWriter();
  log('desired', writer.desiredSize);
  writer.write('a');
  writer.write('b');
  log('desired after 2', writer.desiredSize);
  await writer.ready;
  await writer.close();
  log(written, inspect(ws));
  try { ws.getWriter(); } catch (e) { log(err(e)); }

  // Abort and a sink error.
  const aborted = new WritableStream({ abort(reason) { log('sink abort', reason); } });
  await aborted.abort('stop');
  const broken = new WritableStream({ write() { throw new Error('sink failed'); } });
  const bw = broken.getWriter();
  await bw.write(1).catch((e) => log('write rejected', e.message));
  await bw.closed.catch((e) => log('closed rejected', e.message));

  // pipeThrough a TransformStream, pipeTo a WritableStream.
  const upper = new TransformStream({
    transform(chunk, c) { c.enqueue(String(chunk).toUpperCase()); },
    flush(c) { c.enqueue('!'); },
  });
  const sink = [];
  await ReadableStream.from(['a', 'b']).pipeThrough(upper).pipeTo(new WritableStream({ write(c) { sink.push(c); } }));
  log(sink, inspect(new TransformStream()));

  // A pipe from an erroring source aborts the destination.
  await new ReadableStream({ start(c) { c.error(new Error('src')); } })
    .pipeTo(new WritableStream({ abort(r) { log('dest aborted', r.message); } }))
    .catch((e) => log('pipe rejected', e.message));
  // An AbortSignal stops a pipe.
  const ac = new AbortController();
  const slow = new ReadableStream({ pull(c) { return new Promise((r) => setTimeout(() => { try { c.enqueue(1); } catch {} r(); }, 5)); } });
  const piping = slow.pipeTo(new WritableStream(), { signal: ac.signal });
  setTimeout(() => ac.abort(), 20);
  await piping.catch((e) => log('pipe aborted', e.name));

  // Byte streams: default reads, BYOB reads with min, respond.
  const bytes = new ReadableStream({
    type: 'bytes',
    start(c) { c.enqueue(new Uint8Array([1, 2, 3, 4, 5])); c.close(); },
  });
  log(inspect(bytes));
  const byob = bytes.getReader({ mode: 'byob' });
  log(await byob.read(new Uint8Array(2)));
  log(await byob.read(new Uint8Array(8)));
  log(await byob.read(new Uint8Array(8)));
  const responding = new ReadableStream({
    type: 'bytes',
    pull(c) {
      const view = c.byobRequest.view;
      view[0] = 42;
      view[1] = 43;
      c.byobRequest.respond(2);
      c.close();
    },
  });
  const r2 = responding.getReader({ mode: 'byob' });
  log(await r2.read(new Uint8Array(4)));
  const auto = new ReadableStream({
    type: 'bytes',
    autoAllocateChunkSize: 4,
    pull(c) { c.byobRequest.view.set([7, 8]); c.byobRequest.respond(2); c.close(); },
  });
  log(await auto.getReader().read());
  try { new ReadableStream().getReader({ mode: 'byob' }); } catch (e) { log(err(e)); }

  // Strategies, encoding and compression streams.
  const bl = new ByteLengthQueuingStrategy({ highWaterMark: 16 });
  log(bl.highWaterMark, bl.size(new Uint8Array(5)), new CountQueuingStrategy({ highWaterMark: 3 }).size());
  const text = await all(ReadableStream.from(['h\u00e9', 'llo \ud83d', '\ude00']).pipeThrough(new TextEncoderStream()));
  log(text.map((u) => Array.from(u)));
  const decoded = await all(ReadableStream.from([new Uint8Array([0x68, 0xc3]), new Uint8Array([0xa9, 0x21])]).pipeThrough(new TextDecoderStream()));
  log(decoded, new TextDecoderStream('utf-8', { fatal: true }).fatal);
  const zipped = await all(ReadableStream.from([new TextEncoder().encode('compress me '.repeat(20))])
    .pipeThrough(new CompressionStream('gzip')).pipeThrough(new DecompressionStream('gzip')).pipeThrough(new TextDecoderStream()));
  log(zipped.join('').length);
  try { new CompressionStream('zip'); } catch (e) { log(err(e)); }
}
main().catch((e) => { console.log('FAILED', e); process.exitCode = 1; });
