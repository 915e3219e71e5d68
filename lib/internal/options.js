'use strict';
// The runtime's options, NODE_OPTIONS' and the command line's (see crates/unode's flags),
// read as Node's getOptionValue reads them: a flag's value, or its default when it was
// not given. `--warnings` is true unless `--no-warnings` was given, and so on for the
// other `--no-` flags.

// Each given option as `--name` or `--name=value`, in the order given.
var given = [];

function setOptions(list) {
  given = list;
}

var kDefaults = {
  __proto__: null,
  '--max-http-header-size': 16 * 1024,
  '--unhandled-rejections': 'throw',
  '--dns-result-order': 'verbatim',
  '--require': [],
  '--import': [],
};
var kNumeric = new Set(['--max-http-header-size', '--stack-trace-limit', '--max-old-space-size', '--stack-size']);
var kLists = new Set(['--require', '--import', '--env-file']);

function getOptionValue(name) {
  var prefix = name + '=';
  if (kLists.has(name)) {
    var all = [];
    for (var i = 0; i < given.length; i++) if (given[i].startsWith(prefix)) all.push(given[i].slice(prefix.length));
    return all;
  }
  for (var j = given.length - 1; j >= 0; j--) {
    var option = given[j];
    if (option === name) return true;
    if (option.startsWith(prefix)) {
      var value = option.slice(prefix.length);
      return kNumeric.has(name) ? Number(value) : value;
    }
    if (option === '--no-' + name.slice(2)) return false;
  }
  if (name in kDefaults) return kDefaults[name];
  // Flags Node has on by default (--warnings, --deprecation) stay on until negated.
  return name === '--warnings' || name === '--deprecation';
}

module.exports = { getOptionValue, setOptions };
