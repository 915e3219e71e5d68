// The jskernel seed's libsys example, verbatim: SYS_write (1) of 12 bytes to fd 1.
require('libsys').syscall(1, 1, new Buffer('Hello world\n'), 12);
