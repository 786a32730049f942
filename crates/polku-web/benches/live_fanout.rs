//! Live-session fan-out under load (issue 10): N participants join one
//! session over loopback and hold their Server-Sent Event streams; a few of
//! them post K notes and cast V votes, interleaved at a set rate (each note's
//! text carries its number, each vote goes to a note of its own, so every
//! event names its item); every stream records when each item arrives. Per N
//! it reports p50/p99 fan-out latency (sent -> arrival, over every stream and
//! item), events lost and duplicated (each stream must see each item exactly
//! once, by SSE id), and the server's peak memory (VmHWM of the server).
//!
//! The server under test is the release `polku serve` binary, run as a child
//! process (so only its memory is counted), on SQLite, and on PostgreSQL as
//! two instances on one database (half of the streams on each, posts to the
//! first). Beside it, in the same run, a bare broadcast floor: this binary
//! again as a child (`--floor-server`), a minimal axum server that only
//! relays (`POST /post` -> tokio broadcast -> every `GET /events`), measured
//! with the same client. Run with `scripts/bench-live.sh`; figures are in
//! docs/benchmarks/live.md.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use http_body_util::BodyExt;
use polku_store::testing::{Backend, TestDb};
use tokio::sync::{Semaphore, watch};
use tokio::task::JoinSet;

#[path = "live_fanout/client.rs"]
mod client;
#[path = "live_fanout/floor.rs"]
mod floor;
#[path = "live_fanout/poster.rs"]
mod poster;
#[path = "live_fanout/report.rs"]
mod report;

use client::{Progress, StreamSpec, VoteTargets, find, follow, open_stream, parse_event};
use poster::{Poster, VOTE_BUDGET, schedule};
use report::{print_row, summary};

type BenchResult<T> = Result<T, String>;

/// What one run is set to do.
#[derive(Debug, Clone)]
struct Settings {
    sizes: Vec<usize>,
    backends: Vec<String>,
    notes: usize,
    votes: usize,
    rate: f64,
    posters: usize,
    polku: String,
}

impl Settings {
    /// Notes and votes together.
    fn items(&self) -> usize {
        self.notes + self.votes
    }
}

fn parse_args() -> BenchResult<Settings> {
    let mut settings = Settings {
        sizes: vec![100, 1000, 2000],
        backends: vec!["sqlite".into(), "postgres".into()],
        notes: 50,
        votes: 50,
        rate: 10.0,
        posters: 10,
        polku: default_polku(),
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            // cargo bench passes --bench to a harness-less bench.
            "--bench" => {}
            "--n" => {
                settings.sizes = value("--n")?
                    .split(',')
                    .map(|n| n.trim().parse().map_err(|e| format!("--n {n:?}: {e}")))
                    .collect::<BenchResult<_>>()?;
            }
            "--backends" => {
                settings.backends = value("--backends")?.split(',').map(str::to_owned).collect();
            }
            "--notes" => settings.notes = parse_num(&value("--notes")?)?,
            "--votes" => settings.votes = parse_num(&value("--votes")?)?,
            "--posters" => settings.posters = parse_num(&value("--posters")?)?,
            "--rate" => {
                let raw = value("--rate")?;
                settings.rate = raw.parse().map_err(|e| format!("--rate {raw:?}: {e}"))?;
            }
            "--polku" => settings.polku = value("--polku")?,
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    if settings.notes == 0 || settings.posters == 0 || settings.rate <= 0.0 {
        return Err("--notes, --posters and --rate must be positive".into());
    }
    Ok(settings)
}

/// `$CARGO_TARGET_DIR/release/polku`, else the workspace's `target/`.
fn default_polku() -> String {
    let target = std::env::var("CARGO_TARGET_DIR")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../../target").to_owned());
    format!("{target}/release/polku")
}

fn parse_num(raw: &str) -> BenchResult<usize> {
    raw.parse().map_err(|e| format!("{raw:?}: {e}"))
}

/// A server process under test and where it listens.
struct Server {
    child: Child,
    addr: String,
}

impl Server {
    /// Starts `program args`, reading `http://ADDR` from its first line.
    fn start(program: &str, args: &[&str], log: &str) -> BenchResult<Self> {
        let log_file = std::fs::File::create(log).map_err(|e| format!("{log}: {e}"))?;
        let mut child = Command::new(program)
            .args(args)
            .env("POLKU_LOG", "warn")
            .stdout(Stdio::piped())
            .stderr(log_file)
            .spawn()
            .map_err(|e| format!("cannot start {program}: {e}"))?;
        let stdout = child.stdout.take().ok_or("no stdout")?;
        let mut first = String::new();
        BufReader::new(stdout)
            .read_line(&mut first)
            .map_err(|e| format!("reading {program}: {e}"))?;
        let addr = first
            .split_whitespace()
            .find_map(|w| w.strip_prefix("http://"))
            .ok_or_else(|| format!("{program} said {first:?}, see {log}"))?
            .trim_end_matches('/')
            .to_owned();
        Ok(Self { child, addr })
    }

    /// Peak resident memory so far, in MiB.
    fn peak_mib(&self) -> f64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()));
        status
            .ok()
            .and_then(|s| {
                s.lines()
                    .find_map(|l| l.strip_prefix("VmHWM:"))
                    .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
            })
            .map_or(f64::NAN, |kib| kib / 1024.0)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The figures of one run.
pub struct Figures {
    p50: Duration,
    p99: Duration,
    pub lost: usize,
    pub duplicated: usize,
    pub stream_errors: usize,
    pub post_errors: usize,
    pub first_error: Option<String>,
    /// p50 and p99 of the time a post took to be answered (201).
    pub post_answer: (Duration, Duration),
    /// p50 and p99 per server instance, when there are several.
    pub per_instance: Vec<(Duration, Duration)>,
}

/// Opens every stream, sends the notes and votes, and gathers what the
/// streams saw.
async fn measure(
    streams: Vec<StreamSpec>,
    poster: Poster,
    targets: VoteTargets,
    settings: &Settings,
) -> BenchResult<Figures> {
    let n = streams.len();
    let items = settings.items();
    let targets = Arc::new(targets);
    // When each item was sent, in ns since `progress.start`.
    let sent: Arc<Vec<AtomicU64>> = Arc::new((0..items).map(|_| AtomicU64::new(0)).collect());
    let progress = Arc::new(Progress {
        ready: AtomicUsize::new(0),
        complete: AtomicUsize::new(0),
        start: Instant::now(),
    });
    let opening = Arc::new(Semaphore::new(256));
    let (stop_tx, stop_rx) = watch::channel(false);
    let mut tasks = JoinSet::new();
    for spec in streams {
        tasks.spawn(follow(
            spec,
            items,
            targets.clone(),
            progress.clone(),
            opening.clone(),
            stop_rx.clone(),
        ));
    }
    let deadline = Instant::now() + Duration::from_secs(120);
    while progress.ready.load(Ordering::SeqCst) < n && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let client = http_client()?;
    let mut posts = JoinSet::new();
    let began = Instant::now();
    for (i, (item, number)) in schedule(settings.notes, settings.votes)
        .into_iter()
        .enumerate()
    {
        let due = began + Duration::from_secs_f64(i as f64 / settings.rate);
        tokio::time::sleep_until(due.into()).await;
        let at = u64::try_from(progress.start.elapsed().as_nanos()).unwrap_or(u64::MAX);
        sent[number].store(at, Ordering::SeqCst);
        let (poster, client) = (poster.clone(), client.clone());
        posts.spawn(async move { poster.send(&client, item, number).await });
    }
    let mut post_errors = 0;
    let mut first_error = None;
    let mut answers = Vec::with_capacity(items);
    while let Some(result) = posts.join_next().await {
        match result.map_err(|e| e.to_string()).and_then(|r| r) {
            Ok(took) => answers.push(took),
            Err(e) => {
                post_errors += 1;
                first_error.get_or_insert(e);
            }
        }
    }
    answers.sort_unstable();
    // Every stream has every item, or ten seconds passed; then a little
    // longer so that a repeated event would still be seen.
    let deadline = Instant::now() + Duration::from_secs(10);
    while progress.complete.load(Ordering::SeqCst) < n && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    let _ = stop_tx.send(true);
    let mut latencies = Vec::with_capacity(n * items);
    let mut by_instance: Vec<Vec<Duration>> = Vec::new();
    let (mut lost, mut duplicated, mut stream_errors) = (0, 0, 0);
    let posted = items - post_errors;
    let latency = |(k, arrived): (usize, Duration)| {
        arrived.saturating_sub(Duration::from_nanos(sent[k].load(Ordering::SeqCst)))
    };
    while let Some(seen) = tasks.join_next().await {
        let seen = seen.map_err(|e| format!("stream task: {e}"))?;
        if let Some(e) = seen.error {
            stream_errors += 1;
            first_error.get_or_insert(e);
        }
        lost += posted.saturating_sub(seen.arrivals.len());
        duplicated += seen.duplicated;
        if by_instance.len() <= seen.instance {
            by_instance.resize_with(seen.instance + 1, Vec::new);
        }
        by_instance[seen.instance].extend(seen.arrivals.iter().copied().map(latency));
        latencies.extend(seen.arrivals.into_iter().map(latency));
    }
    latencies.sort_unstable();
    let per_instance = if by_instance.len() > 1 {
        by_instance
            .iter_mut()
            .map(|l| {
                l.sort_unstable();
                (percentile(l, 0.50), percentile(l, 0.99))
            })
            .collect()
    } else {
        Vec::new()
    };
    Ok(Figures {
        p50: percentile(&latencies, 0.50),
        p99: percentile(&latencies, 0.99),
        lost,
        duplicated,
        stream_errors,
        post_errors,
        first_error,
        post_answer: (percentile(&answers, 0.50), percentile(&answers, 0.99)),
        per_instance,
    })
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let index = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[index.min(sorted.len() - 1)]
}

fn http_client() -> BenchResult<reqwest::Client> {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .pool_max_idle_per_host(64)
        .build()
        .map_err(|e| format!("client: {e}"))
}

/// Sends `body` as JSON and returns the JSON answer, which must be 201.
async fn post_json(
    client: &reqwest::Client,
    url: &str,
    token: Option<&str>,
    body: serde_json::Value,
) -> BenchResult<serde_json::Value> {
    let mut request = client.post(url).json(&body);
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let response = request.send().await.map_err(|e| format!("{url}: {e}"))?;
    let status = response.status();
    let text = response.text().await.map_err(|e| format!("{url}: {e}"))?;
    if status != reqwest::StatusCode::CREATED {
        return Err(format!("{url} answered {status}: {text}"));
    }
    serde_json::from_str(&text).map_err(|e| format!("{url}: {e}: {text}"))
}

fn field(value: &serde_json::Value, name: &str) -> BenchResult<String> {
    value[name]
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| format!("no {name:?} in {value}"))
}

/// One row of the table.
pub struct Row {
    pub backend: String,
    pub n: usize,
    pub figures: Figures,
    pub peak_mib: f64,
}

/// Runs polku on `backend` with `n` streams.
async fn run_polku(backend: &str, n: usize, settings: &Settings) -> BenchResult<Row> {
    let (db, instances) = match backend {
        "sqlite" => (TestDb::new(Backend::Sqlite).await, 1),
        "postgres" => (TestDb::new(Backend::Postgres).await, 2),
        other => return Err(format!("unknown backend {other:?}")),
    };
    let email = "veturi@example.fi";
    polku_app::accounts::create_account(&db.store, email, "Veturi", "kuorma-Testi-42-juna", true)
        .await
        .map_err(|e| format!("account: {e}"))?;
    let token = polku_app::tokens::issue_api_token(&db.store, email)
        .await
        .map_err(|e| format!("token: {e}"))?;
    let mut servers = Vec::new();
    for i in 0..instances {
        let log = std::env::temp_dir().join(format!("live-fanout-{backend}-{n}-{i}.log"));
        let log = log.display().to_string();
        let max = (n + 1000).to_string();
        let args = [
            "serve",
            "--addr",
            "127.0.0.1:0",
            "--no-demo",
            "--database",
            &db.url,
            "--max-connections",
            &max,
        ];
        servers.push(Server::start(&settings.polku, &args, &log)?);
    }
    let base = format!("http://{}", servers[0].addr);
    let client = http_client()?;
    let workspace = post_json(
        &client,
        &format!("{base}/api/v1/workspaces"),
        Some(&token),
        serde_json::json!({"name": "Kuormitus"}),
    )
    .await?;
    let session = post_json(
        &client,
        &format!("{base}/api/v1/sessions"),
        Some(&token),
        serde_json::json!({"workspace_id": field(&workspace, "id")?, "title": "Kuorma"}),
    )
    .await?;
    let (session_id, code) = (field(&session, "id")?, field(&session, "join_code")?);
    let voters_needed = settings.votes.div_ceil(VOTE_BUDGET);
    if n < settings.posters + voters_needed {
        return Err(format!(
            "N={n} is too few for {} posters and {voters_needed} voters",
            settings.posters
        ));
    }
    let tokens = join_all(&client, &base, &code, n).await?;
    let targets = post_vote_targets(&client, &base, &session_id, &tokens, settings.votes).await?;
    let reveal = format!("{base}/api/v1/sessions/{session_id}/reveal");
    let revealed = client.post(&reveal).bearer_auth(&token).send().await;
    match revealed.map(|r| r.status()) {
        Ok(reqwest::StatusCode::OK) => {}
        other => return Err(format!("{reveal}: {other:?}")),
    }
    let after = probe_last_seq(&client, &base, &session_id, &tokens[0]).await?;
    let streams = tokens
        .iter()
        .enumerate()
        .map(|(i, t)| StreamSpec {
            addr: servers[i % servers.len()].addr.clone(),
            path: format!("/api/v1/sessions/{session_id}/events"),
            token: Some(t.clone()),
            after,
            instance: i % servers.len(),
        })
        .collect();
    let posters = tokens.iter().take(settings.posters).cloned().collect();
    let voters = tokens[settings.posters..settings.posters + voters_needed].to_vec();
    let vote_targets = targets
        .iter()
        .enumerate()
        .map(|(k, note)| (note.clone(), settings.notes + k))
        .collect();
    let poster = Poster::Polku {
        base,
        session: session_id,
        tokens: posters,
        voters,
        targets,
    };
    let figures = measure(streams, poster, vote_targets, settings).await?;
    let peak_mib = servers.iter().map(Server::peak_mib).fold(0.0, f64::max);
    drop(servers);
    drop(db);
    Ok(Row {
        backend: if instances > 1 {
            format!("{backend} x{instances}")
        } else {
            backend.to_owned()
        },
        n,
        figures,
        peak_mib,
    })
}

/// Joins `n` participants, 32 at a time; their tokens in join order.
async fn join_all(
    client: &reqwest::Client,
    base: &str,
    code: &str,
    n: usize,
) -> BenchResult<Vec<String>> {
    let gate = Arc::new(Semaphore::new(32));
    let mut joins = JoinSet::new();
    for i in 0..n {
        let (client, gate) = (client.clone(), gate.clone());
        let url = format!("{base}/api/v1/join");
        let body = serde_json::json!({"code": code, "nickname": format!("osallistuja {i}"), "perspective": "client"});
        joins.spawn(async move {
            let _permit = gate.acquire_owned().await;
            let joined = post_json(&client, &url, None, body).await?;
            Ok::<_, String>((i, field(&joined, "participant_token")?))
        });
    }
    let mut tokens = vec![String::new(); n];
    while let Some(joined) = joins.join_next().await {
        let (i, token) = joined.map_err(|e| e.to_string())??;
        tokens[i] = token;
    }
    Ok(tokens)
}

/// Posts one note for each vote to go to, each by another participant from
/// the last one joined back (under the per-participant note limit); their ids.
async fn post_vote_targets(
    client: &reqwest::Client,
    base: &str,
    session: &str,
    tokens: &[String],
    votes: usize,
) -> BenchResult<Vec<String>> {
    let url = format!("{base}/api/v1/sessions/{session}/notes");
    let mut targets = Vec::with_capacity(votes);
    for k in 0..votes {
        let token = &tokens[tokens.len() - 1 - k % tokens.len()];
        let body = serde_json::json!({ "text": format!("äänestettävä {k}") });
        let note = post_json(client, &url, Some(token), body).await?;
        targets.push(field(&note, "id")?);
    }
    Ok(targets)
}

/// The number of the session's last event: a probe note, followed from the
/// start until it arrives, so the measured streams resume after it.
async fn probe_last_seq(
    client: &reqwest::Client,
    base: &str,
    session: &str,
    token: &str,
) -> BenchResult<i64> {
    let addr = base.trim_start_matches("http://").to_owned();
    let spec = StreamSpec {
        addr,
        path: format!("/api/v1/sessions/{session}/events"),
        token: Some(token.to_owned()),
        after: 0,
        instance: 0,
    };
    let response = open_stream(&spec).await?;
    post_json(
        client,
        &format!("{base}/api/v1/sessions/{session}/notes"),
        Some(token),
        serde_json::json!({"text": "koetin"}),
    )
    .await?;
    let mut body = response.into_body();
    let mut buffer = Vec::new();
    let read = async {
        while let Some(frame) = body.frame().await {
            let frame = frame.map_err(|e| format!("probe: {e}"))?;
            if let Ok(data) = frame.into_data() {
                buffer.extend_from_slice(&data);
            }
            while let Some(end) = find(&buffer, b"\n\n") {
                let block: Vec<u8> = buffer.drain(..end + 2).collect();
                if find(&block, b"koetin").is_some()
                    && let Some((id, _)) = parse_event(&block, &VoteTargets::new())
                {
                    return i64::try_from(id).map_err(|e| e.to_string());
                }
            }
        }
        Err("probe stream ended".to_owned())
    };
    tokio::time::timeout(Duration::from_secs(60), read)
        .await
        .map_err(|_| "probe note never arrived".to_owned())?
}

/// Runs the floor with `n` streams.
async fn run_floor(n: usize, settings: &Settings) -> BenchResult<Row> {
    let exe = std::env::current_exe().map_err(|e| format!("own path: {e}"))?;
    let log = std::env::temp_dir().join(format!("live-fanout-floor-{n}.log"));
    let server = Server::start(
        &exe.display().to_string(),
        &["--floor-server"],
        &log.display().to_string(),
    )?;
    let streams = (0..n)
        .map(|_| StreamSpec {
            addr: server.addr.clone(),
            path: "/events".into(),
            token: None,
            after: 0,
            instance: 0,
        })
        .collect();
    let poster = Poster::Floor {
        base: format!("http://{}", server.addr),
    };
    let figures = measure(streams, poster, VoteTargets::new(), settings).await?;
    Ok(Row {
        backend: "floor".into(),
        n,
        figures,
        peak_mib: server.peak_mib(),
    })
}

fn raise_open_files() {
    match rlimit::increase_nofile_limit(u64::MAX) {
        Ok(limit) => eprintln!("open files: {limit} per process"),
        Err(e) => eprintln!("cannot raise the open-file limit: {e}"),
    }
}

fn main() -> BenchResult<()> {
    if std::env::args().any(|a| a == "--floor-server") {
        return floor::serve();
    }
    // `cargo test --all-targets` runs bench binaries too, without `--bench`
    // (which `cargo bench` passes): a load run of minutes is not a test.
    if !std::env::args().any(|a| a == "--bench") {
        eprintln!("live_fanout: a benchmark; run it with scripts/bench-live.sh");
        return Ok(());
    }
    let settings = parse_args()?;
    raise_open_files();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("runtime: {e}"))?;
    runtime.block_on(run(settings))
}

async fn run(settings: Settings) -> BenchResult<()> {
    eprintln!(
        "{} notes and {} votes, interleaved at {}/s, from {} posters and {} voters; server {}",
        settings.notes,
        settings.votes,
        settings.rate,
        settings.posters,
        settings.votes.div_ceil(VOTE_BUDGET),
        settings.polku
    );
    let mut rows = Vec::new();
    for &n in &settings.sizes {
        let floor = run_floor(n, &settings).await;
        let floor = match floor {
            Ok(row) => Some(row),
            Err(e) => {
                eprintln!("floor N={n}: {e}");
                None
            }
        };
        if let Some(row) = &floor {
            print_row(row, None);
        }
        for backend in &settings.backends {
            match run_polku(backend, n, &settings).await {
                Ok(row) => {
                    print_row(&row, floor.as_ref());
                    rows.push((row, floor.as_ref().map(|f| f.figures.p99)));
                }
                Err(e) => eprintln!("{backend} N={n}: {e}"),
            }
        }
        if let Some(row) = floor {
            rows.push((row, None));
        }
    }
    summary(&rows);
    Ok(())
}
