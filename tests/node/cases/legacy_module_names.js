// Node's older module names still load, and are the same classes as the public ones.
const http = require('http');
const stream = require('stream');

for (const name of ['duplex', 'passthrough', 'readable', 'transform', 'writable']) {
  const cls = require(`_stream_${name}`);
  console.log(`_stream_${name}`, cls.name, cls === stream[cls.name]);
}
console.log('_http_agent', require('_http_agent').Agent === http.Agent, require('_http_agent').globalAgent === http.globalAgent);
console.log('_http_client', require('_http_client').ClientRequest === http.ClientRequest);
console.log('_http_incoming', require('_http_incoming').IncomingMessage === http.IncomingMessage);
console.log('_http_outgoing', require('_http_outgoing').OutgoingMessage === http.OutgoingMessage,
  require('_http_outgoing').validateHeaderName === http.validateHeaderName);
console.log('_http_server', require('_http_server').Server === http.Server, require('_http_server').ServerResponse === http.ServerResponse,
  require('_http_server').STATUS_CODES === http.STATUS_CODES);
const common = require('_http_common');
console.log('_http_common', common._checkIsHttpToken('x-ok'), common._checkIsHttpToken('not ok'),
  common._checkInvalidHeaderChar('fine'), common._checkInvalidHeaderChar('bad\r\n'),
  common.methods.join(), JSON.stringify(common.methods.slice().sort()) === JSON.stringify(http.METHODS), common.CRLF === '\r\n',
  common.continueExpression.test('100-continue'), common.chunkExpression.test('gzip, chunked'));
console.log(require('module').builtinModules.filter((m) => /^_(http|stream)_/.test(m) && m !== '_stream_wrap').join(' '));

// http.globalAgent and https.globalAgent can be replaced; _http_agent sees the new one.
const replacement = new http.Agent();
http.globalAgent = replacement;
console.log('replaced http agent', http.globalAgent === replacement, require('_http_agent').globalAgent === replacement);
const https = require('https');
const secure = new https.Agent();
https.globalAgent = secure;
console.log('replaced https agent', https.globalAgent === secure);
