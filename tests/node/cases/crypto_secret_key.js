// crypto's secret KeyObject: createSecretKey from bytes or strings, export as bytes or JWK,
// equals, HMACs keyed by one, and Node's errors; asymmetric key input is refused.
const c = require('crypto');
const k = c.createSecretKey(Buffer.from('secret'));
console.log(k.type, k.symmetricKeySize, k.asymmetricKeyType, k.export(), k.export({ format: 'jwk' }), k.equals(c.createSecretKey('secret', 'utf8')), k instanceof c.KeyObject, Object.prototype.toString.call(k));
console.log(c.createHmac('sha256', k).update('x').digest('hex') === c.createHmac('sha256', 'secret').update('x').digest('hex'));
try { c.createPrivateKey('secret'); } catch (e) { console.log(e.name, e.code, e.message); }
try { c.createPublicKey('secret'); } catch (e) { console.log(e.name, e.code, e.message); }
try { c.createSecretKey(5); } catch (e) { console.log(e.name, e.code, e.message); }
try { k.equals('x'); } catch (e) { console.log(e.name, e.code, e.message); }
try { new c.KeyObject('secret', {}); } catch (e) { console.log(e.name, e.code, e.message); }
try { new c.KeyObject('other', {}); } catch (e) { console.log(e.name, e.code, e.message); }
try { k.export({ format: 'pem' }); } catch (e) { console.log(e.name, e.code, e.message); }
console.log(c.createSecretKey(new Uint8Array([1, 2])).symmetricKeySize, c.createSecretKey('aGk=', 'base64').export().toString(), k.equals(c.createSecretKey('secreT')));
