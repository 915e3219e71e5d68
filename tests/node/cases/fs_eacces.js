// @as-nobody
// @stdout-only
// Permission errors as an unprivileged user: EACCES (and EPERM) from sync, callback and
// promise calls with Node's codes, errnos, syscalls and messages.
const fs = require('fs');
const path = require('path');
const os = require('os');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eacces-'));
const clean = (s) => String(s).replaceAll(dir, '<dir>');
const show = (label, fn) => {
  try {
    const r = fn();
    console.log(label, 'ok', r === undefined ? '' : clean(r));
  } catch (e) {
    console.log(label, e.code, e.errno, e.syscall, clean(e.message));
  }
};

const locked = path.join(dir, 'locked.txt');
fs.writeFileSync(locked, 'secret');
fs.chmodSync(locked, 0o000);
const ro = path.join(dir, 'ro');
fs.mkdirSync(ro);
fs.writeFileSync(path.join(ro, 'f'), 'x');
fs.mkdirSync(path.join(ro, 'sub'));
fs.chmodSync(ro, 0o555);
const noList = path.join(dir, 'nolist');
fs.mkdirSync(noList);
fs.writeFileSync(path.join(noList, 'known'), 'reachable by name');
fs.chmodSync(noList, 0o311);

show('readFileSync', () => fs.readFileSync(locked));
show('openSync w', () => fs.openSync(locked, 'w'));
show('appendFileSync', () => fs.appendFileSync(locked, 'x'));
show('accessSync R_OK', () => fs.accessSync(locked, fs.constants.R_OK));
show('accessSync F_OK', () => fs.accessSync(locked, fs.constants.F_OK));
show('existsSync', () => fs.existsSync(locked));
show('statSync mode', () => (fs.statSync(locked).mode & 0o777).toString(8));
show('copyFileSync from locked', () => fs.copyFileSync(locked, path.join(dir, 'copy')));
show('writeFileSync in ro', () => fs.writeFileSync(path.join(ro, 'new'), 'x'));
show('mkdirSync in ro', () => fs.mkdirSync(path.join(ro, 'd')));
show('mkdirSync recursive in ro', () => fs.mkdirSync(path.join(ro, 'a', 'b'), { recursive: true }));
show('unlinkSync in ro', () => fs.unlinkSync(path.join(ro, 'f')));
show('rmdirSync in ro', () => fs.rmdirSync(path.join(ro, 'sub')));
show('renameSync out of ro', () => fs.renameSync(path.join(ro, 'f'), path.join(dir, 'moved')));
show('symlinkSync in ro', () => fs.symlinkSync('f', path.join(ro, 'link')));
show('rmSync recursive ro', () => fs.rmSync(ro, { recursive: true }));
show('readdirSync nolist', () => fs.readdirSync(noList));
show('readFileSync through nolist', () => fs.readFileSync(path.join(noList, 'known'), 'utf8'));
show('chmodSync not owner', () => fs.chmodSync('/etc/hostname', 0o777));
show('utimesSync not owner', () => fs.utimesSync('/etc/hostname', 1, 1));
show('mkdtempSync in ro', () => fs.mkdtempSync(path.join(ro, 'tmp-')));

fs.readFile(locked, (e) => {
  console.log('readFile cb', e.code, e.syscall, clean(e.message));
  fs.mkdir(path.join(ro, 'cb'), (e2) => {
    console.log('mkdir cb', e2.code, e2.syscall, clean(e2.path));
    fs.promises.open(locked, 'r')
      .catch((e3) => console.log('promises.open', e3.code, e3.errno, clean(e3.message)))
      .then(() => fs.promises.readdir(noList))
      .catch((e4) => console.log('promises.readdir', e4.code, e4.syscall, clean(e4.message)))
      .then(() => fs.promises.writeFile(path.join(ro, 'p'), 'x'))
      .catch((e5) => console.log('promises.writeFile', e5.code, e5.syscall))
      .finally(() => {
        fs.chmodSync(ro, 0o755);
        fs.chmodSync(noList, 0o755);
        fs.rmSync(dir, { recursive: true, force: true });
        console.log('cleaned', !fs.existsSync(dir));
      });
  });
});
