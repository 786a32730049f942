//! How the bench sends notes and votes, and in what order.

use std::time::{Duration, Instant};

use crate::BenchResult;
use crate::client::MARK;

/// A participant's vote budget (the contract's default).
pub const VOTE_BUDGET: usize = 5;

/// How notes and votes are sent to the server under test.
#[derive(Clone)]
pub enum Poster {
    Polku {
        base: String,
        session: String,
        /// Who posts the notes, in turn.
        tokens: Vec<String>,
        /// Who casts the votes, `VOTE_BUDGET` each.
        voters: Vec<String>,
        /// The note each vote goes to.
        targets: Vec<String>,
    },
    /// The floor relays every item as a post.
    Floor { base: String },
}

/// One item of the run: note `k`, or vote `k` of the votes.
#[derive(Debug, Clone, Copy)]
pub enum Item {
    Note(usize),
    Vote(usize),
}

impl Poster {
    /// Sends `item` (number `number` among all items); how long the answer
    /// took.
    pub async fn send(
        &self,
        client: &reqwest::Client,
        item: Item,
        number: usize,
    ) -> BenchResult<Duration> {
        let text = format!("{}{number}| kuormitustesti", String::from_utf8_lossy(MARK));
        let started = Instant::now();
        let request = match (self, item) {
            (
                Poster::Polku {
                    base,
                    session,
                    tokens,
                    ..
                },
                Item::Note(k),
            ) => client
                .post(format!("{base}/api/v1/sessions/{session}/notes"))
                .bearer_auth(&tokens[k % tokens.len()])
                .json(&serde_json::json!({ "text": text })),
            (
                Poster::Polku {
                    base,
                    session,
                    voters,
                    targets,
                    ..
                },
                Item::Vote(k),
            ) => client
                .post(format!("{base}/api/v1/sessions/{session}/votes"))
                .bearer_auth(&voters[k / VOTE_BUDGET])
                .json(&serde_json::json!({ "note_id": targets[k] })),
            (Poster::Floor { base }, _) => client.post(format!("{base}/post")).body(text),
        };
        let response = request.send().await.map_err(|e| format!("post: {e}"))?;
        if response.status() != reqwest::StatusCode::CREATED {
            let status = response.status();
            let body = response.text().await.unwrap_or_default();
            return Err(format!("{item:?} answered {status}: {body}"));
        }
        Ok(started.elapsed())
    }
}

/// The run's items in the order they are sent: notes and votes alternate
/// while both remain. Item numbers: notes `0..notes`, then votes.
pub fn schedule(notes: usize, votes: usize) -> Vec<(Item, usize)> {
    let (mut n, mut v) = (0, 0);
    let mut order = Vec::with_capacity(notes + votes);
    while n < notes || v < votes {
        if n < notes && (v >= votes || n <= v) {
            order.push((Item::Note(n), n));
            n += 1;
        } else {
            order.push((Item::Vote(v), notes + v));
            v += 1;
        }
    }
    order
}
