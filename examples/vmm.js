// A KVM virtual machine manager written only over the seed's libsys/libjs: ioctls on
// /dev/kvm, guest RAM mmap'd and seen as an ArrayBuffer, the vCPU's kvm_run page read
// in place — what joos did, on unode. It runs the same tiny guests as the Rust VMM's tests:
//
//   unode examples/vmm.js                  real mode: prints through COM1, echoes what it
//                                          reads from it, resets through the i8042
//   unode examples/vmm.js --guest protected  flat 32-bit mode: writes the boot timer and
//   unode examples/vmm.js --guest long       exit code to the exit device (MMIO 0xc0000000);
//                                          long mode runs on identity-mapped page tables
//   unode examples/vmm.js --kernel FILE [--initrd FILE] [--cmdline TEXT]
//                                          a kernel: an ELF with a PVH entry note (entered in
//                                          32-bit mode, ebx = hvm_start_info) or a bzImage
//                                          (64-bit entry, rsi = zero page), e.g. the test
//                                          kernels scripts/build-test-guests.sh assembles
//   add --timings for a per-step table (ns)

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
const EXIT_DEVICE = 0xc0000000;
const MEM_SIZE = 16 << 20;
const LOAD_ADDR = 0x1000;

// Where the boot data goes, as the Rust VMM (crates/vmm/src/arch) places it.
const START_INFO = 0x6000;
const MEMMAP = 0x6040;
const MODLIST = 0x6100;
const ZERO_PAGE = 0x7000;
const CMDLINE = 0x20000;
const E820 = [[0, 0x9fc00], [0x100000, MEM_SIZE - 0x100000]]; // RAM below the EBDA, and from 1 MiB

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

// Flat-mode guests: mark "booted" (123 at +0), write an exit code (at +4), halt.
const PROTECTED_CODE = [
  0xc6, 0x05, 0x00, 0x00, 0x00, 0xc0, 123, //        mov byte [0xc0000000], 123
  0xc7, 0x05, 0x04, 0x00, 0x00, 0xc0, 7, 0, 0, 0, // mov dword [0xc0000004], 7
  0xf4,
];
const LONG_CODE = [
  0xb8, 0x00, 0x00, 0x00, 0xc0, //   mov eax, 0xc0000000
  0xc6, 0x00, 123, //                mov byte [rax], 123
  0xc7, 0x40, 0x04, 42, 0, 0, 0, //  mov dword [rax+4], 42
  0xf4,
];

const align4 = (n) => (n + 3) & ~3;

// An ELF kernel: PT_LOAD segments at their physical addresses, the entry from the
// XEN_ELFNOTE_PHYS32_ENTRY (18) note. Returns { entry, end }.
function loadPvhElf(ram, image) {
  if (image.length < 64 || image.toString('latin1', 0, 4) !== '\x7fELF' || image[4] !== 2) throw new Error('not a 64-bit ELF kernel');
  const phoff = Number(image.readBigUInt64LE(0x20));
  const phnum = image.readUInt16LE(0x38);
  let entry;
  let end = 0;
  for (let i = 0; i < phnum; i++) {
    const ph = phoff + i * 56;
    const type = image.readUInt32LE(ph);
    const offset = Number(image.readBigUInt64LE(ph + 8));
    const paddr = Number(image.readBigUInt64LE(ph + 24));
    const filesz = Number(image.readBigUInt64LE(ph + 32));
    const memsz = Number(image.readBigUInt64LE(ph + 40));
    if (type === 1) {
      if (paddr + memsz > MEM_SIZE || offset + filesz > image.length) throw new Error(`segment at ${paddr.toString(16)} does not fit`);
      ram.set(image.subarray(offset, offset + filesz), paddr);
      end = Math.max(end, paddr + memsz);
    } else if (type === 4) {
      for (let p = offset; p + 12 <= offset + filesz; ) {
        const namesz = image.readUInt32LE(p);
        const descsz = image.readUInt32LE(p + 4);
        const desc = p + 12 + align4(namesz);
        if (image.readUInt32LE(p + 8) === 18 && image.toString('latin1', p + 12, p + 11 + namesz) === 'Xen') entry = image.readUInt32LE(desc);
        p = desc + align4(descsz);
      }
    }
  }
  if (entry === undefined) throw new Error('no PVH entry note in the ELF kernel');
  return { entry, end };
}

// hvm_start_info (Xen's PVH ABI) with the command line, the initrd as module 0, the memory map.
function writeStartInfo(mem, initrd) {
  E820.forEach(([addr, size], i) => {
    mem.setBigUint64(MEMMAP + i * 24, BigInt(addr), true);
    mem.setBigUint64(MEMMAP + i * 24 + 8, BigInt(size), true);
    mem.setUint32(MEMMAP + i * 24 + 16, 1, true);
  });
  mem.setUint32(START_INFO, 0x336ec578, true); // magic
  mem.setUint32(START_INFO + 4, 1, true); // version
  if (initrd) {
    mem.setBigUint64(MODLIST, BigInt(initrd.addr), true);
    mem.setBigUint64(MODLIST + 8, BigInt(initrd.size), true);
    mem.setUint32(START_INFO + 12, 1, true); // nr_modules
    mem.setBigUint64(START_INFO + 16, BigInt(MODLIST), true);
  }
  mem.setBigUint64(START_INFO + 24, BigInt(CMDLINE), true);
  mem.setBigUint64(START_INFO + 40, BigInt(MEMMAP), true);
  mem.setUint32(START_INFO + 48, E820.length, true);
}

// A bzImage: the protected-mode part at code32_start, its 64-bit entry 0x200 into it.
function loadBzImage(ram, image) {
  if (image.readUInt16LE(0x206) < 0x20c) throw new Error('bzImage boot protocol older than 2.12');
  if (!(image.readUInt16LE(0x236) & 1)) throw new Error('bzImage has no 64-bit entry (XLF_KERNEL_64)');
  const setupSects = image[0x1f1] || 4;
  const load = image.readUInt32LE(0x214);
  const code = image.subarray((setupSects + 1) * 512);
  if (load + code.length > MEM_SIZE) throw new Error('bzImage does not fit in guest memory');
  ram.set(code, load);
  return { entry: load + 0x200, end: load + code.length };
}

// The zero page: the kernel's own setup header, then what a boot loader fills in.
function writeZeroPage(ram, mem, image, initrd) {
  ram.set(image.subarray(0x1f1, 0x202 + image[0x201]), ZERO_PAGE + 0x1f1);
  ram[ZERO_PAGE + 0x210] = 0xff; // type_of_loader: undefined
  mem.setUint32(ZERO_PAGE + 0x228, CMDLINE, true);
  if (initrd) {
    mem.setUint32(ZERO_PAGE + 0x218, initrd.addr, true);
    mem.setUint32(ZERO_PAGE + 0x21c, initrd.size, true);
  }
  ram[ZERO_PAGE + 0x1e8] = E820.length;
  E820.forEach(([addr, size], i) => {
    mem.setBigUint64(ZERO_PAGE + 0x2d0 + i * 20, BigInt(addr), true);
    mem.setBigUint64(ZERO_PAGE + 0x2d0 + i * 20 + 8, BigInt(size), true);
    mem.setUint32(ZERO_PAGE + 0x2d0 + i * 20 + 16, 1, true);
  });
}

// Loads a kernel, its initrd (top of RAM, page aligned) and command line; returns the
// entry mode and registers.
function loadKernel(ram, path, initrdPath, cmdline) {
  const fs = require('fs');
  const image = fs.readFileSync(path);
  const mem = new DataView(ram.buffer, ram.byteOffset, ram.byteLength);
  const bz = image.length > 0x240 && image.toString('latin1', 0x202, 0x206) === 'HdrS';
  const { entry, end } = bz ? loadBzImage(ram, image) : loadPvhElf(ram, image);
  let initrd;
  if (initrdPath) {
    const bytes = fs.readFileSync(initrdPath);
    const addr = (MEM_SIZE - bytes.length) & ~0xfff;
    if (addr <= end) throw new Error('the initrd does not fit above the kernel');
    ram.set(bytes, addr);
    initrd = { addr, size: bytes.length };
  }
  ram.set(Buffer.from(`${cmdline}\0`), CMDLINE);
  if (bz) writeZeroPage(ram, mem, image, initrd);
  else writeStartInfo(mem, initrd);
  return bz ? { mode: 'long', rip: entry, rsi: ZERO_PAGE, rbx: 0 } : { mode: 'protected', rip: entry, rsi: 0, rbx: START_INFO };
}

// GDT at 0x500 (null, 64-bit code 0x08, 32-bit code 0x10, data 0x18) and, for long mode,
// page tables at 0x9000.. identity-mapping 4 GiB with 2 MiB pages.
function setupFlatMode(ram, sregs, long) {
  const gdt = [0n, 0x00af9b000000ffffn, 0x00cf9b000000ffffn, 0x00cf93000000ffffn];
  const mem = new DataView(ram.buffer, ram.byteOffset, ram.byteLength);
  gdt.forEach((e, i) => mem.setBigUint64(0x500 + i * 8, e, true));
  const segment = (offset, selector, type, l, db) => {
    sregs.writeBigUInt64LE(0n, offset); // base
    sregs.writeUInt32LE(0xffffffff, offset + 8); // limit
    sregs.writeUInt16LE(selector, offset + 12);
    sregs.writeUInt8(type, offset + 14);
    sregs.writeUInt8(1, offset + 15); // present
    sregs.writeUInt8(0, offset + 16); // dpl
    sregs.writeUInt8(db, offset + 17);
    sregs.writeUInt8(1, offset + 18); // s
    sregs.writeUInt8(l, offset + 19);
    sregs.writeUInt8(1, offset + 20); // g
  };
  segment(0, long ? 0x08 : 0x10, 0xb, long ? 1 : 0, long ? 0 : 1); // cs
  for (const off of [24, 48, 72, 96, 120]) segment(off, 0x18, 0x3, 0, 1); // ds es fs gs ss
  sregs.writeBigUInt64LE(0x500n, 192); // gdt.base
  sregs.writeUInt16LE(31, 200); // gdt.limit
  let cr0 = sregs.readBigUInt64LE(224) | 0x11n; // PE | ET
  if (long) {
    mem.setBigUint64(0x9000, 0xa000n | 3n, true); // PML4 → PDPT
    for (let g = 0; g < 4; g++) mem.setBigUint64(0xa000 + g * 8, BigInt(0xb000 + g * 0x1000) | 3n, true);
    for (let i = 0; i < 2048; i++) mem.setBigUint64(0xb000 + i * 8, (BigInt(i) << 21n) | 0x83n, true);
    sregs.writeBigUInt64LE(0x9000n, 240); // cr3
    sregs.writeBigUInt64LE(sregs.readBigUInt64LE(248) | 0x20n, 248); // cr4.PAE
    cr0 |= 0x80000000n; // PG
    sregs.writeBigUInt64LE(sregs.readBigUInt64LE(264) | 0x500n, 264); // efer LME | LMA
  }
  sregs.writeBigUInt64LE(cr0, 224);
}

function option(name) {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
}

function main() {
  const kernel = option('--kernel');
  const guestKind = kernel ? 'kernel' : option('--guest') ?? 'real';
  if (!['real', 'protected', 'long', 'kernel'].includes(guestKind)) throw new Error(`--guest must be real, protected or long, not ${guestKind}`);
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

  let boot = { mode: guestKind, rip: LOAD_ADDR, rsi: 0, rbx: 0 };
  if (kernel) {
    boot = loadKernel(ram, kernel, option('--initrd'), option('--cmdline') ?? 'console=ttyS0');
    step('load kernel + initrd');
  } else {
    const code = guestKind === 'real' ? guestCode('Hi from a JS VMM\n') : Buffer.from(guestKind === 'long' ? LONG_CODE : PROTECTED_CODE);
    ram.set(code, LOAD_ADDR);
    step('load guest code');
  }

  const vcpu = check('KVM_CREATE_VCPU', libjs.ioctl(vm, KVM_CREATE_VCPU, 0));
  const runSize = check('KVM_GET_VCPU_MMAP_SIZE', libjs.ioctl(kvm, KVM_GET_VCPU_MMAP_SIZE, 0));
  const runAddr = check('mmap kvm_run', libjs.mmap(0, runSize, libjs.PROT.READ | libjs.PROT.WRITE, libjs.MAP.SHARED, vcpu, 0));
  const run = new DataView(libsys.view(runAddr, runSize));
  const runBytes = new Uint8Array(run.buffer);
  step('KVM_CREATE_VCPU');

  // struct kvm_sregs: six segments (cs first, 24 bytes each), tr, ldt, gdt (192), idt,
  // cr0 (224), cr2, cr3 (240), cr4 (248), cr8, efer (264), …
  const sregs = Buffer.alloc(312);
  check('KVM_GET_SREGS', libjs.ioctl(vcpu, KVM_GET_SREGS, sregs));
  if (boot.mode === 'real') {
    // Real mode at 0:LOAD_ADDR: CS base and selector 0.
    sregs.writeBigUInt64LE(0n, 0);
    sregs.writeUInt16LE(0, 12);
  } else {
    setupFlatMode(ram, sregs, boot.mode === 'long');
  }
  check('KVM_SET_SREGS', libjs.ioctl(vcpu, KVM_SET_SREGS, sregs));
  // struct kvm_regs: rax, rbx (8), rcx, rdx, rsi (32), … 16 general registers, then rip
  // (offset 128) and rflags (136).
  const regs = Buffer.alloc(144);
  check('KVM_GET_REGS', libjs.ioctl(vcpu, KVM_GET_REGS, regs));
  regs.writeBigUInt64LE(BigInt(boot.rbx), 8);
  regs.writeBigUInt64LE(BigInt(boot.rsi), 32);
  regs.writeBigUInt64LE(BigInt(boot.rip), 128);
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
      // struct kvm_run.mmio at 32: u64 phys_addr, u8 data[8], u32 len, u8 is_write
      const addr = Number(run.getBigUint64(32, true));
      if (run.getUint8(52) && addr === EXIT_DEVICE && runBytes[40] === 123) {
        step('guest boot timer');
      } else if (run.getUint8(52) && addr === EXIT_DEVICE + 4) {
        reason = `exit code ${run.getUint32(40, true)}`;
        break;
      }
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
  if (guestKind !== 'real') console.log(`guest stopped: ${reason}`);
  else if (reason !== 'reset') {
    console.error(`guest stopped: ${reason}`);
    process.exitCode = 1;
  }
}

main();
