const path = require('path');
const cases = [
  ['join', ['/a/b', '../c', './d'], ['', ''], ['a', '', 'b/'], ['/', '..', '..']],
  ['resolve', ['/foo/bar', './baz'], ['/foo/bar', '/tmp/file/'], ['a', '/b', 'c']],
  ['normalize', ['/foo/bar//baz/asdf/quux/..'], ['./a/../../b'], [''], ['//a//b/']],
  ['relative', ['/data/orandea/test/aaa', '/data/orandea/impl/bbb'], ['/a', '/a'], ['/a/b', '/a']],
  ['dirname', ['/a/b/c'], ['a'], ['/'], ['//a']],
  ['basename', ['/a/b.html', '.html'], ['/a/b/'], ['file.txt', 'txt'], ['']],
  ['extname', ['index.html'], ['.index'], ['index.'], ['a.b.c'], ['.bashrc']],
  ['isAbsolute', ['/x'], ['x'], ['']],
  ['parse', ['/home/user/dir/file.txt'], ['./a.b'], ['/']],
];
for (const [fn, ...argsList] of cases) {
  for (const args of argsList) {
    console.log(fn, JSON.stringify(args), JSON.stringify(path[fn](...args)));
    console.log('  win32', JSON.stringify(path.win32[fn](...args.map((a) => a.replace(/\//g, '\\')))));
  }
}
console.log(path.format({ root: '/', dir: '/home', base: 'f.txt' }), path.format({ name: 'x', ext: 'js' }));
console.log(path.sep, path.delimiter, path.win32.sep, path.posix === path, path.win32.resolve('C:\\a', 'b'));
try { path.join(1); } catch (e) { console.log(e.code, e.message); }
console.log(path.toNamespacedPath('/a'), path.win32.toNamespacedPath('C:\\a'));
