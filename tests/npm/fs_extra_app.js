// The real fs-extra (over graceful-fs, which reads the legacy `constants` module and
// patches fs) under both runtimes: JSON files, directory copies and moves, ensure/empty/
// remove, promise and callback forms, and the error a missing file gives.
const fse = require('fs-extra');
const os = require('os');
const path = require('path');

(async () => {
  const root = await fse.mkdtemp(path.join(os.tmpdir(), 'fse-'));
  try {
    const a = path.join(root, 'a');
    await fse.outputJson(path.join(a, 'deep/x.json'), { n: 1, list: [1, 2] }, { spaces: 2 });
    await fse.outputFile(path.join(a, 'deep/y.txt'), 'why');
    console.log('readJson', await fse.readJson(path.join(a, 'deep/x.json')));
    await fse.copy(a, path.join(root, 'b'));
    console.log('copied', (await fse.readdir(path.join(root, 'b/deep'))).sort());
    await fse.move(path.join(root, 'b'), path.join(root, 'c'));
    console.log('moved', await fse.pathExists(path.join(root, 'b')), await fse.pathExists(path.join(root, 'c/deep/y.txt')));
    await fse.ensureDir(path.join(root, 'd/e'));
    fse.ensureFileSync(path.join(root, 'd/e/f.txt'));
    await fse.emptyDir(path.join(root, 'd'));
    console.log('emptied', await fse.readdir(path.join(root, 'd')));
    fse.writeJsonSync(path.join(root, 'sync.json'), [true]);
    console.log('sync', fse.readJsonSync(path.join(root, 'sync.json')), fse.existsSync(path.join(root, 'sync.json')));
    await new Promise((resolve) => fse.readFile(path.join(root, 'c/deep/y.txt'), 'utf8', (err, text) => {
      console.log('callback', err, text);
      resolve();
    }));
    try {
      await fse.readJson(path.join(root, 'missing.json'));
    } catch (e) {
      console.log('missing', e.code, e.syscall, e.errno);
    }
    await fse.remove(path.join(root, 'c'));
    console.log('removed', await fse.pathExists(path.join(root, 'c')));
  } finally {
    await fse.remove(root);
  }
})();
