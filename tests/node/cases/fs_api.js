// fs in three styles: results, Node's error shapes, ordering of callbacks.
const fs = require('fs');
const fsp = require('fs/promises');
const path = require('path');
const dir = path.join(__dirname, '.tmp-fs-api');
fs.rmSync(dir, { recursive: true, force: true });
const created = fs.mkdirSync(path.join(dir, 'a/b/c'), { recursive: true });
console.log('mkdir -p first created', path.relative(__dirname, created));
const err = (label, fn) => {
  try {
    fn();
    console.log(label, 'no error');
  } catch (e) {
    console.log(label, e.code, e.syscall, e.errno, e.message.replace(dir, '<dir>').replace(dir, '<dir>'));
  }
};
const f = path.join(dir, 'file.txt');
fs.writeFileSync(f, 'line 1\nline 2\n');
fs.appendFileSync(f, 'line 3\n');
console.log(JSON.stringify(fs.readFileSync(f, 'utf8')), fs.statSync(f).size, fs.statSync(f).isFile(), fs.lstatSync(dir).isDirectory());
console.log(fs.statSync(f, { bigint: true }).size, typeof fs.statSync(f).mtime.getTime());
err('ENOENT open', () => fs.readFileSync(path.join(dir, 'missing')));
err('EEXIST mkdir', () => fs.mkdirSync(dir));
err('ENOTDIR', () => fs.readdirSync(f));
err('EISDIR read', () => fs.readFileSync(dir));
err('ENOTEMPTY', () => fs.rmdirSync(path.join(dir, 'a')));
err('EBADF', () => fs.closeSync(98765));
err('rename ENOENT', () => fs.renameSync(path.join(dir, 'nope'), path.join(dir, 'x')));
err('bad path type', () => fs.readFileSync({}));
err('nul byte', () => fs.statSync('a\0b'));
err('bad fd', () => fs.fstatSync(-1));
err('COPYFILE_EXCL', () => { fs.copyFileSync(f, path.join(dir, 'copy.txt')); fs.copyFileSync(f, path.join(dir, 'copy.txt'), fs.constants.COPYFILE_EXCL); });
console.log(fs.readdirSync(dir).sort(), fs.readdirSync(dir, { withFileTypes: true }).map((d) => `${d.name}:${d.isDirectory()}`).sort());
console.log(fs.readdirSync(dir, { recursive: true }).sort());
const fd = fs.openSync(f, 'r+');
const buf = Buffer.alloc(6);
console.log(fs.readSync(fd, buf, 0, 6, 7), buf.toString(), fs.writeSync(fd, 'LINE', 0), fs.fstatSync(fd).size);
fs.ftruncateSync(fd, 4);
fs.closeSync(fd);
console.log(fs.readFileSync(f, 'utf8'), fs.existsSync(f), fs.existsSync(path.join(dir, 'nope')));
fs.symlinkSync('file.txt', path.join(dir, 'link'));
console.log(fs.readlinkSync(path.join(dir, 'link')), path.basename(fs.realpathSync(path.join(dir, 'link'))), fs.lstatSync(path.join(dir, 'link')).isSymbolicLink());
fs.chmodSync(f, 0o600);
console.log((fs.statSync(f).mode & 0o777).toString(8));
fs.utimesSync(f, 1000.0015, 2000);
console.log(fs.statSync(f).atimeMs, fs.statSync(f).mtimeMs);
const tmp = fs.mkdtempSync(path.join(dir, 'tmp-'));
console.log(path.basename(tmp).length, path.basename(tmp).startsWith('tmp-'));

const order = [];
fs.readFile(f, 'utf8', (e, data) => {
  order.push(`readFile cb ${e} ${data}`);
  fs.stat(path.join(dir, 'missing'), (e2) => {
    order.push(`stat cb ${e2.code} ${e2.syscall}`);
    (async () => {
      const h = await fsp.open(f, 'r');
      const { bytesRead } = await h.read(Buffer.alloc(10), 0, 10, 0);
      order.push(`FileHandle read ${bytesRead} fd>2 ${h.fd > 2}`);
      await h.close();
      order.push(`promises.readdir ${(await fsp.readdir(dir)).length}`);
      try {
        await fsp.readFile(path.join(dir, 'missing'));
      } catch (e3) {
        order.push(`promises error ${e3.code} ${e3.syscall}`);
      }
      await fsp.rm(dir, { recursive: true });
      order.push(`rm done ${fs.existsSync(dir)}`);
      console.log(order.join('\n'));
    })();
  });
});
order.push('sync end');
