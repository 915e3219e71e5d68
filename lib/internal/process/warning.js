'use strict';
// process.emitWarning: a 'warning' event on the next tick; printed to stderr unless
// --no-warnings (or --no-deprecation for deprecations).

const { getOptionValue } = require('internal/options');

let traceHintShown = false;

function emitWarning(warning, type, code, ctor) {
  let detail;
  if (type !== null && typeof type === 'object' && !Array.isArray(type)) {
    ({ type = 'Warning', code, detail } = type);
  } else if (typeof type === 'function') {
    type = 'Warning';
  }
  if (type === undefined) type = 'Warning';
  if (typeof code === 'function') code = undefined;
  if (typeof warning === 'string') {
    const err = new Error(warning);
    err.name = String(type);
    if (code !== undefined) err.code = code;
    if (detail !== undefined) err.detail = detail;
    warning = err;
  } else if (!(warning instanceof Error)) {
    const { codes } = require('internal/errors');
    throw new codes.ERR_INVALID_ARG_TYPE('warning', ['Error', 'string'], warning);
  }
  if (warning.name === 'DeprecationWarning') {
    if (process.noDeprecation) return;
    if (process.throwDeprecation) throw warning;
  }
  process.nextTick(() => {
    // Printed before listeners run, as Node's default handler is the first listener.
    writeWarning(warning);
    process.emit('warning', warning);
  });
}

function writeWarning(warning) {
  if (!getOptionValue('--warnings')) return;
  const trace = getOptionValue('--trace-warnings');
  let msg = `(node:${process.pid}) `;
  if (warning.code) msg += `[${warning.code}] `;
  msg += trace && warning.stack ? warning.stack : `${warning.name}: ${warning.message}`;
  if (warning.detail) msg += `\n${warning.detail}`;
  msg += '\n';
  if (!trace && !traceHintShown) {
    traceHintShown = true;
    const flag = warning.name === 'DeprecationWarning' ? '--trace-deprecation' : '--trace-warnings';
    msg += `(Use \`node ${flag} ...\` to show where the warning was created)\n`;
  }
  internalBinding('process').writeSync(2, msg);
}

module.exports = { emitWarning };
