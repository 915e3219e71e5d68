'use strict';
// IP address recognition as Node's net.isIP does it (dotted-quad IPv4 without leading
// zeros; IPv6 with at most one "::", an optional trailing IPv4 part and an optional
// "%zone").

const kV4Part = /^(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])$/;
const kV6Group = /^[0-9a-fA-F]{1,4}$/;
const kZone = /^[0-9a-zA-Z\-.:]+$/;

// Like Node's (a RegExp test), these take any value by its string form.
function isIPv4(s) {
  if (typeof s !== 'string') s = `${s}`;
  if (s.length > 15) return false;
  const parts = s.split('.');
  if (parts.length !== 4) return false;
  for (let i = 0; i < 4; i++) if (!kV4Part.test(parts[i])) return false;
  return true;
}

function v6Groups(part) {
  if (part === '') return 0;
  const groups = part.split(':');
  for (let i = 0; i < groups.length; i++) if (!kV6Group.test(groups[i])) return -1;
  return groups.length;
}

function isIPv6(s) {
  if (typeof s !== 'string') s = `${s}`;
  const pct = s.indexOf('%');
  if (pct !== -1) {
    if (!kZone.test(s.slice(pct + 1))) return false;
    s = s.slice(0, pct);
  }
  let max = 8;
  const lastColon = s.lastIndexOf(':');
  if (lastColon !== -1 && s.indexOf('.', lastColon) !== -1) {
    if (!isIPv4(s.slice(lastColon + 1))) return false;
    // The IPv4 tail stands for two groups; keep the colon before it as a separator.
    s = s.slice(0, lastColon + 1) + '0';
    max = 7;
  }
  const dbl = s.indexOf('::');
  if (dbl === -1) return v6Groups(s) === max;
  if (s.indexOf('::', dbl + 1) !== -1) return false;
  const head = v6Groups(s.slice(0, dbl));
  const tail = v6Groups(s.slice(dbl + 2));
  if (head < 0 || tail < 0) return false;
  return head + tail + (max === 7 ? 1 : 0) <= 7;
}

function isIP(s) {
  if (isIPv4(s)) return 4;
  if (isIPv6(s)) return 6;
  return 0;
}

module.exports = { isIP, isIPv4, isIPv6 };
