// fs.watch reports changes in a directory through inotify; close() ends it.
const fs = require('fs');
const path = require('path');
const dir = path.join(__dirname, '.tmp-watch');
fs.rmSync ? fs.rmSync(dir, { recursive: true, force: true }) : null;
fs.mkdirSync(dir, { recursive: true });
const seen = new Set();
const watcher = fs.watch(dir, (eventType, filename) => {
  seen.add(`${eventType} ${filename}`);
  if (seen.has('rename new.txt') && seen.has('change new.txt')) {
    watcher.close();
  }
});
watcher.on('close', () => {
  console.log([...seen].filter((e) => e.endsWith('new.txt')).sort());
  fs.unlinkSync(path.join(dir, 'new.txt'));
  fs.rmdirSync(dir);
});
setTimeout(() => fs.writeFileSync(path.join(dir, 'new.txt'), 'data'), 20);
