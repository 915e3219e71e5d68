// The source excerpt names the line that threw. (QuickJS records where an Error is
// created, so this case creates it where it is thrown.)
setTimeout(() => {
  throw Object.assign(new TypeError('bad thing in a timer'), { code: 'E_CUSTOM' });
}, 1);
setTimeout(() => console.log('never: the process already died'), 50);
