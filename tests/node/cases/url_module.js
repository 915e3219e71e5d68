// WHATWG URL and URLSearchParams, legacy url.parse/format/resolve, file URLs.
const url = require('url');
const show = (label, fn) => {
  try {
    const v = fn();
    console.log(label, typeof v === 'string' ? JSON.stringify(v) : v);
  } catch (e) {
    console.log(label, 'throws', e.name, e.code, e.message);
  }
};
const inputs = [
  'http://example.com/a/b/../c?x=1&y=2#frag', 'HTTPS://EXAMPLE.com:443/', 'http://0x7f.1/', 'http://[::ffff:1.2.3.4]/',
  'file:///C:/../x', 'non-spec:/.//p', 'http:\\\\host\\path', ' \t http://a.com/\n ', 'http://a.com:99999/', 'http://a b/',
  'sc://ñ.com/', 'http://ñ.com/', 'blob:https://a.com/uuid', 'data:text/plain,hi', 'mailto:x@y.z', 'http://u:p@h/', 'ws://h:80/',
  '//relative', 'http://1.2.3.4.5/', 'http://999999999/', 'http://[1:2::]/', 'javascript:alert(1)',
];
for (const i of inputs) show('URL ' + JSON.stringify(i), () => new URL(i).href);
show('relative', () => new URL('../d?q#h', 'http://a.com/b/c').href);
show('canParse', () => [URL.canParse('x'), URL.canParse('/p', 'http://a')]);
const u = new URL('http://a.com/p?b=2&a=1');
u.searchParams.append('c', '3 4');
u.searchParams.sort();
u.hash = 'top';
u.port = '8080';
u.pathname = '/new path';
console.log(u.href, u.search, [...u.searchParams], u.searchParams.size);
console.log(u);
console.log(JSON.stringify({ u }), String(u), u.origin);
const sp = new URLSearchParams({ a: '1', b: 'x y' });
sp.set('a', 'é');
sp.delete('b');
console.log(sp.toString(), new URLSearchParams('?q=%20%2B+x&q=2').getAll('q'), new URLSearchParams([['k', 'v']]).get('k'), sp);
show('bad tuple', () => new URLSearchParams([[1, 2, 3]]));
show('invalid', () => new URL('not a url'));
show('href setter', () => { const x = new URL('http://a'); x.href = 'bad'; });
show('legacy parse', () => url.parse('http://user:pw@host.com:8080/p/a/t/h?query=string#hash', true));
show('legacy format', () => url.format({ protocol: 'https', hostname: 'a.com', pathname: '/x', query: { q: '1' } }));
show('legacy resolve', () => [url.resolve('http://a/b/c/d;p?q', '../g'), url.resolve('/one/two', 'three'), url.resolve('http://a.com/', '//b.com/x')]);
show('fileURLToPath', () => url.fileURLToPath('file:///tmp/a%20b.txt'));
show('fileURLToPath bad', () => url.fileURLToPath('http://a/b'));
show('fileURLToPath host', () => url.fileURLToPath('file://host/x'));
show('pathToFileURL', () => url.pathToFileURL('/tmp/a b#c?.txt').href);
show('domainToASCII', () => [url.domainToASCII('español.com'), url.domainToASCII('xn--iñvalid.com'), url.domainToUnicode('xn--espaol-zwa.com')]);
show('urlToHttpOptions', () => url.urlToHttpOptions(new URL('https://u:p@a.com:444/x?y')));
const qs = require('querystring');
show('qs parse', () => qs.parse('a=1&a=2&b=%20c&d=&e'));
show('qs stringify', () => qs.stringify({ a: [1, 2], b: 'x y', c: '', d: null, e: true }));
show('qs custom', () => [qs.parse('a:1;b:2', ';', ':'), qs.escape('a b&c'), qs.unescape('%41%zz')]);
const punycode = require('punycode');
show('punycode', () => [punycode.encode('mañana'), punycode.decode('maana-pta'), punycode.toASCII('mañana.com'), punycode.toUnicode('xn--maana-pta.com')]);
show('punycode bad', () => punycode.decode('\u0081'));
