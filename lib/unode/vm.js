'use strict';
// unode:vm — the VMM driven from JavaScript. A VM runs on the worker pool; its serial
// console is a net.Socket (read the guest's output, write its input) and `exited`
// resolves when it stops, with why, the app's exit code and the timings.
//
//   const vm = require('unode:vm');
//   const machine = vm.create({ kernel: 'vmlinux', initrd, cmdline, memMib: 128 });
//   machine.console.pipe(process.stdout);
//   const { reason, exitCode } = await machine.exited;
//
//   await vm.run({ code: Buffer.from([0xf4]), mode: 'real' }); // all at once, console as text

const EventEmitter = require('events');
const binding = internalBinding('vm');
const { poolRequest } = require('internal/event_loop');
const { codes } = require('internal/errors');

// A set-up failure found on the pool arrives as an error whose `path` carries the VMM's message.
function vmError(err) {
  if (err.syscall !== 'vm') return err;
  const e = new Error(`VM failed: ${err.path}`);
  e.code = 'ERR_UNODE_VM';
  return e;
}

class VirtualMachine extends EventEmitter {
  #id;
  #running = true;

  constructor(options) {
    super();
    if (options === null || typeof options !== 'object') throw new codes.ERR_INVALID_ARG_TYPE('options', 'Object', options);
    let handles;
    let settle;
    this.exited = new Promise((resolve, reject) => {
      settle = { resolve, reject };
    });
    poolRequest(
      (req) => {
        handles = binding.start(options, req);
      },
      (err, result) => {
        this.#running = false;
        binding.release(this.#id);
        if (err) {
          const e = vmError(err);
          settle.reject(e);
          this.emit('error', e);
        } else {
          settle.resolve(result);
          this.emit('exit', result);
        }
      },
      options,
    );
    this.#id = handles.id;
    this.console = new (require('net').Socket)({ fd: handles.fd, readable: true, writable: true });
    // A rejection nobody awaits must not end the program: 'error' listeners see it too.
    this.exited.catch(() => {});
  }

  get running() {
    return this.#running;
  }

  // Stops the guest whatever it is doing (even spinning without exits); `exited` then
  // resolves with reason 'Stopped'.
  stop() {
    if (this.#running) binding.stop(this.#id);
  }
}

function create(options) {
  return new VirtualMachine(options);
}

// One VM to its end: `input` is written to its console, and the console's whole output
// comes back as text beside the exit.
async function run(options) {
  const machine = create(options);
  machine.on('error', () => {});
  const chunks = [];
  machine.console.on('data', (chunk) => chunks.push(chunk));
  const ended = new Promise((resolve) => machine.console.on('close', resolve));
  if (options.input !== undefined) machine.console.write(options.input);
  const result = await machine.exited;
  await ended;
  return { ...result, console: Buffer.concat(chunks).toString() };
}

module.exports = { create, run, VirtualMachine };
