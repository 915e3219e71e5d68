'use strict';
// unode:vm — the VMM driven from JavaScript. A VM runs on the worker pool; `run()`
// resolves when it stops, with why, the app's exit code, and what it printed.
//
//   const vm = require('unode:vm');
//   const { exitCode, console } = await vm.run({ kernel: 'vmlinux', initrd, cmdline });
//   await vm.run({ code: Buffer.from([0xf4]), mode: 'real' }); // a raw machine-code guest

const binding = internalBinding('vm');
const { poolRequest } = require('internal/event_loop');

function run(options) {
  if (options === null || typeof options !== 'object') {
    const { codes } = require('internal/errors');
    return Promise.reject(new codes.ERR_INVALID_ARG_TYPE('options', 'Object', options));
  }
  return new Promise((resolve, reject) => {
    try {
      poolRequest((id) => binding.run(options, id), (err, result) => (err ? reject(vmError(err)) : resolve(result)), options);
    } catch (err) {
      reject(err);
    }
  });
}

// A set-up failure arrives as a pool error whose `path` carries the VMM's message.
function vmError(err) {
  if (err.syscall !== 'vm') return err;
  const e = new Error(`VM failed: ${err.path}`);
  e.code = 'ERR_UNODE_VM';
  return e;
}

module.exports = { run };
