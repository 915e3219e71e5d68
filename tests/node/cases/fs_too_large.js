// Whole-file reads of a regular file over 2 GiB (a sparse 3 GiB file) fail with
// ERR_FS_FILE_TOO_LARGE in every style, before reading; /proc files (size 0) still read.
const fs = require('fs');
const f = require('os').tmpdir() + '/unode-3g-' + process.pid;
fs.closeSync(fs.openSync(f, 'w'));
fs.truncateSync(f, 3 * 2 ** 30);
const show = (e) => console.log(e.name, e.code, e.message);
try { fs.readFileSync(f); } catch (e) { show(e); }
const fd = fs.openSync(f, 'r');
try { fs.readFileSync(fd); } catch (e) { show(e); }
fs.readFile(f, (e) => {
  show(e);
  fs.promises.readFile(f).catch(show).then(async () => {
    const h = await fs.promises.open(f);
    await h.readFile().catch(show);
    await h.close();
    fs.closeSync(fd);
    fs.unlinkSync(f);
    console.log(fs.readFileSync('/proc/self/stat', 'utf8').length > 0, fs.readFileSync(__filename, 'utf8').length);
  });
});
