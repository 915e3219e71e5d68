// AbortController, AbortSignal (abort, timeout, any, onabort) and DOMException.
const util = require('util');
const show = (label, fn) => {
  try { console.log(label, util.inspect(fn(), { depth: 3 })); } catch (e) { console.log(label, 'threw', e.name, e.code, e.message); }
};
const ac = new AbortController();
console.log(util.inspect(ac), String(ac.signal), Object.keys(AbortSignal.prototype));
const log = [];
ac.signal.addEventListener('abort', (e) => log.push(['listener', e.type, e.isTrusted, ac.signal.aborted]));
ac.signal.onabort = () => log.push('onabort');
ac.abort();
ac.abort('again');
const r = ac.signal.reason;
console.log(log, r.name, r.message, r.code, r instanceof DOMException, r instanceof Error, util.inspect(ac.signal));
show('throwIfAborted', () => ac.signal.throwIfAborted());
show('new AbortSignal', () => new AbortSignal());
show('abort(reason)', () => AbortSignal.abort(42).reason);
show('timeout(-1)', () => AbortSignal.timeout(-1));
show('timeout("1")', () => AbortSignal.timeout('1'));
show('any(1)', () => AbortSignal.any(1));
show('any([{}])', () => AbortSignal.any([{}]));
show('any aborted', () => AbortSignal.any([new AbortController().signal, AbortSignal.abort('first')]).reason);
const a = new AbortController();
const b = new AbortController();
const both = AbortSignal.any([a.signal, b.signal]);
const nested = AbortSignal.any([both]);
const order = [];
a.signal.onabort = () => order.push(['a', both.aborted, nested.aborted]);
both.onabort = () => order.push(['both', nested.aborted]);
nested.onabort = () => order.push('nested');
b.abort('b-reason');
a.abort('a-reason');
console.log(order, both.reason, nested.reason);
show('onabort values', () => { const s = new AbortController().signal; const v = [s.onabort]; s.onabort = 5; v.push(s.onabort); return v; });
show('DOMException', () => { const e = new DOMException('msg', 'NotFoundError'); return [e.name, e.message, e.code, String(e), Object.keys(e), e.stack.split('\n')[0]]; });
show('DOMException options', () => { const e = new DOMException('m', { name: 'TimeoutError', cause: 'c' }); return [e.name, e.code, e.cause]; });
show('DOMException codes', () => ['AbortError', 'DataCloneError', 'SyntaxError', 'Unknown'].map((n) => new DOMException('', n).code));
show('DOMException constants', () => [DOMException.ABORT_ERR, DOMException.prototype.DATA_CLONE_ERR]);
console.log(util.inspect(new DOMException('boom', 'AbortError')).split('\n')[0]);
const t = AbortSignal.timeout(5);
t.addEventListener('abort', () => console.log('timeout', t.reason.name, t.reason.message, t.reason.code));
setTimeout(() => {}, 30);
AbortSignal.timeout(60000); // unref'd: the process does not wait for it
