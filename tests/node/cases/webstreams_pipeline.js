// stream.pipeline (the promise form) with WHATWG streams among the stages: a
// ReadableStream source, a TransformStream, a WritableStream destination, a fetch body.
const { pipeline } = require('stream/promises');
const { Writable, Readable } = require('stream');

(async () => {
  const out = [];
  await pipeline(
    ReadableStream.from(['a', 'b']),
    new TransformStream({ transform(c, ctl) { ctl.enqueue(String(c).toUpperCase()); } }),
    new WritableStream({ write(c) { out.push(String(c)); } }),
  );
  console.log(out);
  const chunks = [];
  await pipeline(Readable.from(['x', 'y']), new TextEncoderStream(), new Writable({
    write(c, e, cb) {
      chunks.push(Buffer.from(c).toString());
      cb();
    },
  }));
  console.log(chunks);
  let got = '';
  await pipeline(new Response('body text').body, new Writable({
    write(c, e, cb) {
      got += c;
      cb();
    },
  }));
  console.log(got);
  await pipeline(ReadableStream.from(['z']), new WritableStream({ write() { throw new Error('sink says no'); } }))
    .catch((e) => console.log('rejected:', e.message));
})();
