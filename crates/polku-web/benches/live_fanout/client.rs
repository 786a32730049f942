//! The lean SSE client: one HTTP/1.1 connection per stream (hyper), every
//! item's (note's or vote's) first arrival and every repeated id recorded.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use http_body_util::{BodyExt, Empty};
use hyper::body::Bytes;
use hyper_util::rt::TokioIo;
use tokio::net::TcpStream;
use tokio::sync::{Semaphore, watch};

use crate::BenchResult;

/// The marker in a note's text: `lf|<item number>|`.
pub const MARK: &[u8] = b"lf|";

/// Which item a `vote_cast` event is, by the note it is cast on: each vote
/// of the run goes to a note of its own.
pub type VoteTargets = HashMap<String, usize>;

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
    /// (item number, arrival since the start) for each item's first arrival.
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

/// Opens one SSE stream and records every item until `stop`.
pub async fn follow(
    spec: StreamSpec,
    items: usize,
    targets: Arc<VoteTargets>,
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
    let mut got = vec![false; items];
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
            let Some((id, item)) = parse_event(&block, &targets) else {
                continue;
            };
            if !ids.insert(id) {
                seen.duplicated += 1;
                continue;
            }
            let Some(k) = item else { continue };
            match got.get_mut(k) {
                Some(flag) if !*flag => {
                    *flag = true;
                    distinct += 1;
                    seen.arrivals.push((k, arrived));
                    if distinct == items {
                        progress.complete.fetch_add(1, Ordering::SeqCst);
                    }
                }
                // The same item under another id.
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

/// An event's id and the item it is: a note whose text carries the marker,
/// or a vote cast on one of `targets`.
pub fn parse_event(block: &[u8], targets: &VoteTargets) -> Option<(u64, Option<usize>)> {
    let (mut id, mut vote, mut data) = (None, false, None);
    for line in block.split(|b| *b == b'\n') {
        if let Some(rest) = line.strip_prefix(b"id:") {
            id = std::str::from_utf8(rest).ok()?.trim().parse().ok();
        } else if let Some(rest) = line.strip_prefix(b"event:") {
            vote = rest.trim_ascii() == b"vote_cast";
        } else if let Some(rest) = line.strip_prefix(b"data:") {
            data = Some(rest);
        }
    }
    let item = data.and_then(|data| {
        if vote {
            vote_target(data).and_then(|note| targets.get(note).copied())
        } else {
            find(data, MARK).and_then(|at| parse_mark(&data[at + MARK.len()..]))
        }
    });
    Some((id?, item))
}

/// The item number after the marker.
pub fn parse_mark(rest: &[u8]) -> Option<usize> {
    let text = std::str::from_utf8(rest).ok()?;
    text.split('|').next()?.parse().ok()
}

/// The note id of a `vote_cast` event's data, `{"note_id":"..."}`.
fn vote_target(data: &[u8]) -> Option<&str> {
    const KEY: &[u8] = b"\"note_id\":\"";
    let start = find(data, KEY)? + KEY.len();
    let len = data[start..].iter().position(|b| *b == b'"')?;
    std::str::from_utf8(&data[start..start + len]).ok()
}
