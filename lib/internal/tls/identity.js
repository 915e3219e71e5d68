'use strict';

// tls.checkServerIdentity: whether a certificate (as getPeerCertificate() gives it) names
// `hostname`, by RFC 6125's rules as Node applies them: IP addresses against the IP
// entries of subjectAltName; names against its DNS entries, or the subject's CN when it
// has none; a wildcard only as the whole or part of the leftmost label, never for a
// top-level domain or an A-label. Returns undefined, or the error Node returns.

const net = require('net');

// subjectaltname is "DNS:a, IP Address:1.2.3.4", with an entry quoted (JSON) when its
// value holds a comma or a quote.
function splitAltNames(text) {
  if (!text.includes('"')) return text.split(', ');
  const names = [];
  let at = 0;
  while (at < text.length) {
    const colon = text.indexOf(':', at);
    let value, next;
    if (text[colon + 1] === '"') {
      let end = colon + 2;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      value = JSON.parse(text.slice(colon + 1, end + 1));
      next = end + 1;
    } else {
      next = text.indexOf(', ', colon);
      if (next === -1) next = text.length;
      value = text.slice(colon + 1, next);
    }
    names.push(`${text.slice(at, colon)}:${value}`);
    at = text.startsWith(', ', next) ? next + 2 : next;
  }
  return names;
}

// An address in one spelling (RFC 5952 for IPv6: lower case, no leading zeros, the longest
// run of two or more zero groups as ::), since text can write one address several ways.
function canonicalIP(address) {
  if (!net.isIPv6(address)) return address;
  let [head, tail] = address.split('::');
  const groups = (text) => {
    if (!text) return [];
    const parts = text.split(':');
    const last = parts[parts.length - 1];
    if (last.includes('.')) {
      const [a, b, c, d] = last.split('.').map(Number);
      parts.splice(-1, 1, ((a << 8) | b).toString(16), ((c << 8) | d).toString(16));
    }
    return parts.map((g) => parseInt(g, 16));
  };
  const front = groups(head), back = groups(tail);
  const all = tail === undefined ? front : [...front, ...new Array(8 - front.length - back.length).fill(0), ...back];
  let best = -1, bestLength = 1;
  for (let i = 0; i < 8; i++) {
    let j = i;
    while (j < 8 && all[j] === 0) j++;
    if (j - i > bestLength) {
      best = i;
      bestLength = j - i;
    }
    i = j > i ? j - 1 : i;
  }
  // IPv4-mapped and IPv4-compatible addresses end in dotted quads, as inet_ntop writes them.
  if (best === 0 && (bestLength === 6 || (bestLength === 5 && all[5] === 0xffff))) {
    const v4 = [all[6] >> 8, all[6] & 0xff, all[7] >> 8, all[7] & 0xff].join('.');
    return bestLength === 6 ? `::${v4}` : `::ffff:${v4}`;
  }
  const hex = all.map((g) => g.toString(16));
  if (best === -1) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLength).join(':')}`;
}

function labels(name) {
  return name.replace(/\.$/, '').toLowerCase().split('.');
}

function nameMatches(hostLabels, pattern) {
  if (!pattern) return false;
  const patternLabels = labels(pattern);
  if (patternLabels.length !== hostLabels.length || patternLabels.includes('')) return false;
  // Non-ASCII, blanks and controls never match (U-labels cannot be compared reliably).
  if (patternLabels.some((l) => /[^\u0021-\u007f]/.test(l))) return false;
  for (let i = 1; i < hostLabels.length; i++) if (hostLabels[i] !== patternLabels[i]) return false;
  const host = hostLabels[0], first = patternLabels[0];
  const pieces = first.split('*');
  if (pieces.length === 1 || first.includes('xn--')) return host === first;
  if (pieces.length > 2 || patternLabels.length <= 2) return false;
  const [prefix, suffix] = pieces;
  return prefix.length + suffix.length <= host.length && host.startsWith(prefix) && host.endsWith(suffix);
}

function checkServerIdentity(hostname, cert) {
  const altNames = cert.subjectaltname;
  const dnsNames = [], ips = [];
  if (altNames) {
    for (const name of splitAltNames(altNames)) {
      if (name.startsWith('DNS:')) dnsNames.push(name.slice(4));
      else if (name.startsWith('IP Address:')) ips.push(canonicalIP(name.slice(11)));
    }
  }
  hostname = `${hostname}`.replace(/\.$/, '');
  let reason;
  if (net.isIP(hostname)) {
    if (ips.includes(canonicalIP(hostname))) return undefined;
    reason = `IP: ${hostname} is not in the cert's list: ${ips.join(', ')}`;
  } else if (dnsNames.length > 0) {
    const hostLabels = labels(hostname);
    if (dnsNames.some((pattern) => nameMatches(hostLabels, pattern))) return undefined;
    reason = `Host: ${hostname}. is not in the cert's altnames: ${altNames}`;
  } else if (cert.subject?.CN) {
    const hostLabels = labels(hostname);
    const cn = cert.subject.CN;
    if ((Array.isArray(cn) ? cn : [cn]).some((pattern) => nameMatches(hostLabels, pattern))) return undefined;
    reason = `Host: ${hostname}. is not cert's CN: ${cn}`;
  } else {
    reason = 'Cert does not contain a DNS name';
  }
  const err = new Error(`Hostname/IP does not match certificate's altnames: ${reason}`);
  err.code = 'ERR_TLS_CERT_ALTNAME_INVALID';
  err.reason = reason;
  err.host = hostname;
  err.cert = cert;
  return err;
}

module.exports = { checkServerIdentity };
