//! The lean SSE client: one HTTP/1.1 connection per stream (hyper), every
//! note's first arrival and every repeated id recorded.

use std::collections::HashSet;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use http_body_util::{BodyExt, Empty};
use hyper::body::Bytes;
use hyper_util::rt::TokioIo;
use tokio::net::TcpStream;
use tokio::sync::{Semaphore, watch};

use crate::BenchResult;

/// The marker in a note's text: `lf|<note number>|<ns since start>|`.
pub const MARK: &[u8] = b"lf|";

/// One stream to open: where, its path, and its headers.
#[derive(Clone)]
pub struct StreamSpec {
    pub addr: String,
    pub path: String,
    pub token: Option<String>,
    pub after: i64,
    /// Which server instance it is on.
    pub instance: usize,
}

/// What one stream saw.
#[derive(Default)]
pub struct StreamSeen {
    /// (note number, latency) for each note's first arrival.
    pub arrivals: Vec<(usize, Duration)>,
    pub duplicated: usize,
    pub error: Option<String>,
    pub instance: usize,
}

/// Shared counters of the streams.
pub struct Progress {
    pub ready: AtomicUsize,
    pub complete: AtomicUsize,
    pub start: Instant,
}

/// Opens one SSE stream and records every note until `stop`.
pub async fn follow(
    spec: StreamSpec,
    notes: usize,
    progress: Arc<Progress>,
    opening: Arc<Semaphore>,
    mut stop: watch::Receiver<bool>,
) -> StreamSeen {
    let mut seen = StreamSeen {
        instance: spec.instance,
        ..StreamSeen::default()
    };
    let permit = opening.acquire_owned().await;
    let response = match open_stream(&spec).await {
        Ok(r) => r,
        Err(e) => {
            progress.ready.fetch_add(1, Ordering::SeqCst);
            seen.error = Some(e);
            return seen;
        }
    };
    drop(permit);
    progress.ready.fetch_add(1, Ordering::SeqCst);
    let mut body = response.into_body();
    let mut buffer: Vec<u8> = Vec::with_capacity(1024);
    let mut ids = HashSet::new();
    let mut got = vec![false; notes];
    let mut distinct = 0;
    loop {
        let frame = tokio::select! {
            frame = body.frame() => frame,
            _ = stop.changed() => break,
        };
        let arrived = progress.start.elapsed();
        let data = match frame {
            Some(Ok(frame)) => match frame.into_data() {
                Ok(data) => data,
                Err(_) => continue,
            },
            Some(Err(e)) => {
                seen.error = Some(format!("stream broke: {e}"));
                break;
            }
            None => {
                seen.error = Some("stream ended".into());
                break;
            }
        };
        buffer.extend_from_slice(&data);
        while let Some(end) = find(&buffer, b"\n\n") {
            let block: Vec<u8> = buffer.drain(..end + 2).collect();
            let Some((id, note)) = parse_event(&block) else {
                continue;
            };
            if !ids.insert(id) {
                seen.duplicated += 1;
                continue;
            }
            let Some((k, sent)) = note else { continue };
            match got.get_mut(k) {
                Some(flag) if !*flag => {
                    *flag = true;
                    distinct += 1;
                    seen.arrivals.push((k, arrived.saturating_sub(sent)));
                    if distinct == notes {
                        progress.complete.fetch_add(1, Ordering::SeqCst);
                    }
                }
                // The same note under another id.
                Some(_) => seen.duplicated += 1,
                None => {}
            }
        }
    }
    seen
}

pub async fn open_stream(spec: &StreamSpec) -> BenchResult<hyper::Response<hyper::body::Incoming>> {
    let tcp = TcpStream::connect(&spec.addr)
        .await
        .map_err(|e| format!("connect: {e}"))?;
    let _ = tcp.set_nodelay(true);
    let (mut sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(tcp))
        .await
        .map_err(|e| format!("handshake: {e}"))?;
    tokio::spawn(connection);
    let mut request = hyper::Request::get(&spec.path)
        .header("host", &spec.addr)
        .header("accept", "text/event-stream")
        .header("last-event-id", spec.after.to_string());
    if let Some(token) = &spec.token {
        request = request.header("authorization", format!("Bearer {token}"));
    }
    let request = request
        .body(Empty::<Bytes>::new())
        .map_err(|e| format!("request: {e}"))?;
    let response = sender
        .send_request(request)
        .await
        .map_err(|e| format!("request: {e}"))?;
    if response.status() != hyper::StatusCode::OK {
        return Err(format!("stream answered {}", response.status()));
    }
    Ok(response)
}

pub fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// An event's id and, when its data carries the marker, (note, sent at).
pub fn parse_event(block: &[u8]) -> Option<(u64, Option<(usize, Duration)>)> {
    let mut id = None;
    let mut note = None;
    for line in block.split(|b| *b == b'\n') {
        if let Some(rest) = line.strip_prefix(b"id:") {
            id = std::str::from_utf8(rest).ok()?.trim().parse().ok();
        } else if line.starts_with(b"data:") {
            note = find(line, MARK).and_then(|at| parse_mark(&line[at + MARK.len()..]));
        }
    }
    Some((id?, note))
}

pub fn parse_mark(rest: &[u8]) -> Option<(usize, Duration)> {
    let text = std::str::from_utf8(rest).ok()?;
    let mut parts = text.split('|');
    let k = parts.next()?.parse().ok()?;
    let sent_ns: u64 = parts.next()?.parse().ok()?;
    Some((k, Duration::from_nanos(sent_ns)))
}
