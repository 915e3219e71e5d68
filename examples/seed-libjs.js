// The jskernel seed's libjs example. The seed read '/share/myfile.txt'; this reads the
// file named on the command line (default: this script).
var libjs = require('libjs');
var file = process.argv[2] || __filename;

var fd = libjs.open(file, libjs.FLAG.O_RDONLY);
if(fd > -1) {
    var buf = new Buffer(1024);
    var bytes_read = libjs.read(fd, buf);
    console.log('Bytes read: ', bytes_read);
    console.log(buf.toString().substr(0, bytes_read));
    libjs.close(fd);
} else {
    console.log('Error: ', fd);
}
