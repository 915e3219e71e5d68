// process.setUncaughtExceptionCaptureCallback: the callback takes uncaught exceptions in
// place of 'uncaughtException' listeners; a second one is refused; null removes it.
console.log(process.hasUncaughtExceptionCaptureCallback());
process.setUncaughtExceptionCaptureCallback((e) => console.log('captured', e.message));
try { process.setUncaughtExceptionCaptureCallback(() => {}); } catch (e) { console.log(e.code, e.message); }
try { process.setUncaughtExceptionCaptureCallback(5); } catch (e) { console.log(e.code, e.message); }
console.log(process.hasUncaughtExceptionCaptureCallback());
process.on('uncaughtException', (e) => console.log('listener', e.message));
setTimeout(() => { throw new Error('boom'); });
setTimeout(() => {
  process.setUncaughtExceptionCaptureCallback(null);
  console.log(process.hasUncaughtExceptionCaptureCallback());
  throw new Error('after removal');
}, 5);
