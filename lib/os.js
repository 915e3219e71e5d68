'use strict';
// os: facts about the machine, from /proc files, uname(2), sched_getaffinity(2) and
// rtnetlink (internalBinding('os')).

const binding = internalBinding('os');
const fsBinding = internalBinding('fs');

let errorsModule;
const errors = () => (errorsModule ??= require('internal/errors'));

const USER_HZ_TO_MS = 10; // /proc/stat counts in 1/100 s.

function readProc(path) {
  try {
    return fsBinding.readFileUtf8(path);
  } catch {
    return '';
  }
}

function meminfo(field) {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readProc('/proc/meminfo'));
  return m ? Number(m[1]) * 1024 : 0;
}

const uname = () => binding.uname();

function cpus() {
  const models = [];
  for (const m of readProc('/proc/cpuinfo').matchAll(/^model name\s*:\s*(.*)$/gm)) models.push(m[1].trim());
  const out = [];
  for (const line of readProc('/proc/stat').split('\n')) {
    const m = /^cpu(\d+)\s+(.*)$/.exec(line);
    if (!m) continue;
    const [user, nice, sys, idle, , irq] = m[2].trim().split(/\s+/).map(Number);
    const n = Number(m[1]);
    const khz = Number(readProc(`/sys/devices/system/cpu/cpu${n}/cpufreq/scaling_cur_freq`).trim()) || 0;
    out.push({
      model: models[n] !== undefined ? models[n] : models[0] || 'unknown',
      speed: Math.floor(khz / 1000),
      times: { user: user * USER_HZ_TO_MS, nice: nice * USER_HZ_TO_MS, sys: sys * USER_HZ_TO_MS, idle: idle * USER_HZ_TO_MS, irq: (irq || 0) * USER_HZ_TO_MS },
    });
  }
  return out;
}

function loadavg() {
  const parts = readProc('/proc/loadavg').split(' ');
  return [Number(parts[0]) || 0, Number(parts[1]) || 0, Number(parts[2]) || 0];
}

function uptime() {
  return Number(readProc('/proc/uptime').split(' ')[0]) || 0;
}

// The passwd entry of `uid`: [name, password, uid, gid, gecos, home, shell].
function passwdEntry(uid) {
  for (const line of readProc('/etc/passwd').split('\n')) {
    const f = line.split(':');
    if (f.length >= 7 && Number(f[2]) === uid) return f;
  }
  return null;
}

function homedir() {
  const home = process.env.HOME;
  if (home) return home;
  const entry = passwdEntry(process.getuid());
  return entry ? entry[5] : '/';
}

function tmpdir() {
  let dir = process.env.TMPDIR || process.env.TMP || process.env.TEMP || '/tmp';
  if (dir.length > 1 && dir.endsWith('/')) dir = dir.slice(0, -1);
  return dir;
}

function userInfo(options) {
  const uid = process.geteuid();
  const entry = passwdEntry(uid);
  if (entry === null) {
    throw errors().uvException({ errno: -2, code: 'ENOENT', message: 'no such file or directory', syscall: 'uv_os_get_passwd' });
  }
  const asBuffer = options && options.encoding === 'buffer';
  const enc = (s) => (asBuffer ? require('buffer').Buffer.from(s) : s);
  return { __proto__: null, uid, gid: Number(entry[3]), username: enc(entry[0]), homedir: enc(entry[5]), shell: enc(entry[6]) };
}

// --- networkInterfaces -----------------------------------------------------------------

function ipv4(bytes) {
  return `${bytes[0]}.${bytes[1]}.${bytes[2]}.${bytes[3]}`;
}

// RFC 5952 text: lowercase hex groups, the longest run (>= 2) of zero groups as "::".
function ipv6(bytes) {
  const groups = [];
  for (let i = 0; i < 16; i += 2) groups.push((bytes[i] << 8) | bytes[i + 1]);
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best === -1) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`;
}

function maskBytes(prefix, length) {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    const bits = Math.max(0, Math.min(8, prefix - i * 8));
    out[i] = bits === 0 ? 0 : (0xff << (8 - bits)) & 0xff;
  }
  return out;
}

function networkInterfaces() {
  const result = {};
  for (const [name, family, address, prefix, mac, internal, scopeid] of binding.interfaces()) {
    const v4 = family === 4;
    const text = v4 ? ipv4(address) : ipv6(address);
    const entry = {
      address: text,
      netmask: v4 ? ipv4(maskBytes(prefix, 4)) : ipv6(maskBytes(prefix, 16)),
      family: v4 ? 'IPv4' : 'IPv6',
      mac: Array.from(mac, (b) => b.toString(16).padStart(2, '0')).join(':'),
      internal,
      cidr: `${text}/${prefix}`,
    };
    if (!v4) entry.scopeid = scopeid;
    (result[name] ??= []).push(entry);
  }
  return result;
}

// --- priority ----------------------------------------------------------------------------

const priority = {
  __proto__: null,
  PRIORITY_LOW: 19,
  PRIORITY_BELOW_NORMAL: 10,
  PRIORITY_NORMAL: 0,
  PRIORITY_ABOVE_NORMAL: -7,
  PRIORITY_HIGH: -14,
  PRIORITY_HIGHEST: -20,
};

function getPriority(pid = 0) {
  errors().validateInt32(pid, 'pid');
  return binding.getPriority(pid);
}

function setPriority(pid, prio) {
  if (prio === undefined) {
    prio = pid;
    pid = 0;
  }
  errors().validateInt32(pid, 'pid');
  errors().validateInt32(prio, 'priority', -20, 19);
  binding.setPriority(pid, prio);
}

// --- constants ---------------------------------------------------------------------------

const kErrnoNames = [
  'E2BIG', 'EACCES', 'EADDRINUSE', 'EADDRNOTAVAIL', 'EAFNOSUPPORT', 'EAGAIN', 'EALREADY', 'EBADF', 'EBADMSG',
  'EBUSY', 'ECANCELED', 'ECHILD', 'ECONNABORTED', 'ECONNREFUSED', 'ECONNRESET', 'EDEADLK', 'EDESTADDRREQ',
  'EDOM', 'EDQUOT', 'EEXIST', 'EFAULT', 'EFBIG', 'EHOSTUNREACH', 'EIDRM', 'EILSEQ', 'EINPROGRESS', 'EINTR',
  'EINVAL', 'EIO', 'EISCONN', 'EISDIR', 'ELOOP', 'EMFILE', 'EMLINK', 'EMSGSIZE', 'EMULTIHOP', 'ENAMETOOLONG',
  'ENETDOWN', 'ENETRESET', 'ENETUNREACH', 'ENFILE', 'ENOBUFS', 'ENODATA', 'ENODEV', 'ENOENT', 'ENOEXEC',
  'ENOLCK', 'ENOLINK', 'ENOMEM', 'ENOMSG', 'ENOPROTOOPT', 'ENOSPC', 'ENOSR', 'ENOSTR', 'ENOSYS', 'ENOTCONN',
  'ENOTDIR', 'ENOTEMPTY', 'ENOTSOCK', 'ENOTSUP', 'ENOTTY', 'ENXIO', 'EOPNOTSUPP', 'EOVERFLOW', 'EPERM', 'EPIPE',
  'EPROTO', 'EPROTONOSUPPORT', 'EPROTOTYPE', 'ERANGE', 'EROFS', 'ESPIPE', 'ESRCH', 'ESTALE', 'ETIME',
  'ETIMEDOUT', 'ETXTBSY', 'EWOULDBLOCK', 'EXDEV',
];
// Names Linux gives another's number.
const kErrnoAliases = { __proto__: null, ENOTSUP: 'EOPNOTSUPP', EWOULDBLOCK: 'EAGAIN' };

function buildConstants() {
  const { signalNumbers } = require('internal/process/setup');
  const signals = { __proto__: null };
  for (const name in signalNumbers) signals[name] = signalNumbers[name];
  // Node's list of POSIX error names, in its order, with Linux's numbers.
  const errno = { __proto__: null };
  const uv = internalBinding('uv');
  for (const name of kErrnoNames) errno[name] = -uv[`UV_${kErrnoAliases[name] ?? name}`];
  return {
    __proto__: null,
    UV_UDP_REUSEADDR: 4,
    dlopen: { __proto__: null, RTLD_LAZY: 1, RTLD_NOW: 2, RTLD_GLOBAL: 256, RTLD_LOCAL: 0, RTLD_DEEPBIND: 8 },
    errno,
    signals,
    priority,
  };
}

let constants;

module.exports = {
  arch: () => process.arch,
  availableParallelism: () => binding.cpuCount(),
  cpus,
  endianness: () => 'LE',
  freemem: () => meminfo('MemAvailable'),
  getPriority,
  homedir,
  hostname: () => uname()[1],
  loadavg,
  networkInterfaces,
  platform: () => process.platform,
  release: () => uname()[2],
  setPriority,
  tmpdir,
  totalmem: () => meminfo('MemTotal'),
  type: () => uname()[0],
  userInfo,
  uptime,
  version: () => uname()[3],
  machine: () => uname()[4],
  get constants() {
    return (constants ??= buildConstants());
  },
  EOL: '\n',
  devNull: '/dev/null',
};
