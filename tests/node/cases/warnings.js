process.on('warning', (w) => console.log('event:', w.name, w.message, w.code));
process.emitWarning('plain warning');
process.emitWarning('custom type', 'CustomWarning', 'CODE1');
process.emitWarning('with options', { type: 'OptWarning', code: 'OPT', detail: 'some detail' });
process.emitWarning(new Error('an error object'));
const util = require('util');
const dep = util.deprecate(() => 'called', 'this is deprecated', 'DEP_TEST');
dep();
dep();
try {
  process.emitWarning(42);
} catch (e) {
  console.log(e.code);
}
