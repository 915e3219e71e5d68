const fs = require('fs');
const os = require('path');
const tmp = os.join(__dirname, '.tmp-fs-basic');
fs.mkdirSync(tmp, { recursive: true });
const file = os.join(tmp, 'f.txt');
fs.writeFileSync(file, 'hello fs');
fs.appendFileSync(file, '!');
console.log(fs.readFileSync(file, 'utf8'), fs.existsSync(file), fs.statSync(file).size, fs.statSync(tmp).isDirectory());
console.log(fs.readdirSync(tmp));
try {
  fs.readFileSync(os.join(tmp, 'missing.txt'));
} catch (e) {
  console.log(e.code, e.errno, e.syscall, e.message.replace(tmp, '<tmp>'));
}
try {
  fs.readFileSync('a\u0000b');
} catch (e) {
  console.log(e.code, e.name);
}
fs.readFile(file, 'utf8', (err, data) => {
  console.log('async', err, data);
  fs.readFile(os.join(tmp, 'nope'), (err2) => {
    console.log('async error', err2.code, err2.syscall);
    fs.unlinkSync(file);
    fs.rmdirSync(tmp);
    console.log('cleaned', fs.existsSync(tmp));
  });
});
