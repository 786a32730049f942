//! The bare broadcast floor: a minimal axum server that only relays.
//! `POST /post` numbers its body and sends it on a tokio broadcast channel;
//! every `GET /events` stream writes what the channel carries as an SSE event
//! with that number as `id:`. No database, no auth, no per-caller filtering:
//! what any SSE fan-out on this machine costs at least.

use std::convert::Infallible;
use std::sync::{Arc, Mutex, PoisonError};

use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::routing::{get, post};
use futures_util::{Stream, stream};
use tokio::sync::broadcast;

/// Events a slow stream may fall behind (as polku's hub).
const CAPACITY: usize = 256;

#[derive(Clone)]
struct Floor {
    sender: broadcast::Sender<Arc<(u64, String)>>,
    /// The last number given; held while sending, so numbers go out in order.
    last: Arc<Mutex<u64>>,
}

async fn publish(State(floor): State<Floor>, body: String) -> StatusCode {
    let mut last = floor.last.lock().unwrap_or_else(PoisonError::into_inner);
    *last += 1;
    let _ = floor.sender.send(Arc::new((*last, body)));
    StatusCode::CREATED
}

async fn events(State(floor): State<Floor>) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let receiver = floor.sender.subscribe();
    let stream = stream::unfold(receiver, |mut receiver| async move {
        loop {
            match receiver.recv().await {
                Ok(message) => {
                    let (id, text) = &*message;
                    let event = Event::default()
                        .id(id.to_string())
                        .event("note_added")
                        .data(text);
                    return Some((Ok(event), receiver));
                }
                // A lagging stream loses events: the client counts them.
                Err(broadcast::error::RecvError::Lagged(_)) => {}
                Err(broadcast::error::RecvError::Closed) => return None,
            }
        }
    });
    Sse::new(stream).keep_alive(KeepAlive::default())
}

/// Serves the floor on a free loopback port until killed, printing
/// `listening on http://ADDR` first.
pub fn serve() -> Result<(), String> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("runtime: {e}"))?;
    runtime.block_on(async {
        let floor = Floor {
            sender: broadcast::channel(CAPACITY).0,
            last: Arc::new(Mutex::new(0)),
        };
        let app = Router::new()
            .route("/events", get(events))
            .route("/post", post(publish))
            .with_state(floor);
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .map_err(|e| format!("bind: {e}"))?;
        let addr = listener.local_addr().map_err(|e| format!("addr: {e}"))?;
        println!("listening on http://{addr}");
        axum::serve(listener, app)
            .await
            .map_err(|e| format!("serve: {e}"))
    })
}
