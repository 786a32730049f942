//! The one serve path (`polku_web::serve`): graceful shutdown and the
//! background sweeper, as the binary runs them.

use std::time::Duration;

use polku_app::credentials::secret_hash;
use polku_store::testing::{Backend, TestDb};
use polku_web::WebConfig;
use time::OffsetDateTime;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::helpers::{TestApp, serve_with};

/// Reads until the server closes the connection (or 10 s pass, failing).
async fn read_to_close(stream: &mut TcpStream) -> String {
    let mut seen = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(10), stream.read_to_end(&mut seen)).await;
    assert!(
        read.is_ok(),
        "the server kept the connection open: {}",
        String::from_utf8_lossy(&seen)
    );
    String::from_utf8_lossy(&seen).into_owned()
}

fn short_timeouts() -> WebConfig {
    WebConfig {
        request_head_timeout: Duration::from_millis(300),
        shutdown_grace: Duration::from_millis(300),
        ..WebConfig::default()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_half_sent_request_head_is_closed_after_the_timeout() {
    let db = TestDb::new(Backend::Sqlite).await;
    let (base, _server) = serve_with(db.store.clone(), short_timeouts()).await;
    let mut stream = TcpStream::connect(base.trim_start_matches("http://"))
        .await
        .expect("connect");
    stream
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: polku\r\nX-Slow: ")
        .await
        .expect("write");
    let answer = read_to_close(&mut stream).await;
    assert!(!answer.contains("200 OK"), "{answer}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_idle_keep_alive_connection_is_closed_after_the_timeout() {
    let db = TestDb::new(Backend::Sqlite).await;
    let (base, _server) = serve_with(db.store.clone(), short_timeouts()).await;
    let mut stream = TcpStream::connect(base.trim_start_matches("http://"))
        .await
        .expect("connect");
    stream
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: polku\r\n\r\n")
        .await
        .expect("write");
    let answer = read_to_close(&mut stream).await;
    assert!(answer.starts_with("HTTP/1.1 200"), "served first: {answer}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_body_that_never_arrives_is_cut_off() {
    let db = TestDb::new(Backend::Sqlite).await;
    let config = WebConfig {
        request_body_timeout: Duration::from_millis(300),
        ..WebConfig::default()
    };
    let (base, _server) = serve_with(db.store.clone(), config).await;
    let mut stream = TcpStream::connect(base.trim_start_matches("http://"))
        .await
        .expect("connect");
    stream
        .write_all(
            b"POST /login HTTP/1.1\r\nHost: polku\r\nContent-Type: application/x-www-form-urlencoded\r\n\
              Content-Length: 100\r\n\r\nemail=",
        )
        .await
        .expect("write");
    let answer = read_until(&mut stream, "\r\n\r\n").await;
    assert!(answer.starts_with("HTTP/1.1 400"), "{answer}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn connections_beyond_the_cap_wait_for_a_free_one() {
    let db = TestDb::new(Backend::Sqlite).await;
    let config = WebConfig {
        max_connections: 1,
        ..WebConfig::default()
    };
    let (base, _server) = serve_with(db.store.clone(), config).await;
    let addr = base.trim_start_matches("http://").to_owned();
    let request = b"GET /healthz HTTP/1.1\r\nHost: polku\r\nConnection: close\r\n\r\n";
    let mut first = TcpStream::connect(&addr).await.expect("first");
    first
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: polku\r\n\r\n")
        .await
        .expect("write");
    read_until(&mut first, "ok").await;
    let mut second = TcpStream::connect(&addr)
        .await
        .expect("queued in the backlog");
    second.write_all(request).await.expect("write");
    let mut buf = [0u8; 64];
    let early = tokio::time::timeout(Duration::from_millis(300), second.read(&mut buf)).await;
    assert!(
        early.is_err(),
        "the second connection was served while the first held the only slot"
    );
    drop(first);
    let answer = read_to_close(&mut second).await;
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_closes_what_is_still_open_after_the_grace() {
    let db = TestDb::new(Backend::Sqlite).await;
    let config = WebConfig {
        shutdown_grace: Duration::from_millis(300),
        ..WebConfig::default()
    };
    let (base, mut server) = serve_with(db.store.clone(), config).await;
    let addr = base.trim_start_matches("http://").to_owned();
    let mut stream = TcpStream::connect(&addr).await.expect("connect");
    // A request whose body never comes: in flight for ever.
    stream
        .write_all(
            b"POST /login HTTP/1.1\r\nHost: polku\r\nContent-Type: application/x-www-form-urlencoded\r\n\
              Content-Length: 100\r\nExpect: 100-continue\r\n\r\n",
        )
        .await
        .expect("write");
    read_until(&mut stream, "100 Continue").await;
    server.shut_down();
    let served = tokio::time::timeout(Duration::from_secs(10), &mut server.task)
        .await
        .expect("serve returns after the grace")
        .expect("task");
    assert!(served.is_ok(), "{served:?}");
    read_to_close(&mut stream).await;
}

/// Reads from `stream` until `needle` has arrived; the text read so far.
async fn read_until(stream: &mut TcpStream, needle: &str) -> String {
    let mut seen = Vec::new();
    let mut buf = [0u8; 1024];
    while !String::from_utf8_lossy(&seen).contains(needle) {
        let n = stream.read(&mut buf).await.expect("read");
        assert!(
            n > 0,
            "connection closed before {needle:?}: {}",
            String::from_utf8_lossy(&seen)
        );
        seen.extend_from_slice(&buf[..n]);
    }
    String::from_utf8_lossy(&seen).into_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_finishes_the_request_in_flight_then_stops() {
    let db = TestDb::new(Backend::Sqlite).await;
    let (base, mut server) = serve_with(db.store.clone(), WebConfig::default()).await;
    let addr = base.trim_start_matches("http://").to_owned();
    let mut stream = TcpStream::connect(&addr).await.expect("connect");
    let body = "email=nobody%40example.fi&password=not-the-password";
    let head = format!(
        "POST /login HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/x-www-form-urlencoded\r\n\
         Content-Length: {}\r\nExpect: 100-continue\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).await.expect("write head");
    // "100 Continue" comes when the handler starts reading the body: the
    // request is now in flight.
    read_until(&mut stream, "100 Continue").await;
    server.shut_down();
    stream.write_all(body.as_bytes()).await.expect("write body");
    let answer = read_until(&mut stream, "</html>").await;
    assert!(
        answer.contains("HTTP/1.1 401"),
        "the request in flight got its answer: {answer}"
    );
    let served = tokio::time::timeout(Duration::from_secs(10), &mut server.task)
        .await
        .expect("serve returns after shutdown")
        .expect("task");
    assert!(served.is_ok(), "{served:?}");
    assert!(
        TcpStream::connect(&addr).await.is_err(),
        "no new connections after shutdown"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_sweeper_removes_expired_sessions_without_any_request() {
    let config = WebConfig {
        sweep_interval: Duration::from_millis(50),
        ..WebConfig::default()
    };
    let app = TestApp::spawn_with(Backend::Sqlite, config).await;
    app.user("sweep@example.fi", false).await;
    let session = app.login("sweep@example.fi").await;
    let hash = secret_hash(&session);
    let long_ago = OffsetDateTime::now_utc() - time::Duration::days(2);
    app.db
        .store
        .set_login_session_times(&hash, long_ago, long_ago)
        .await
        .expect("aged");
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    while app
        .db
        .store
        .find_login_session(&hash)
        .await
        .expect("query")
        .is_some()
    {
        assert!(
            tokio::time::Instant::now() < deadline,
            "the sweeper never removed the expired session"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}
