// The real tar (node-tar 7, over minizlib, which drives zlib streams through their
// `_handle` and `_processChunk`) under both runtimes: a gzipped archive of a small tree made,
// listed and extracted, file modes and contents kept.
const tar = require('tar');
const fs = require('fs');
const os = require('os');
const path = require('path');

(async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tar-app-'));
  try {
    fs.mkdirSync(path.join(root, 'in/sub'), { recursive: true });
    fs.writeFileSync(path.join(root, 'in/a.txt'), 'alpha\n');
    fs.writeFileSync(path.join(root, 'in/sub/b.bin'), Buffer.alloc(100000, 7));
    fs.chmodSync(path.join(root, 'in/a.txt'), 0o640);
    const file = path.join(root, 'out.tgz');
    await tar.c({ gzip: true, file, cwd: root, portable: true }, ['in']);
    console.log('gzip magic', fs.readFileSync(file).subarray(0, 2).toString('hex'));
    const listed = [];
    await tar.t({ file, onReadEntry: (e) => listed.push(`${e.path} ${e.type} ${e.size}`) });
    console.log(listed.sort());
    fs.mkdirSync(path.join(root, 'x'));
    await tar.x({ file, cwd: path.join(root, 'x') });
    console.log('a.txt', JSON.stringify(fs.readFileSync(path.join(root, 'x/in/a.txt'), 'utf8')),
      (fs.statSync(path.join(root, 'x/in/a.txt')).mode & 0o777).toString(8));
    const b = fs.readFileSync(path.join(root, 'x/in/sub/b.bin'));
    console.log('b.bin', b.length, b.every((v) => v === 7));
    // A broken archive is an error, not a hang.
    fs.writeFileSync(path.join(root, 'bad.tgz'), Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3]));
    await tar.x({ file: path.join(root, 'bad.tgz'), cwd: path.join(root, 'x') }).then(
      () => console.log('bad archive accepted'),
      (e) => console.log('bad archive', e.code || e.name),
    );
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
})();
