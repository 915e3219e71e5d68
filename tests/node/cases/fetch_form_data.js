// FormData: entries (strings, Blobs as Files named "blob", Files with a new name), the
// list operations, errors, inspection; a fetch body as multipart/form-data (sent to a local
// server, boundary and all), and formData() of multipart and URL-encoded bodies.
const http = require('http');

const show = (label, f) => {
  try {
    console.log(label, JSON.stringify(f()));
  } catch (e) {
    console.log(label, 'throws', e.name, e.message);
  }
};
const describe = (v) => (typeof v === 'string' ? v : [v.constructor.name, v.name, v.type, v.size]);
const normalize = (text) => text.replace(/formdata-undici-\d+/g, 'BOUNDARY');

const fd = new FormData();
fd.append('a', '1');
fd.append('f', new Blob(['xy'], { type: 'text/plain' }), 'f.txt');
fd.append('b', new Blob(['z']));
fd.append('a', 2);
fd.append('line\nbreak"', 'one\ntwo\r\nthree\rfour');
fd.append('named', new File(['q'], 'orig.bin', { type: 'application/x-q' }), 'renamed.bin');
show('entries', () => [...fd].map(([k, v]) => [k, describe(v)]));
show('get/getAll/has', () => [fd.get('a'), fd.getAll('a'), fd.has('f'), fd.has('nope'), fd.get('nope'), describe(fd.get('b'))]);
fd.set('a', 'only');
fd.delete('b');
show('after set/delete', () => [...fd.keys()]);
show('values', () => [...fd.values()].map(describe));
const seen = [];
fd.forEach(function(value, key, form) { seen.push([key, form === fd, this.tag]); }, { tag: 't' });
show('forEach', () => seen);
show('tag', () => [Object.prototype.toString.call(fd), Object.keys(FormData.prototype)]);
show('append one argument', () => fd.append('x'));
show('filename with string', () => fd.append('x', 'y', 'name.txt'));
show('constructor argument', () => new FormData(1));

(async () => {
  const response = new Response(fd);
  console.log('content-type', normalize(response.headers.get('content-type')));
  console.log(JSON.stringify(normalize(await response.text())));

  const body = '--XX\r\nContent-Disposition: form-data; name="k"\r\n\r\nv\r\n--XX\r\n' +
    'Content-Disposition: form-data; name="file"; filename="a.bin"\r\nContent-Type: application/x-test\r\n\r\nDATA\r\n--XX--\r\n';
  const parsed = await new Response(body, { headers: { 'content-type': 'multipart/form-data; boundary=XX' } }).formData();
  console.log('multipart', JSON.stringify([...parsed].map(([k, v]) => [k, describe(v)])), await parsed.get('file').text());
  const encoded = await new Response('a=1&b=%20x&a=3', { headers: { 'content-type': 'application/x-www-form-urlencoded' } }).formData();
  console.log('urlencoded', JSON.stringify([...encoded]));
  await new Response('x', { headers: { 'content-type': 'text/plain' } }).formData().catch((e) => console.log(e.name, e.message));
  const roundTrip = await new Response(fd).formData();
  console.log('round trip', JSON.stringify([...roundTrip].map(([k, v]) => [k, describe(v)])));
  const request = new Request('http://x/', { method: 'POST', body: fd });
  console.log('request', normalize(request.headers.get('content-type')), (await (await request.formData()).get('named').text()));

  const server = http.createServer((req, res) => {
    let got = '';
    req.on('data', (d) => (got += d));
    req.on('end', () => {
      res.end(JSON.stringify({ type: normalize(req.headers['content-type']), length: req.headers['content-length'], body: normalize(got) }));
    });
  });
  server.listen(0, '127.0.0.1', async () => {
    const small = new FormData();
    small.append('name', 'value');
    small.append('upload', new Blob(['file body'], { type: 'text/plain' }), 'u.txt');
    const r = await fetch(`http://127.0.0.1:${server.address().port}/`, { method: 'POST', body: small });
    console.log('fetch', await r.text());
    server.close();
  });
})();
