// A KVM virtual machine manager written only over the seed's libsys/libjs: ioctls on
// /dev/kvm, guest RAM mmap'd and seen as an ArrayBuffer, the vCPU's kvm_run page read
// in place. It boots a tiny real-mode guest that prints through a serial port (COM1),
// echoes what it reads from it, and resets the machine through the i8042 when done —
// what joos did, on unode.
//
//   unode examples/vmm.js            prints "Hi from a JS VMM" from inside the guest
//   unode examples/vmm.js --timings  adds a per-step table (ns)

const libjs = require('libjs');
const libsys = require('libsys');

// ioctl numbers from <linux/kvm.h> (_IO/_IOR/_IOW of 0xAE).
const KVM_GET_API_VERSION = 0xae00;
const KVM_CREATE_VM = 0xae01;
const KVM_GET_VCPU_MMAP_SIZE = 0xae04;
const KVM_CREATE_VCPU = 0xae41;
const KVM_SET_USER_MEMORY_REGION = 0x4020ae46;
const KVM_SET_TSS_ADDR = 0xae47;
const KVM_RUN = 0xae80;
const KVM_GET_REGS = 0x8090ae81;
const KVM_SET_REGS = 0x4090ae82;
const KVM_GET_SREGS = 0x8138ae83;
const KVM_SET_SREGS = 0x4138ae84;

const KVM_EXIT_IO = 2;
const KVM_EXIT_HLT = 5;
const KVM_EXIT_MMIO = 6;
const KVM_EXIT_SHUTDOWN = 8;
const KVM_EXIT_IO_OUT = 1;

const COM1 = 0x3f8;
const MEM_SIZE = 1 << 20;
const LOAD_ADDR = 0x1000;

const timings = [];
let last = process.hrtime.bigint();
function step(name) {
  const now = process.hrtime.bigint();
  timings.push([name, now - last]);
  last = now;
}

function check(what, r) {
  if (typeof r === 'bigint' ? r < 0n && r > -4096n : r < 0) {
    throw new Error(`${what} failed: errno ${-Number(r)}`);
  }
  return r;
}

// The guest: prints a greeting, echoes serial input up to a newline, then resets.
function guestCode(message) {
  const code = [0xba, COM1 & 0xff, COM1 >> 8]; // mov dx, 0x3f8
  for (const ch of Buffer.from(message)) code.push(0xb0, ch, 0xee); // mov al, ch; out dx, al
  code.push(
    0xba, 0xfd, 0x03, // echo: mov dx, 0x3fd (line status)
    0xec, //             in al, dx
    0xa8, 0x01, //       test al, 1 (data ready?)
    0x74, 0xf8, //       jz echo
    0xba, 0xf8, 0x03, // mov dx, 0x3f8
    0xec, //             in al, dx
    0xee, //             out dx, al
    0x3c, 0x0a, //       cmp al, '\n'
    0x75, 0xef, //       jne echo
    0xb0, 0xfe, //       mov al, 0xfe (reset command)
    0xe6, 0x64, //       out 0x64, al (i8042)
    0xf4, //             hlt
  );
  return Buffer.from(code);
}

function main() {
  const kvm = check('open /dev/kvm', libjs.open('/dev/kvm', libjs.FLAG.O_RDWR));
  if (libjs.ioctl(kvm, KVM_GET_API_VERSION) !== 12) throw new Error('KVM API version is not 12');
  const vm = check('KVM_CREATE_VM', libjs.ioctl(kvm, KVM_CREATE_VM, 0));
  step('KVM_CREATE_VM');
  check('KVM_SET_TSS_ADDR', libjs.ioctl(vm, KVM_SET_TSS_ADDR, 0xfffbd000));

  const memAddr = check('mmap guest RAM', libjs.mmap(0, MEM_SIZE, libjs.PROT.READ | libjs.PROT.WRITE, libjs.MAP.PRIVATE | libjs.MAP.ANONYMOUS | libjs.MAP.NORESERVE));
  const ram = new Uint8Array(libsys.view(memAddr, MEM_SIZE));
  step('mmap guest ram');
  // struct kvm_userspace_memory_region { u32 slot, flags; u64 guest_phys_addr, memory_size, userspace_addr; }
  const region = Buffer.alloc(32);
  region.writeBigUInt64LE(BigInt(MEM_SIZE), 16);
  region.writeBigUInt64LE(memAddr, 24);
  check('KVM_SET_USER_MEMORY_REGION', libjs.ioctl(vm, KVM_SET_USER_MEMORY_REGION, region));
  step('KVM_SET_USER_MEMORY_REGION');

  ram.set(guestCode('Hi from a JS VMM\n'), LOAD_ADDR);
  step('load guest code');

  const vcpu = check('KVM_CREATE_VCPU', libjs.ioctl(vm, KVM_CREATE_VCPU, 0));
  const runSize = check('KVM_GET_VCPU_MMAP_SIZE', libjs.ioctl(kvm, KVM_GET_VCPU_MMAP_SIZE, 0));
  const runAddr = check('mmap kvm_run', libjs.mmap(0, runSize, libjs.PROT.READ | libjs.PROT.WRITE, libjs.MAP.SHARED, vcpu, 0));
  const run = new DataView(libsys.view(runAddr, runSize));
  const runBytes = new Uint8Array(run.buffer);
  step('KVM_CREATE_VCPU');

  // Real mode at 0:LOAD_ADDR: CS base and selector 0 (struct kvm_segment cs is first).
  const sregs = Buffer.alloc(312);
  check('KVM_GET_SREGS', libjs.ioctl(vcpu, KVM_GET_SREGS, sregs));
  sregs.writeBigUInt64LE(0n, 0);
  sregs.writeUInt16LE(0, 12);
  check('KVM_SET_SREGS', libjs.ioctl(vcpu, KVM_SET_SREGS, sregs));
  // struct kvm_regs: 16 general registers, then rip (offset 128) and rflags (136).
  const regs = Buffer.alloc(144);
  check('KVM_GET_REGS', libjs.ioctl(vcpu, KVM_GET_REGS, regs));
  regs.writeBigUInt64LE(BigInt(LOAD_ADDR), 128);
  regs.writeBigUInt64LE(2n, 136);
  check('KVM_SET_REGS', libjs.ioctl(vcpu, KVM_SET_REGS, regs));
  step('init registers');

  // What the guest's serial port reads: the host's input line, or a fixed one.
  const input = Buffer.from(process.env.VMM_INPUT ?? 'echoed by the guest\n');
  let inputPos = 0;
  const output = [];
  let reason;
  for (;;) {
    check('KVM_RUN', libjs.ioctl(vcpu, KVM_RUN, 0));
    const exit = run.getUint32(8, true);
    if (exit === KVM_EXIT_IO) {
      // struct kvm_run.io at 32: u8 direction, u8 size, u16 port, u32 count, u64 data_offset
      const out = run.getUint8(32) === KVM_EXIT_IO_OUT;
      const port = run.getUint16(34, true);
      const dataOffset = Number(run.getBigUint64(40, true));
      if (out) {
        const byte = runBytes[dataOffset];
        if (port === COM1) output.push(byte);
        else if (port === 0x64 && byte === 0xfe) {
          reason = 'reset';
          break;
        }
      } else {
        let value = 0xff;
        if (port === COM1 + 5) value = 0x60 | (inputPos < input.length ? 1 : 0); // LSR: THR empty, data ready
        else if (port === COM1) value = inputPos < input.length ? input[inputPos++] : 0;
        runBytes[dataOffset] = value;
      }
    } else if (exit === KVM_EXIT_HLT) {
      reason = 'hlt';
      break;
    } else if (exit === KVM_EXIT_SHUTDOWN) {
      reason = 'shutdown';
      break;
    } else if (exit === KVM_EXIT_MMIO) {
      continue;
    } else {
      reason = `unhandled exit ${exit}`;
      break;
    }
  }
  step('guest run');
  process.stdout.write(Buffer.from(output));

  libjs.munmap(runAddr, runSize);
  libjs.munmap(memAddr, MEM_SIZE);
  for (const fd of [vcpu, vm, kvm]) libjs.close(fd);
  step('cleanup');

  if (process.argv.includes('--timings')) {
    for (const [name, ns] of timings) console.log(`${name.padEnd(28)} ${String(ns).padStart(10)} ns`);
    console.log(`rss ${process.memoryUsage.rss()} bytes`);
  }
  if (reason !== 'reset') {
    console.error(`guest stopped: ${reason}`);
    process.exitCode = 1;
  }
}

main();
