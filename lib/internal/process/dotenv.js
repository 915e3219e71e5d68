'use strict';

// The .env format as Node 20 reads it (util.parseEnv, process.loadEnvFile, --env-file):
// KEY=value lines; `export ` before a key is dropped; '#' starts a comment line, and ends
// an unquoted value; a value in single, double or back quotes may span lines, and in
// double quotes "\n" is a newline. Node's reader has quirks this keeps: a line without '='
// runs into the next line's key, an empty key ends the reading, and a later key wins.

function trimBlanks(text) {
  return text.replace(/^[ \t]+|[ \t]+$/g, '');
}

// The variables in `content`, by key in sorted order (as Node returns them).
function parseEnv(content) {
  const found = new Map();
  let rest = content.replace(/\r\n/g, '\n');
  // What follows the end of the line containing `at` (nothing if it is the last line).
  const afterLine = (at) => {
    const newline = rest.indexOf('\n', at);
    return newline === -1 ? '' : rest.slice(newline + 1);
  };
  while (rest.length > 0) {
    if (rest[0] === '\n' || rest[0] === '#') {
      const newline = rest.indexOf('\n');
      if (newline !== -1) {
        rest = rest.slice(newline + 1);
        continue;
      }
    }
    const equals = rest.indexOf('=');
    if (equals === -1) break;
    let key = trimBlanks(rest.slice(0, equals));
    rest = rest.slice(equals + 1).replace(/^[ \t]+/, '');
    if (key === '') break;
    if (key.startsWith('export ')) key = key.slice(7);
    if (rest.length === 0) {
      found.set(key, '');
      break;
    }
    const quote = rest[0];
    const closing = quote === '"' || quote === "'" || quote === '`' ? rest.indexOf(quote, 1) : -1;
    if (closing !== -1) {
      let value = rest.slice(1, closing);
      if (quote === '"') value = value.replace(/\\n/g, '\n');
      found.set(key, value);
      rest = afterLine(closing + 1);
    } else if (quote === '"' || quote === "'" || quote === '`') {
      // An unclosed quote: the rest of the line, quote and all.
      const newline = rest.indexOf('\n');
      found.set(key, newline === -1 ? rest : rest.slice(0, newline));
      rest = newline === -1 ? '' : rest.slice(newline);
    } else {
      const newline = rest.indexOf('\n');
      let value = newline === -1 ? rest : rest.slice(0, newline);
      const hash = value.indexOf('#');
      if (hash !== -1) value = value.slice(0, hash);
      found.set(key, trimBlanks(value));
      rest = newline === -1 ? '' : rest.slice(newline + 1);
    }
  }
  const out = {};
  for (const key of [...found.keys()].sort()) out[key] = found.get(key);
  return out;
}

module.exports = { parseEnv };
