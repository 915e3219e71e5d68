// The .env format (util.parseEnv) with Node 20's quirks, and process.loadEnvFile: the
// environment's own values win; a missing file is fs's ENOENT.
const util = require('util');
const fs = require('fs');
const os = require('os');
const path = require('path');
const samples = [
  'BASIC=basic\n# comment\nEMPTY=\nSPACED =  spaced value  \nSINGLE=\'single # not comment\'\nDOUBLE="double\\nnewline"\n' +
    'BACKTICK=`back`\nINLINE=value # comment\nexport EXPORTED=yes\nMULTI="line1\nline2"\nEQUALS=a=b=c\n' +
    'QUOTE_INSIDE=it\'s\nNOVALUE\n  INDENTED=ind\nDUP=1\nDUP=2\nJSON={"a":1}\nHASH_NOSPACE=a#b\nCRLF=crlf\r\nEND=end',
  'A= "q"\nB=  \'x\'  \nC="unclosed\nD=d\nE=\nF="a\\nb" # c\n#comment=1\n   # indented comment\nG=g\n=nokey\nH=h',
  'K1=v1\n\n\nK2="multi\nline"\nK3=`a\\nb`\nK4=\'c\\nd\'\nK5=x',
  'OPEN="no close\nNEXT=1\n',
  'LAST=',
  '',
  '10=ten\n2=two\nb=1\na=2',
];
for (const text of samples) console.log(util.parseEnv(text));
try { util.parseEnv(5); } catch (e) { console.log(e.code, e.message); }

const file = path.join(os.tmpdir(), `unode-dotenv-${process.pid}.env`);
fs.writeFileSync(file, 'DOTENV_PRESET=from file\nDOTENV_NEW="new value"\n');
process.env.DOTENV_PRESET = 'from env';
process.loadEnvFile(file);
console.log(process.env.DOTENV_PRESET, process.env.DOTENV_NEW);
fs.unlinkSync(file);
try { process.loadEnvFile(file); } catch (e) { console.log(e.code, e.syscall); }
