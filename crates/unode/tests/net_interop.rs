//! Network interop and robustness: unode's servers with node's clients and the reverse,
//! over HTTP, TCP and UDP (each pairing must print what node ↔ node prints), curl against unode's HTTP server,
//! and a flood of malformed requests that must leave the server serving, with no fd growth.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("repo root")
}

fn fixture(name: &str) -> String {
    root()
        .join("tests/node/fixtures/interop")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

fn have_node() -> bool {
    Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

fn runtime(name: &str) -> Command {
    let mut c = match name {
        "unode" => Command::new(env!("CARGO_BIN_EXE_unode")),
        _ => Command::new("node"),
    };
    c.env("NO_COLOR", "1");
    c
}

/// Starts a server script and reads the port it prints first.
fn start_server(rt: &str, script: &str, args: &[&str]) -> (Child, u16) {
    let mut child = runtime(rt)
        .arg(fixture(script))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("spawn server");
    let mut line = String::new();
    BufReader::new(child.stdout.as_mut().expect("stdout"))
        .read_line(&mut line)
        .expect("read port");
    let port = line
        .trim()
        .parse()
        .unwrap_or_else(|_| panic!("{rt} {script} printed {line:?}, not a port"));
    (child, port)
}

/// Runs server and client scripts under the given runtimes; returns the client's output
/// and checks that both exit 0 (the server exits once the client is done with it).
fn pair(server_rt: &str, client_rt: &str, server: &str, client: &str, args: &[&str]) -> String {
    let (mut srv, port) = start_server(server_rt, server, args);
    let out = runtime(client_rt)
        .arg(fixture(client))
        .arg(port.to_string())
        .args(args)
        .output()
        .expect("run client");
    let status = wait_with_timeout(&mut srv, Duration::from_secs(20));
    assert!(
        out.status.success(),
        "{client_rt} {client} against {server_rt} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // A node server is only the peer here: if it lingers, say so and move on; a unode
    // server must close by itself once its client is done.
    if server_rt == "node" && status.is_none() {
        eprintln!("note: node {server} outlived its {client_rt} client by 20 s and was killed");
        return String::from_utf8_lossy(&out.stdout).into_owned();
    }
    assert_eq!(
        status,
        Some(0),
        "{server_rt} {server} did not exit cleanly after the {client_rt} client, which printed:\n{}",
        String::from_utf8_lossy(&out.stdout)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn wait_with_timeout(child: &mut Child, limit: Duration) -> Option<i32> {
    let start = std::time::Instant::now();
    loop {
        if let Some(st) = child.try_wait().expect("wait") {
            return st.code();
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn http_interop_both_ways() {
    if !have_node() {
        eprintln!("SKIPPED: node is not on PATH (scripts/setup.sh installs it)");
        return;
    }
    let oracle = pair("node", "node", "http_server.js", "http_client.js", &[]);
    assert!(
        oracle.contains("stopped"),
        "oracle run incomplete: {oracle}"
    );
    for (server, client) in [("unode", "node"), ("node", "unode"), ("unode", "unode")] {
        let got = pair(server, client, "http_server.js", "http_client.js", &[]);
        assert_eq!(got, oracle, "{server} server with {client} client");
    }
}

#[test]
fn https_interop_both_ways() {
    if !have_node() {
        eprintln!("SKIPPED: node is not on PATH (scripts/setup.sh installs it)");
        return;
    }
    let oracle = pair("node", "node", "http_server.js", "http_client.js", &["tls"]);
    assert!(
        oracle.contains("stopped"),
        "oracle run incomplete: {oracle}"
    );
    for (server, client) in [("unode", "node"), ("node", "unode"), ("unode", "unode")] {
        let got = pair(server, client, "http_server.js", "http_client.js", &["tls"]);
        assert_eq!(got, oracle, "https: {server} server with {client} client");
    }
}

#[test]
fn tcp_echo_interop_both_ways() {
    if !have_node() {
        eprintln!("SKIPPED: node is not on PATH (scripts/setup.sh installs it)");
        return;
    }
    let oracle = pair(
        "node",
        "node",
        "tcp_echo_server.js",
        "tcp_client.js",
        &["4"],
    );
    assert!(oracle.contains("connection 3 1048576 true"), "{oracle}");
    for (server, client) in [("unode", "node"), ("node", "unode")] {
        let got = pair(
            server,
            client,
            "tcp_echo_server.js",
            "tcp_client.js",
            &["4"],
        );
        assert_eq!(got, oracle, "{server} server with {client} client");
    }
}

#[test]
fn udp_interop_both_ways() {
    if !have_node() {
        eprintln!("SKIPPED: node is not on PATH (scripts/setup.sh installs it)");
        return;
    }
    let oracle = pair("node", "node", "udp_echo_server.js", "udp_client.js", &[]);
    assert!(oracle.contains("echo BYE"), "{oracle}");
    for (server, client) in [("unode", "node"), ("node", "unode")] {
        let got = pair(server, client, "udp_echo_server.js", "udp_client.js", &[]);
        assert_eq!(got, oracle, "{server} server with {client} client");
    }
}

fn get(port: u16, path: &str) -> String {
    let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut out = String::new();
    let _ = s.read_to_string(&mut out);
    out
}

fn open_fds(pid: u32) -> usize {
    std::fs::read_dir(format!("/proc/{pid}/fd"))
        .map(|d| d.count())
        .unwrap_or(0)
}

#[test]
fn curl_talks_to_the_unode_server() {
    let (mut srv, port) = start_server("unode", "http_server.js", &[]);
    let out = Command::new("curl")
        .args(["-s", "-i", &format!("http://127.0.0.1:{port}/hello")])
        .output();
    let _ = get(port, "/stop");
    let _ = wait_with_timeout(&mut srv, Duration::from_secs(10));
    match out {
        Ok(o) if o.status.success() => {
            let text = String::from_utf8_lossy(&o.stdout);
            assert!(text.starts_with("HTTP/1.1 200 OK\r\n"), "{text}");
            assert!(text.ends_with("\r\n\r\nhello\n"), "{text}");
        }
        _ => eprintln!("SKIPPED: curl is not installed"),
    }
    let (mut srv, port) = start_server("unode", "http_server.js", &["tls"]);
    let ca = root().join("tests/node/fixtures/tls/ca.pem");
    let out = Command::new("curl")
        .args(["-s", "-i", "--cacert"])
        .arg(&ca)
        .arg(format!("https://localhost:{port}/hello"))
        .output();
    let _ = Command::new("curl")
        .args(["-s", "--cacert"])
        .arg(&ca)
        .arg(format!("https://localhost:{port}/stop"))
        .output();
    let _ = wait_with_timeout(&mut srv, Duration::from_secs(10));
    if let Ok(o) = out {
        let text = String::from_utf8_lossy(&o.stdout);
        assert!(o.status.success(), "curl over https failed: {text}");
        assert!(text.starts_with("HTTP/1.1 200 OK\r\n"), "{text}");
        assert!(text.ends_with("\r\n\r\nhello\n"), "{text}");
    }
}

/// Malformed requests of every kind, many connections each: every one gets a 4xx or a
/// closed socket, the server keeps serving, and its descriptors return to where they were.
#[test]
fn malformed_request_flood_leaves_the_server_serving() {
    let (mut srv, port) = start_server("unode", "http_server.js", &[]);
    assert!(get(port, "/hello").ends_with("hello\n"));
    let baseline = open_fds(srv.id());
    let big_header = format!("GET / HTTP/1.1\r\nX: {}\r\n\r\n", "a".repeat(40_000));
    let bad: Vec<Vec<u8>> = vec![
        b"G@T / HTTP/1.1\r\n\r\n".to_vec(),
        b"GET / HTTP/9.9\r\n\r\n".to_vec(),
        b"GET / HTTP/1.1\r\nBad Header\r\n\r\n".to_vec(),
        b"POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n".to_vec(),
        b"POST / HTTP/1.1\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n".to_vec(),
        b"POST /echo HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n".to_vec(),
        b"\x00\x01\x02\xff\xfe garbage \r\n\r\n".to_vec(),
        big_header.into_bytes(),
    ];
    let mut seed: u32 = 12345;
    for round in 0..25 {
        for req in &bad {
            let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connect");
            s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
            let _ = s.write_all(req);
            let mut out = Vec::new();
            let _ = s.read_to_end(&mut out);
            let text = String::from_utf8_lossy(&out);
            assert!(
                out.is_empty() || text.starts_with("HTTP/1.1 4"),
                "round {round}: {:?} got {text:?}",
                String::from_utf8_lossy(&req[..req.len().min(40)])
            );
        }
        // Random bytes, a request cut off mid-head, and an abrupt reset mid-body.
        let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connect");
        let noise: Vec<u8> = (0..512)
            .map(|_| {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
                (seed >> 16) as u8
            })
            .collect();
        let _ = s.write_all(&noise);
        drop(s);
        let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connect");
        let _ = s.write_all(b"GET /hello HTTP/1.1\r\nHost: x\r\nX-Partial: ");
        let _ = s.shutdown(Shutdown::Both);
        let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connect");
        let _ = s.write_all(b"POST /echo HTTP/1.1\r\nContent-Length: 100000\r\n\r\nabc");
        drop(s);
    }
    assert!(
        get(port, "/hello").ends_with("hello\n"),
        "server stopped serving"
    );
    // Closed connections are reaped on the server's next loop turns.
    let mut fds = open_fds(srv.id());
    for _ in 0..50 {
        if fds <= baseline {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
        fds = open_fds(srv.id());
    }
    assert!(fds <= baseline, "fds grew from {baseline} to {fds}");
    let _ = get(port, "/stop");
    assert_eq!(
        wait_with_timeout(&mut srv, Duration::from_secs(10)),
        Some(0)
    );
}

#[test]
fn accept_out_of_descriptors_is_reported_and_survived() {
    let script = fixture("emfile.js");
    let out = Command::new("bash")
        .args([
            "-c",
            &format!(
                "ulimit -n 60 && exec {} {script}",
                env!("CARGO_BIN_EXE_unode")
            ),
        ])
        .output()
        .expect("run unode under ulimit");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("server error EMFILE accept"), "{stdout}");
    assert!(stdout.contains("all 40 clients connected"), "{stdout}");
}

/// A response the server sends just before process.exit() arrives whole, even when it
/// was answered inside a batch (the loop holds a batch's writes until the batch ends):
/// six requests arrive while the first is busy and the server exits after its fourth answer.
#[test]
fn responses_written_before_exit_arrive() {
    const CLIENTS: usize = 6;
    let (mut srv, port) = start_server("unode", "exit_after_end_server.js", &["4"]);
    let first = std::thread::spawn(move || get(port, "/first"));
    std::thread::sleep(Duration::from_millis(50));
    let rest: Vec<_> = (1..CLIENTS)
        .map(|i| std::thread::spawn(move || get(port, &format!("/r{i}"))))
        .collect();
    let mut replies = vec![first.join().expect("client thread")];
    replies.extend(rest.into_iter().map(|t| t.join().expect("client thread")));
    assert_eq!(
        wait_with_timeout(&mut srv, Duration::from_secs(10)),
        Some(0)
    );
    let mut answered = 0;
    for (i, reply) in replies.iter().enumerate() {
        let path = if i == 0 {
            "/first".to_string()
        } else {
            format!("/r{i}")
        };
        if reply.is_empty() {
            continue;
        }
        assert!(
            reply.starts_with("HTTP/1.1 200 OK\r\n"),
            "{path}: {reply:?}"
        );
        assert!(
            reply.ends_with(&format!(" to {path}\n")),
            "{path}: {reply:?}"
        );
        answered += 1;
    }
    assert_eq!(answered, 4, "replies: {replies:?}");
}
