'use strict';
// The seed's libsys: one function, `syscall(number, ...args)`. Arguments are numbers,
// BigInts, strings (passed as NUL-terminated copies) or buffers (passed as pointers); the
// result is the kernel's raw return, negative errno on failure.

const binding = internalBinding('libsys');

module.exports = {
  syscall: binding.syscall,
  // The same call with the full 64-bit result as a BigInt.
  syscall64: binding.syscall64,
  // Address of the first byte of an ArrayBuffer or view (Number; addressOf64: BigInt).
  addressOf: binding.addressOf,
  addressOf64: binding.addressOf64,
  // An ArrayBuffer over raw memory at `address` (e.g. from mmap), `length` bytes long.
  // The memory must stay mapped while the buffer is reachable.
  view: binding.view,
  // Syscall numbers by kernel name: libsys.nr.write === 1.
  nr: binding.nr,
};
