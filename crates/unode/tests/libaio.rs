//! libaio, the seed's callback-per-event sockets (unode only: node has no such module).

use std::io::{Read, Write};
use std::net::{TcpListener, UdpSocket};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::thread::JoinHandle;

fn unode() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_unode"));
    c.env("NO_COLOR", "1");
    c
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("repo root")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn run_script(script: &str) -> Output {
    unode().args(["-e", script]).output().expect("run unode")
}

/// A one-shot HTTP-ish server on loopback: it reads the request up to its blank line,
/// answers `response` and closes. The thread returns the request it read.
fn one_shot_server(response: &'static [u8]) -> (u16, JoinHandle<String>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("local addr").port();
    let server = std::thread::spawn(move || {
        let (mut conn, _) = listener.accept().expect("accept");
        let mut request = Vec::new();
        let mut buf = [0u8; 256];
        while !request.ends_with(b"\n\n") {
            let n = conn.read(&mut buf).expect("read");
            if n == 0 {
                break;
            }
            request.extend_from_slice(&buf[..n]);
        }
        conn.write_all(response).expect("write");
        text(&request)
    });
    (port, server)
}

#[test]
fn seed_libaio_example_gets_from_a_local_server() {
    let (port, server) = one_shot_server(b"HTTP/1.0 200 OK\r\n\r\nhi");
    let example = std::fs::read_to_string(root().join("examples/seed-libaio.js")).unwrap();
    let script = example
        .replace("'192.168.1.150'", "'127.0.0.1'")
        .replace("port: 80}", &format!("port: {port}}}"));
    assert_ne!(
        script, example,
        "the example's host and port were not found"
    );
    let out = run_script(&script);
    assert_eq!(server.join().unwrap(), "GET /\n\n");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "Connected\nReceived:\n\
         <Buffer 48 54 54 50 2f 31 2e 30 20 32 30 30 20 4f 4b 0d 0a 0d 0a 68 69>\n"
    );
}

#[test]
fn tcp_end_close_and_errors_reach_their_callbacks() {
    let (port, server) = one_shot_server(b"bye");
    // A port that nothing listens on: bound, then freed.
    let refused = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let script = format!(
        r#"
        const libaio = require('libaio');
        const sock = new libaio.SocketTcp();
        sock.onconnect = () => {{ sock.write('hello\n'); sock.write('\n'); }};
        sock.ondata = (data) => console.log('data', data.toString());
        sock.onend = () => console.log('end');
        sock.onclose = (hadError) => {{
          console.log('close', hadError);
          const bad = new libaio.SocketTcp();
          bad.onerror = (err) => console.log('error', err.code, err.syscall);
          bad.onclose = (hadError) => console.log('bad close', hadError);
          bad.connect({{ host: '127.0.0.1', port: {refused} }});
        }};
        sock.connect({{ host: '127.0.0.1', port: {port} }});
        "#
    );
    let out = run_script(&script);
    assert_eq!(server.join().unwrap(), "hello\n\n");
    assert_eq!(
        text(&out.stdout),
        "data bye\nend\nclose false\nerror ECONNREFUSED connect\nbad close true\n",
        "{}",
        text(&out.stderr)
    );
    assert!(out.status.success());
}

#[test]
fn an_unhandled_tcp_error_is_uncaught() {
    let refused = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let script = format!(
        "new (require('libaio').SocketTcp)().connect({{ host: '127.0.0.1', port: {refused} }});"
    );
    let out = run_script(&script);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("connect ECONNREFUSED 127.0.0.1:"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn dgram_sockets_send_and_receive() {
    // A peer outside unode: it echoes one datagram back in upper case.
    let peer = UdpSocket::bind("127.0.0.1:0").unwrap();
    let peer_port = peer.local_addr().unwrap().port();
    let echo = std::thread::spawn(move || {
        let mut buf = [0u8; 64];
        let (n, from) = peer.recv_from(&mut buf).unwrap();
        peer.send_to(&buf[..n].to_ascii_uppercase(), from).unwrap();
    });
    let script = format!(
        r#"
        const libaio = require('libaio');
        const sock = new libaio.SocketDgram();
        sock.onlistening = () => console.log('listening', typeof sock.address().port);
        sock.onmessage = (msg, rinfo) => {{
          console.log('message', msg.toString(), rinfo.address, rinfo.family, rinfo.port === {peer_port}, rinfo.size);
          sock.close();
        }};
        sock.onclose = () => console.log('closed');
        sock.bind({{ port: 0, address: '127.0.0.1' }});
        sock.send('ping', {{ host: '127.0.0.1', port: {peer_port} }}, (err, sent) => console.log('sent', err, sent));
        "#
    );
    let out = run_script(&script);
    echo.join().unwrap();
    assert_eq!(
        text(&out.stdout),
        "listening number\nsent null 4\nmessage PING 127.0.0.1 IPv4 true 4\nclosed\n",
        "{}",
        text(&out.stderr)
    );
    assert!(out.status.success());
}
