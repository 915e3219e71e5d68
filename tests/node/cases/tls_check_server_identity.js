// tls.checkServerIdentity: DNS and IP altnames, the CN when there are no DNS names,
// wildcards (partial, never for a TLD, never in an A-label), case and a trailing dot, quoted
// altnames, and the error Node returns (reason, host, cert).
const tls = require('tls');
const show = (h, c) => {
  const e = tls.checkServerIdentity(h, c);
  console.log(h, e === undefined ? 'ok' : [e.name, e.code, e.message, e.reason, e.host, e.cert === c].join(' | '));
};
show('a.example.com', { subjectaltname: 'DNS:*.example.com', subject: { CN: 'x' } });
show('example.com', { subjectaltname: 'DNS:*.example.com' });
show('a.b.example.com', { subjectaltname: 'DNS:*.example.com' });
show('foo.com', { subject: { CN: 'foo.com' } });
show('FOO.com.', { subject: { CN: 'foo.com' } });
show('bar.com', { subject: { CN: 'foo.com' } });
show('bar.com', { subject: { CN: ['foo.com', 'bar.com'] } });
show('127.0.0.1', { subjectaltname: 'IP Address:127.0.0.1, DNS:localhost' });
show('::1', { subjectaltname: 'IP Address:0:0:0:0:0:0:0:1' });
show('10.0.0.1', { subjectaltname: 'IP Address:127.0.0.1, DNS:localhost' });
show('x.com', { subject: {} });
show('x.com', {});
show('www.x.com', { subjectaltname: 'DNS:w*.x.com' });
show('www.x.com', { subjectaltname: 'DNS:*w.x.com' });
show('www.x.com', { subjectaltname: 'DNS:**.x.com' });
show('x.com', { subjectaltname: 'DNS:*.com' });
show('a.x.com', { subjectaltname: 'DNS:*.x.com', subject: { CN: 'a.x.com' } });
show('xn--a.x.com', { subjectaltname: 'DNS:xn--*.x.com' });
show('a.x.com', { subjectaltname: 'URI:http://a.x.com', subject: { CN: 'a.x.com' } });
show('a.x.com', { subjectaltname: 'DNS:"a.x.com"' });
show('b.x.com', { subjectaltname: 'DNS:"a, b.x.com", DNS:b.x.com' });
show('bad..x.com', { subjectaltname: 'DNS:bad..x.com' });
show('2001:db8::1', { subjectaltname: 'IP Address:2001:DB8:0:0:0:0:0:1' });
show('2001:db8::2', { subjectaltname: 'IP Address:2001:0db8:0:0:1:0:0:1, IP Address:::ffff:1.2.3.4, IP Address:1:0:0:2:0:0:0:3' });
show('::ffff:1.2.3.4', { subjectaltname: 'IP Address:0:0:0:0:0:ffff:102:304' });
