// vm: scripts run in this context and in new ones (a contextified object's properties as
// the realm's globals, and what the code assigns copied back), Script reuse, syntax
// errors at construction, compileFunction with params, extensions and a parsing context,
// realms' own intrinsics, isContext, and Node's argument errors.
const vm = require('vm');

console.log(vm.runInThisContext('var vmGlobal = 40 + 2; vmGlobal'), globalThis.vmGlobal);
const sandbox = { a: 1, list: [1, 2] };
console.log(vm.runInNewContext('b = a + 1; list.push(3); typeof require + " " + typeof console', sandbox), sandbox);
const ctx = vm.createContext({ count: 0 });
const script = new vm.Script('count += 1; var seen = (typeof seen === "number" ? seen : 0) + 10; count', { filename: 'counter.js' });
console.log(script.runInContext(ctx), script.runInContext(ctx), ctx.count, ctx.seen, vm.isContext(ctx), vm.isContext({}));
console.log('own intrinsics', vm.runInNewContext('Array') === Array, vm.runInNewContext('[]') instanceof Array, Array.isArray(vm.runInNewContext('[1]')));
console.log('same context', vm.createContext(ctx) === ctx);
try {
  new vm.Script('let x = ;', { filename: 'broken.js' });
} catch (e) {
  console.log('syntax', e.name);
}
try {
  vm.runInNewContext('throw new TypeError("inside")');
} catch (e) {
  console.log('thrown', e.name, e.message, e instanceof TypeError);
}
const fn = vm.compileFunction('return a + b + c', ['a', 'b'], { contextExtensions: [{ c: 100 }] });
console.log('compileFunction', fn(1, 2), fn.length);
const inCtx = vm.compileFunction('return typeof count + " " + count', [], { parsingContext: ctx });
console.log('parsingContext', inCtx());
console.log('runInContext', vm.runInContext('count * 2', ctx));
for (const [label, f] of [
  ['context type', () => vm.createContext(5)],
  ['not a context', () => vm.runInContext('1', {})],
  ['filename type', () => new vm.Script('1', { filename: 5 })],
  ['params type', () => vm.compileFunction('1', 'a')],
]) {
  try {
    f();
    console.log(label, 'no error');
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}
