'use strict';
// _http_common: what Node's older modules shared, for packages that still reach for it:
// the header checks, the method names and the expressions the server matches.

const {
  checkIsHttpToken, checkInvalidHeaderChar, chunkExpression, continueExpression, METHODS,
} = require('internal/http/common');

module.exports = {
  _checkInvalidHeaderChar: checkInvalidHeaderChar,
  _checkIsHttpToken: checkIsHttpToken,
  chunkExpression,
  continueExpression,
  CRLF: '\r\n',
  methods: METHODS.slice().sort(),
};
