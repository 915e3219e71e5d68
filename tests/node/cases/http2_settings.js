// http2's constants and SETTINGS helpers, with Node's errors for bad values.
const http2 = require('http2');
const c = http2.constants;
console.log(Object.keys(c).length, c.HTTP2_HEADER_STATUS, c.HTTP2_HEADER_CONTENT_TYPE, c.HTTP2_METHOD_VERSION_CONTROL,
  c.HTTP_STATUS_TEAPOT, c.NGHTTP2_SETTINGS_ENABLE_CONNECT_PROTOCOL, c.MAX_MAX_FRAME_SIZE);
console.log(Object.keys(c).slice(0, 3), Object.keys(c).slice(-2));
console.log(http2.getDefaultSettings());
const packed = http2.getPackedSettings({ headerTableSize: 1, enablePush: true, maxConcurrentStreams: 3,
  initialWindowSize: 4, maxFrameSize: 16385, maxHeaderListSize: 6, enableConnectProtocol: true });
console.log(packed, http2.getUnpackedSettings(packed));
console.log(http2.getPackedSettings(), http2.getPackedSettings({ enablePush: false, maxFrameSize: 20000 }));
console.log(http2.getPackedSettings({ customSettings: { 9: 1 } }), http2.getUnpackedSettings(Buffer.from([0, 9, 0, 0, 0, 1, 0, 5, 0, 0, 0, 1])));
for (const bad of [{ maxFrameSize: 1 }, { enablePush: 1 }, { headerTableSize: -1 }, { initialWindowSize: 2 ** 31 }, 5]) {
  try { http2.getPackedSettings(bad); } catch (e) { console.log(e.name, e.code, e.message, e.actual, e.min, e.max); }
}
for (const [buf, opts] of [[Buffer.alloc(5)], ['x'], [Buffer.from([0, 5, 0, 0, 0, 1]), { validate: true }]]) {
  try { http2.getUnpackedSettings(buf, opts); } catch (e) { console.log(e.name, e.code, e.message); }
}
console.log(typeof http2.sensitiveHeaders, String(http2.sensitiveHeaders), typeof http2.Http2ServerRequest, typeof http2.connect);
