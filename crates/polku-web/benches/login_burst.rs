//! How a burst of logins affects everyone else: `/healthz` latency while 30
//! failed logins from one address hash their passwords, against the same
//! latency with nothing else going on (the floor), as a ratio.
//!
//! Run with `scripts/bench-login-burst.sh` (release build, SQLite in a
//! temporary folder). Prints a table; the figures go into the issue note.

use std::time::{Duration, Instant};

use polku_store::testing::{Backend, TestDb};
use polku_web::{AppState, WebConfig};
use tokio::net::TcpListener;

/// Logins in one burst: the per-address limit lets 30 through.
const BURST: usize = 30;
/// Health checks measured with nothing else running.
const IDLE_SAMPLES: usize = 300;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let index = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[index.min(sorted.len() - 1)]
}

async fn health_latency(client: &reqwest::Client, base: &str) -> Duration {
    let started = Instant::now();
    let response = client
        .get(format!("{base}/healthz"))
        .send()
        .await
        .expect("healthz answers");
    assert!(response.status().is_success());
    started.elapsed()
}

fn row(label: &str, samples: &mut [Duration]) -> (Duration, Duration) {
    samples.sort();
    let (p50, p99) = (percentile(samples, 0.5), percentile(samples, 0.99));
    println!(
        "| {label:<28} | {:>7} | {:>8.2} | {:>8.2} | {:>8.2} |",
        samples.len(),
        p50.as_secs_f64() * 1e3,
        p99.as_secs_f64() * 1e3,
        samples.last().copied().unwrap_or_default().as_secs_f64() * 1e3,
    );
    (p50, p99)
}

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let db = TestDb::new(Backend::Sqlite).await;
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("addr"));
    let state = AppState::new(db.store.clone(), WebConfig::default());
    tokio::spawn(polku_web::serve(listener, state, std::future::pending()));
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    for _ in 0..500 {
        health_latency(&client, &base).await;
    }

    let mut idle = Vec::with_capacity(IDLE_SAMPLES);
    for _ in 0..IDLE_SAMPLES {
        idle.push(health_latency(&client, &base).await);
    }

    let logins: Vec<_> = (0..BURST)
        .map(|i| {
            let client = client.clone();
            let url = format!("{base}/login");
            tokio::spawn(async move {
                client
                    .post(url)
                    .form(&[
                        ("email", format!("ei-ketaan-{i}@example.fi")),
                        ("password", "ei-oikea-salasana-123".to_owned()),
                    ])
                    .send()
                    .await
                    .map(|r| r.status().as_u16())
            })
        })
        .collect();
    let burst_started = Instant::now();
    let mut during = Vec::new();
    while logins.iter().any(|l| !l.is_finished()) {
        during.push(health_latency(&client, &base).await);
    }
    let burst_took = burst_started.elapsed();
    let mut refused = 0;
    for login in logins {
        if login.await.expect("task").expect("login answered") == 401 {
            refused += 1;
        }
    }
    assert_eq!(
        refused, BURST,
        "every login of the burst was checked and refused"
    );
    let mut idle_after = Vec::with_capacity(IDLE_SAMPLES);
    for _ in 0..IDLE_SAMPLES {
        idle_after.push(health_latency(&client, &base).await);
    }

    println!("| /healthz                     | samples | p50 (ms) | p99 (ms) | max (ms) |");
    println!("|------------------------------|--------:|---------:|---------:|---------:|");
    let (before_p50, before_p99) = row("idle before (floor)", &mut idle);
    let (after_p50, after_p99) = row("idle after (floor)", &mut idle_after);
    let (idle_p50, idle_p99) = (before_p50.min(after_p50), before_p99.min(after_p99));
    let (busy_p50, busy_p99) = row(&format!("during {BURST} failed logins"), &mut during);
    println!();
    println!(
        "burst of {BURST} logins took {:.0} ms; during/idle p50 {:.1}x, p99 {:.1}x",
        burst_took.as_secs_f64() * 1e3,
        busy_p50.as_secs_f64() / idle_p50.as_secs_f64().max(1e-9),
        busy_p99.as_secs_f64() / idle_p99.as_secs_f64().max(1e-9),
    );
}
