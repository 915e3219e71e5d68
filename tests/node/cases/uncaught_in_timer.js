setTimeout(() => {
  const err = new TypeError('bad thing in a timer');
  err.code = 'E_CUSTOM';
  throw err;
}, 1);
setTimeout(() => console.log('never: the process already died'), 50);
