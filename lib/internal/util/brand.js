'use strict';
// Whether `value` has the internal slot `method` needs (Date, Map, RegExp …): the
// built-in method throws for anything else. Stack traces are switched off for the check:
// collecting one is most of what a failed check costs in QuickJS.

function hasBrand(method, value, arg) {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    method.call(value, arg);
    return true;
  } catch {
    return false;
  } finally {
    Error.stackTraceLimit = limit;
  }
}

module.exports = { hasBrand };
