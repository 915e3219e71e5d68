'use strict';
// The seed's libjs: typed wrappers over libsys.syscall, like libc but in JS. Each returns
// the kernel's result: a number >= 0 (or a decoded struct) on success, -errno on failure.

const { syscall, nr } = require('libsys');
const { Buffer } = require('buffer');

const FLAG = {
  O_RDONLY: 0, O_WRONLY: 1, O_RDWR: 2, O_CREAT: 0o100, O_EXCL: 0o200, O_NOCTTY: 0o400,
  O_TRUNC: 0o1000, O_APPEND: 0o2000, O_NONBLOCK: 0o4000, O_DSYNC: 0o10000,
  O_DIRECTORY: 0o200000, O_NOFOLLOW: 0o400000, O_CLOEXEC: 0o2000000, O_SYNC: 0o4010000,
};
const AT_FDCWD = -100;
const SEEK = { SET: 0, CUR: 1, END: 2 };
const AF = { UNIX: 1, INET: 2, INET6: 10 };
const SOCK = { STREAM: 1, DGRAM: 2, RAW: 3, NONBLOCK: 0o4000, CLOEXEC: 0o2000000 };
const SOL = { SOCKET: 1, TCP: 6 };
const SO = { REUSEADDR: 2, ERROR: 4, BROADCAST: 6, SNDBUF: 7, RCVBUF: 8, KEEPALIVE: 9, REUSEPORT: 15 };
const EPOLL = { IN: 0x1, PRI: 0x2, OUT: 0x4, ERR: 0x8, HUP: 0x10, RDHUP: 0x2000, ET: 0x80000000, ONESHOT: 0x40000000, CLOEXEC: 0o2000000 };
const EPOLL_CTL = { ADD: 1, DEL: 2, MOD: 3 };
const PROT = { NONE: 0, READ: 1, WRITE: 2, EXEC: 4 };
const MAP = { SHARED: 1, PRIVATE: 2, FIXED: 0x10, ANONYMOUS: 0x20, NORESERVE: 0x4000 };
const ERRNO = {};
for (const key of Object.keys(internalBinding('uv'))) {
  if (key.startsWith('UV_')) ERRNO[key.slice(3)] = -internalBinding('uv')[key];
}

const asBuf = (b) => (typeof b === 'string' ? Buffer.from(b) : b);

// Files.
const read = (fd, buf, len = buf.byteLength) => syscall(nr.read, fd, buf, len);
const write = (fd, buf, len) => {
  const b = asBuf(buf);
  return syscall(nr.write, fd, b, len === undefined ? b.byteLength : len);
};
const pread = (fd, buf, offset, len = buf.byteLength) => syscall(nr.pread64, fd, buf, len, offset);
const pwrite = (fd, buf, offset, len) => {
  const b = asBuf(buf);
  return syscall(nr.pwrite64, fd, b, len === undefined ? b.byteLength : len, offset);
};
const open = (path, flags = FLAG.O_RDONLY, mode = 0o666) => syscall(nr.openat, AT_FDCWD, path, flags | FLAG.O_CLOEXEC, mode);
const close = (fd) => syscall(nr.close, fd);
const lseek = (fd, offset, whence = SEEK.SET) => syscall(nr.lseek, fd, offset, whence);
const fsync = (fd) => syscall(nr.fsync, fd);
const ftruncate = (fd, len) => syscall(nr.ftruncate, fd, len);
const access = (path, mode = 0) => syscall(nr.faccessat, AT_FDCWD, path, mode);
const mkdir = (path, mode = 0o777) => syscall(nr.mkdirat, AT_FDCWD, path, mode);
const rmdir = (path) => syscall(nr.unlinkat, AT_FDCWD, path, 0x200);
const unlink = (path) => syscall(nr.unlinkat, AT_FDCWD, path, 0);
const rename = (from, to) => syscall(nr.renameat2, AT_FDCWD, from, AT_FDCWD, to, 0);
const symlink = (target, path) => syscall(nr.symlinkat, target, AT_FDCWD, path);
const link = (from, to) => syscall(nr.linkat, AT_FDCWD, from, AT_FDCWD, to, 0);
const chmod = (path, mode) => syscall(nr.fchmodat, AT_FDCWD, path, mode);
const fchmod = (fd, mode) => syscall(nr.fchmod, fd, mode);
const chown = (path, uid, gid) => syscall(nr.fchownat, AT_FDCWD, path, uid, gid, 0);
const fchown = (fd, uid, gid) => syscall(nr.fchown, fd, uid, gid);
const dup = (fd) => syscall(nr.dup, fd);
const dup2 = (fd, to) => syscall(nr.dup3, fd, to, 0);
const fcntl = (fd, cmd, arg = 0) => syscall(nr.fcntl, fd, cmd, arg);
const ioctl = (fd, request, arg = 0) => syscall(nr.ioctl, fd, request, arg);

function readlink(path) {
  const buf = Buffer.alloc(4096);
  const n = syscall(nr.readlinkat, AT_FDCWD, path, buf, buf.length);
  return n < 0 ? n : buf.toString('utf8', 0, n);
}

function getcwd() {
  const buf = Buffer.alloc(4096);
  const n = syscall(nr.getcwd, buf, buf.length);
  return n < 0 ? n : buf.toString('utf8', 0, n - 1);
}
const chdir = (path) => syscall(nr.chdir, path);

function pipe(flags = FLAG.O_CLOEXEC) {
  const fds = new Int32Array(2);
  const r = syscall(nr.pipe2, fds, flags);
  return r < 0 ? r : [fds[0], fds[1]];
}

// struct stat (x86_64) decoded into plain numbers.
function decodeStat(buf) {
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const u64 = (o) => Number(dv.getBigUint64(o, true));
  const i64 = (o) => Number(dv.getBigInt64(o, true));
  return {
    dev: u64(0), ino: u64(8), nlink: u64(16), mode: dv.getUint32(24, true), uid: dv.getUint32(28, true),
    gid: dv.getUint32(32, true), rdev: u64(40), size: i64(48), blksize: i64(56), blocks: i64(64),
    atime: i64(72), atime_nsec: i64(80), mtime: i64(88), mtime_nsec: i64(96), ctime: i64(104), ctime_nsec: i64(112),
  };
}

function statAt(dirfd, path, flags) {
  const buf = Buffer.alloc(144);
  const r = syscall(nr.newfstatat, dirfd, path, buf, flags);
  return r < 0 ? r : decodeStat(buf);
}
const stat = (path) => statAt(AT_FDCWD, path, 0);
const lstat = (path) => statAt(AT_FDCWD, path, 0x100);
const fstat = (fd) => statAt(fd, '', 0x1000);

// getdents64 into `buf`; returns bytes filled or -errno.
const getdents64 = (fd, buf) => syscall(nr.getdents64, fd, buf, buf.length);

// Every entry name of a directory (without . and ..), or -errno.
function readdir(path) {
  const fd = open(path, FLAG.O_RDONLY | FLAG.O_DIRECTORY);
  if (fd < 0) return fd;
  const buf = Buffer.alloc(32768);
  const names = [];
  for (;;) {
    const n = getdents64(fd, buf);
    if (n < 0) { close(fd); return n; }
    if (n === 0) break;
    for (let off = 0; off < n;) {
      const reclen = buf[off + 16] | (buf[off + 17] << 8);
      let end = off + 19;
      while (buf[end] !== 0) end++;
      const name = buf.toString('utf8', off + 19, end);
      if (name !== '.' && name !== '..') names.push(name);
      off += reclen;
    }
  }
  close(fd);
  return names;
}

// Sockets.
function sockaddrIn(host, port) {
  const buf = Buffer.alloc(16);
  buf[0] = AF.INET;
  buf[2] = port >> 8;
  buf[3] = port & 255;
  const parts = String(host).split('.').map(Number);
  for (let i = 0; i < 4; i++) buf[4 + i] = parts[i] | 0;
  return buf;
}
const socket = (domain = AF.INET, type = SOCK.STREAM, protocol = 0) => syscall(nr.socket, domain, type | SOCK.CLOEXEC, protocol);
const connect = (fd, addr) => syscall(nr.connect, fd, addr, addr.length);
const bind = (fd, addr) => syscall(nr.bind, fd, addr, addr.length);
const listen = (fd, backlog = 511) => syscall(nr.listen, fd, backlog);
const accept4 = (fd, flags = SOCK.CLOEXEC) => syscall(nr.accept4, fd, 0, 0, flags);
const accept = (fd) => accept4(fd);
const send = (fd, buf, flags = 0) => { const b = asBuf(buf); return syscall(nr.sendto, fd, b, b.byteLength, flags, 0, 0); };
const recv = (fd, buf, flags = 0) => syscall(nr.recvfrom, fd, buf, buf.byteLength, flags, 0, 0);
const sendto = (fd, buf, addr, flags = 0) => { const b = asBuf(buf); return syscall(nr.sendto, fd, b, b.byteLength, flags, addr, addr.length); };
const shutdown = (fd, how = 2) => syscall(nr.shutdown, fd, how);
function setsockopt(fd, level, name, value) {
  const v = new Int32Array([value]);
  return syscall(nr.setsockopt, fd, level, name, v, 4);
}
function getsockname(fd) {
  const buf = Buffer.alloc(128);
  const len = new Int32Array([128]);
  const r = syscall(nr.getsockname, fd, buf, len);
  return r < 0 ? r : buf.subarray(0, len[0]);
}
function getpeername(fd) {
  const buf = Buffer.alloc(128);
  const len = new Int32Array([128]);
  const r = syscall(nr.getpeername, fd, buf, len);
  return r < 0 ? r : buf.subarray(0, len[0]);
}

// epoll.
const epoll_create1 = (flags = EPOLL.CLOEXEC) => syscall(nr.epoll_create1, flags);
function epoll_ctl(epfd, op, fd, events, data = fd) {
  const ev = Buffer.alloc(12);
  const dv = new DataView(ev.buffer, ev.byteOffset, 12);
  dv.setUint32(0, events >>> 0, true);
  dv.setBigUint64(4, BigInt(data), true);
  return syscall(nr.epoll_ctl, epfd, op, fd, ev);
}
// Waits and returns [{ events, data }] or -errno.
function epoll_wait(epfd, maxEvents = 64, timeout = -1) {
  const buf = Buffer.alloc(12 * maxEvents);
  const n = syscall(nr.epoll_wait, epfd, buf, maxEvents, timeout);
  if (n < 0) return n;
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const out = [];
  for (let i = 0; i < n; i++) out.push({ events: dv.getUint32(i * 12, true), data: Number(dv.getBigUint64(i * 12 + 4, true)) });
  return out;
}

// Memory.
const mmap = (addr, length, prot, flags, fd = -1, offset = 0) => require('libsys').syscall64(nr.mmap, addr, length, prot, flags, fd, offset);
const munmap = (addr, length) => syscall(nr.munmap, addr, length);
const mprotect = (addr, length, prot) => syscall(nr.mprotect, addr, length, prot);

// Process.
const getpid = () => syscall(nr.getpid);
const getppid = () => syscall(nr.getppid);
const getuid = () => syscall(nr.getuid);
const getgid = () => syscall(nr.getgid);
const kill = (pid, sig) => syscall(nr.kill, pid, sig);
const exit = (code = 0) => syscall(nr.exit_group, code);
const eventfd = (initval = 0, flags = 0o2000000) => syscall(nr.eventfd2, initval, flags);
function nanosleep(ms) {
  const ts = new BigInt64Array([BigInt(Math.floor(ms / 1000)), BigInt(Math.round((ms % 1000) * 1e6))]);
  return syscall(nr.nanosleep, ts, 0);
}

module.exports = {
  FLAG, SEEK, AF, SOCK, SOL, SO, EPOLL, EPOLL_CTL, PROT, MAP, ERRNO, AT_FDCWD,
  read, write, pread, pwrite, open, close, lseek, fsync, ftruncate, access, mkdir, rmdir, unlink, rename,
  symlink, link, chmod, fchmod, chown, fchown, dup, dup2, fcntl, ioctl, readlink, getcwd, chdir, pipe,
  stat, lstat, fstat, decodeStat, getdents64, readdir,
  sockaddrIn, socket, connect, bind, listen, accept, accept4, send, recv, sendto, shutdown, setsockopt, getsockname, getpeername,
  epoll_create1, epoll_ctl, epoll_wait, mmap, munmap, mprotect,
  getpid, getppid, getuid, getgid, kill, exit, eventfd, nanosleep,
};
