// The jskernel seed's libaio example, verbatim: a raw GET over TCP with a callback per
// event. Point it at a server of your own (the test swaps in a local host and port).
var libaio = require('libaio');
var sock = new libaio.SocketTcp();
sock.onconnect = () => { console.log('Connected'); sock.write('GET /\n\n'); };
sock.ondata = (data) => { console.log('Received:'); console.log(data); };
sock.connect({host: '192.168.1.150', port: 80});
