// Syntax errors inside required files surface as SyntaxError objects.
const fs = require('fs');
const path = require('path');
const file = path.join(__dirname, '.tmp-bad-syntax.js');
fs.writeFileSync(file, 'let x = ;\n');
try {
  require(file);
} catch (e) {
  console.log(e.name, e instanceof SyntaxError);
} finally {
  fs.unlinkSync(file);
}
try {
  JSON.parse('{bad');
} catch (e) {
  console.log(e.name);
}
