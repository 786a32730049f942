//! The `polku` binary as a user runs it: exit codes, messages, both backends.

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command, Output, Stdio};

use polku_app::credentials::secret_hash;
use polku_domain::Email;
use polku_store::testing::{Backend, TestDb, fresh_folder, fresh_postgres_url};
use polku_store::{Store, test_on_both_backends};

mod durability;

const STRONG: &str = "hiljainen-Joki-virtaa-93";

fn polku(args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_polku"));
    command
        .args(args)
        .env_remove("POLKU_DATABASE_URL")
        .env_remove("POLKU_ADDR");
    command
}

/// Runs `polku args` with `stdin` as its standard input.
fn run(args: &[&str], stdin: &str) -> Output {
    let mut child = polku(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("polku starts");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("write stdin");
    child.wait_with_output().expect("polku ends")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn assert_bad_input(output: &Output, words: &str) {
    let err = stderr(output);
    assert_eq!(output.status.code(), Some(2), "stderr: {err}");
    assert!(err.contains(words), "{words:?} not in {err:?}");
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err:?}");
    assert!(output.stdout.is_empty(), "nothing on stdout");
}

fn add_user(db: &TestDb, email: &str, password: &str) -> Output {
    run(
        &[
            "user",
            "add",
            "--email",
            email,
            "--name",
            "Testi",
            "--database",
            &db.url,
        ],
        &format!("{password}\n"),
    )
}

test_on_both_backends!(
    user_add_reads_the_password_from_stdin_and_refuses_duplicates,
    weak_and_overlong_passwords_are_refused,
    user_token_prints_a_working_token,
    serve_prints_the_demo_login_and_does_not_reseed,
    demo_recreates_the_demo_workspace,
    serve_exits_0_on_sigterm,
    user_token_takes_a_name_and_days,
    user_tokens_lists_without_secrets_and_revoke_ends_one,
    user_reset_prints_a_one_time_link,
);

/// Runs `polku args` on `db` and gives its standard output; fails the test
/// unless it exits 0.
fn run_ok(db: &TestDb, args: &[&str]) -> (String, String) {
    let mut all = args.to_vec();
    all.extend(["--database", db.url.as_str()]);
    let output = run(&all, "");
    assert_eq!(
        output.status.code(),
        Some(0),
        "{args:?}: {}",
        stderr(&output)
    );
    let err = stderr(&output);
    (String::from_utf8(output.stdout).expect("utf-8"), err)
}

/// Runs `polku args` on `db` and expects bad input naming `words`.
fn run_bad(db: &TestDb, args: &[&str], words: &str) {
    let mut all = args.to_vec();
    all.extend(["--database", db.url.as_str()]);
    assert_bad_input(&run(&all, ""), words);
}

async fn user_token_takes_a_name_and_days(db: &TestDb) {
    add_user(db, "maija@example.fi", STRONG);
    let (stdout, note) = run_ok(
        db,
        &[
            "user",
            "token",
            "--email",
            "maija@example.fi",
            "--name",
            "Raportit",
            "--days",
            "7",
        ],
    );
    let token = stdout.trim();
    assert!(
        token.starts_with("polku_") && token.len() == 70,
        "only the token: {stdout:?}"
    );
    assert!(
        note.contains("Raportit") && note.contains("--revoke"),
        "{note}"
    );
    let login = db
        .store
        .find_api_token_login(&secret_hash(token))
        .await
        .expect("query")
        .expect("stored");
    assert_eq!(login.token.name.as_str(), "Raportit");
    assert_eq!(
        (login.token.expires_at - login.token.created_at).whole_days(),
        7
    );
    for days in ["0", "366"] {
        run_bad(
            db,
            &[
                "user",
                "token",
                "--email",
                "maija@example.fi",
                "--days",
                days,
            ],
            "--days must be 1 to 365",
        );
    }
    run_bad(
        db,
        &[
            "user",
            "token",
            "--email",
            "maija@example.fi",
            "--name",
            " ",
        ],
        "--name must have 1 to 60 characters",
    );
}

async fn user_tokens_lists_without_secrets_and_revoke_ends_one(db: &TestDb) {
    add_user(db, "maija@example.fi", STRONG);
    add_user(db, "other@example.fi", STRONG);
    let (first, _) = run_ok(
        db,
        &[
            "user",
            "token",
            "--email",
            "maija@example.fi",
            "--name",
            "eka",
        ],
    );
    let (second, _) = run_ok(
        db,
        &[
            "user",
            "token",
            "--email",
            "maija@example.fi",
            "--name",
            "toka",
        ],
    );
    run_ok(
        db,
        &[
            "user",
            "token",
            "--email",
            "other@example.fi",
            "--name",
            "toisen",
        ],
    );
    let (list, _) = run_ok(db, &["user", "tokens", "--email", "maija@example.fi"]);
    let lines: Vec<&str> = list.lines().collect();
    assert_eq!(lines[0], "ID\tNAME\tCREATED\tEXPIRES\tLAST USED");
    assert_eq!(lines.len(), 3, "{list}");
    assert!(list.contains("\teka\t") && list.contains("\ttoka\t") && !list.contains("toisen"));
    assert!(!list.contains("polku_"), "never the secret: {list}");
    let first_id = lines
        .iter()
        .find(|line| line.contains("\teka\t"))
        .and_then(|line| line.split('\t').next())
        .expect("id")
        .to_owned();

    run_bad(
        db,
        &[
            "user",
            "token",
            "--revoke",
            &first_id,
            "--email",
            "other@example.fi",
        ],
        "no API token has id",
    );
    run_bad(
        db,
        &["user", "token", "--revoke", "not-an-id"],
        "no API token has id",
    );
    let (revoked, _) = run_ok(db, &["user", "token", "--revoke", &first_id]);
    assert!(revoked.contains("eka"), "{revoked}");
    let login = |token: String| async move {
        db.store
            .find_api_token_login(&secret_hash(token.trim()))
            .await
            .expect("query")
    };
    assert!(login(first).await.is_none(), "the revoked token is gone");
    assert!(login(second.clone()).await.is_some());
    let second_id = login(second).await.expect("kept").token.id.to_string();
    run_ok(
        db,
        &[
            "user",
            "token",
            "--revoke",
            &second_id,
            "--email",
            "maija@example.fi",
        ],
    );
    let (list, _) = run_ok(db, &["user", "tokens", "--email", "maija@example.fi"]);
    assert_eq!(list.lines().count(), 1, "only the header is left: {list}");
    run_bad(
        db,
        &["user", "tokens", "--email", "ghost@example.fi"],
        "no account",
    );
}

async fn user_reset_prints_a_one_time_link(db: &TestDb) {
    add_user(db, "maija@example.fi", STRONG);
    let (stdout, note) = run_ok(db, &["user", "reset", "--email", "maija@example.fi"]);
    let path = stdout.trim();
    let secret = path.strip_prefix("/reset/").expect("a path");
    assert_eq!(secret.len(), 64, "{path}");
    assert!(note.contains("POLKU_PUBLIC_URL"), "{note}");
    let reset = db
        .store
        .find_password_reset(&secret_hash(secret))
        .await
        .expect("query")
        .expect("stored by hash");
    assert_eq!(reset.user.email.as_str(), "maija@example.fi");
    let minutes = (reset.expires_at - time::OffsetDateTime::now_utc()).whole_minutes();
    assert!((55..=60).contains(&minutes), "about an hour: {minutes}");

    let output = polku(&[
        "user",
        "reset",
        "--email",
        "maija@example.fi",
        "--database",
        &db.url,
    ])
    .env("POLKU_PUBLIC_URL", "https://polku.example/")
    .output()
    .expect("runs");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let link = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(link.starts_with("https://polku.example/reset/"), "{link}");
    assert!(!stderr(&output).contains("This is a path"));
    assert!(
        db.store
            .find_password_reset(&secret_hash(secret))
            .await
            .expect("query")
            .is_none(),
        "a new link voids the older one"
    );
    let bad_base = polku(&[
        "user",
        "reset",
        "--email",
        "maija@example.fi",
        "--database",
        &db.url,
    ])
    .env("POLKU_PUBLIC_URL", "polku.example")
    .output()
    .expect("runs");
    assert_bad_input(&bad_base, "POLKU_PUBLIC_URL");
    run_bad(
        db,
        &["user", "reset", "--email", "ghost@example.fi"],
        "no account",
    );
}

async fn user_add_reads_the_password_from_stdin_and_refuses_duplicates(db: &TestDb) {
    let output = add_user(db, "maija@example.fi", STRONG);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let email = Email::parse("maija@example.fi").expect("valid");
    let (user, hash) = db
        .store
        .find_user_with_password(&email)
        .await
        .expect("query")
        .expect("created");
    assert!(!user.is_admin);
    assert!(polku_app::credentials::verify_password(&hash, STRONG).await);
    let again = add_user(db, "Maija@Example.fi", STRONG);
    assert_bad_input(&again, "already exists");

    let admin = run(
        &[
            "user",
            "add",
            "--email",
            "admin@example.fi",
            "--name",
            "Pääkäyttäjä",
            "--admin",
            "--database",
            &db.url,
        ],
        &format!("{STRONG}\r\n"),
    );
    assert_eq!(admin.status.code(), Some(0), "{}", stderr(&admin));
    let email = Email::parse("admin@example.fi").expect("valid");
    let admin = db
        .store
        .find_user_by_email(&email)
        .await
        .expect("query")
        .expect("created");
    assert!(admin.is_admin);
}

async fn weak_and_overlong_passwords_are_refused(db: &TestDb) {
    assert_bad_input(&add_user(db, "a@example.fi", "Lyhyt-1"), "at least 12");
    assert_bad_input(
        &add_user(db, "b@example.fi", "salasana1234"),
        "too easy to guess",
    );
    assert_bad_input(&add_user(db, "c@example.fi", ""), "no password");
    let max: String = "tuuli-Lehti-9-".repeat(20).chars().take(256).collect();
    let ok = add_user(db, "d@example.fi", &max);
    assert_eq!(
        ok.status.code(),
        Some(0),
        "256 characters are fine: {}",
        stderr(&ok)
    );
    assert_bad_input(
        &add_user(db, "e@example.fi", &format!("{max}x")),
        "at most 256",
    );
    assert_bad_input(&add_user(db, "not-an-email", STRONG), "email");
}

async fn user_token_prints_a_working_token(db: &TestDb) {
    add_user(db, "maija@example.fi", STRONG);
    let output = run(
        &[
            "user",
            "token",
            "--email",
            "maija@example.fi",
            "--database",
            &db.url,
        ],
        "",
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let token = String::from_utf8(output.stdout)
        .expect("utf-8")
        .trim()
        .to_owned();
    assert!(token.starts_with("polku_") && token.len() == 70, "{token}");
    let login = db
        .store
        .find_api_token_login(&secret_hash(&token))
        .await
        .expect("query")
        .expect("stored");
    assert_eq!(login.user.email.as_str(), "maija@example.fi");
    assert_eq!(login.token.name.as_str(), "cli", "the default name");
    assert_eq!(
        (login.token.expires_at - login.token.created_at).whole_days(),
        90,
        "the default lifetime"
    );
    let unknown = run(
        &[
            "user",
            "token",
            "--email",
            "ghost@example.fi",
            "--database",
            &db.url,
        ],
        "",
    );
    assert_bad_input(&unknown, "no account");
}

/// Starts `polku serve` on a free port and reads its first two lines.
fn start_serve(url: &str) -> (Child, String, String) {
    let mut child = polku(&["serve", "--addr", "127.0.0.1:0", "--database", url])
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("serve starts");
    let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
    let first = lines.next().expect("a first line").expect("utf-8");
    let second = lines.next().expect("a second line").expect("utf-8");
    (child, first, second)
}

fn stop(mut child: Child) {
    let _ = child.kill();
    let _ = child.wait();
}

/// SIGTERM (what a service manager sends) ends `serve` with exit status 0.
async fn serve_exits_0_on_sigterm(db: &TestDb) {
    let (mut child, first, _) = start_serve(&db.url);
    assert!(first.contains("running at"), "{first}");
    let sent = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(sent.success());
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "serve did not stop after SIGTERM"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(0), "{status:?}");
}

async fn demo_workspace_count(store: &Store) -> usize {
    let email = Email::parse("fasilitaattori@polku.example").expect("valid");
    let user = store
        .find_user_by_email(&email)
        .await
        .expect("query")
        .expect("demo user");
    store.list_workspaces_for(&user).await.expect("list").len()
}

async fn serve_prints_the_demo_login_and_does_not_reseed(db: &TestDb) {
    let (child, first, second) = start_serve(&db.url);
    let address = first
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .expect("address printed")
        .to_owned();
    let password = second.rsplit(' ').next().expect("password").to_owned();
    assert!(
        second.starts_with("Demo facilitator: fasilitaattori@polku.example"),
        "{second}"
    );
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    let login = client
        .post(format!("{address}/login"))
        .form(&[
            ("email", "fasilitaattori@polku.example"),
            ("password", password.as_str()),
        ])
        .send()
        .await
        .expect("login");
    assert_eq!(login.status(), 303, "the printed login works");
    stop(child);
    assert_eq!(demo_workspace_count(&db.store).await, 1);

    let (child, _, second_again) = start_serve(&db.url);
    stop(child);
    assert_ne!(second, second_again, "a fresh password each start");
    assert_eq!(
        demo_workspace_count(&db.store).await,
        1,
        "no reseed on a second start"
    );
}

async fn demo_recreates_the_demo_workspace(db: &TestDb) {
    let first = run(&["demo", "--database", &db.url], "");
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    let second = run(&["demo", "--database", &db.url], "");
    assert_eq!(second.status.code(), Some(0), "{}", stderr(&second));
    assert!(String::from_utf8_lossy(&second.stdout).contains("fasilitaattori@polku.example"));
    assert_eq!(
        demo_workspace_count(&db.store).await,
        1,
        "replaced, not added"
    );
}

#[test]
fn migrate_creates_a_new_database_on_both_backends() {
    let folder = fresh_folder();
    let path = folder.join("new.db");
    let output = run(
        &[
            "migrate",
            "--database",
            &format!("sqlite://{}", path.display()),
        ],
        "",
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(path.exists());
    let _ = std::fs::remove_dir_all(&folder);

    let url = fresh_postgres_url();
    let output = run(&["migrate", "--database", &url], "");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    runtime.block_on(async {
        let store = Store::open(&url).await.expect("exists now");
        assert!(store.is_healthy().await);
        store.close().await;
        polku_store::drop_postgres_database(&url)
            .await
            .expect("dropped");
    });
}

#[test]
fn the_database_can_come_from_the_environment() {
    let folder = fresh_folder();
    let path = folder.join("from-env.db");
    let output = polku(&["migrate"])
        .env("POLKU_DATABASE_URL", format!("sqlite://{}", path.display()))
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(path.exists(), "POLKU_DATABASE_URL was used");
    let bad_addr = polku(&["serve"])
        .env("POLKU_ADDR", "no-port-here")
        .env("POLKU_DATABASE_URL", format!("sqlite://{}", path.display()))
        .output()
        .expect("runs");
    assert_bad_input(&bad_addr, "\"no-port-here\" is not HOST:PORT");
    let _ = std::fs::remove_dir_all(&folder);
}

#[test]
fn bad_database_urls_exit_2_with_one_line_and_create_nothing() {
    let folder = fresh_folder();
    let cases = [
        ("mysql://localhost/x".to_owned(), "sqlite:// or postgres://"),
        (
            format!("sqlite://{}/missing/polku.db", folder.display()),
            "folder does not exist",
        ),
        (format!("sqlite://{}", folder.display()), "folder"),
        (
            "postgres://postgres@127.0.0.1:1/polku_nowhere".to_owned(),
            "cannot connect",
        ),
    ];
    for (url, words) in cases {
        assert_bad_input(&run(&["migrate", "--database", &url], ""), words);
    }
    assert!(
        folder.read_dir().expect("readable").next().is_none(),
        "nothing created"
    );
    let _ = std::fs::remove_dir_all(&folder);
}

#[test]
fn bad_addr_and_taken_port_exit_2_before_touching_the_database() {
    let folder = fresh_folder();
    let db = format!("sqlite://{}", folder.join("polku.db").display());
    assert_bad_input(
        &run(&["serve", "--addr", "nonsense", "--database", &db], ""),
        "HOST:PORT",
    );
    assert_bad_input(
        &run(&["serve", "--addr", "999.1.1.1:80", "--database", &db], ""),
        "cannot listen",
    );
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = taken.local_addr().expect("addr").to_string();
    assert_bad_input(
        &run(&["serve", "--addr", &addr, "--database", &db], ""),
        "already in use",
    );
    assert!(
        folder.read_dir().expect("readable").next().is_none(),
        "no database created"
    );
    let _ = std::fs::remove_dir_all(&folder);
}

#[test]
fn bad_max_connections_exits_2_before_touching_the_database() {
    let folder = fresh_folder();
    let db = format!("sqlite://{}", folder.join("polku.db").display());
    let serve = |n: &str| {
        run(
            &[
                "serve",
                "--addr",
                "127.0.0.1:0",
                "--database",
                &db,
                "--max-connections",
                n,
            ],
            "",
        )
    };
    assert_bad_input(&serve("0"), "--max-connections 0 must be from 1");
    assert_bad_input(&serve("10000000"), "must be from 1 to 1000000");
    assert_eq!(serve("many").status.code(), Some(2));
    assert_eq!(serve("-5").status.code(), Some(2));
    assert!(
        folder.read_dir().expect("readable").next().is_none(),
        "no database created"
    );
    let _ = std::fs::remove_dir_all(&folder);
}

#[test]
fn serve_refuses_a_read_only_database_with_exit_2() {
    let folder = polku_store::testing::fresh_folder();
    let path = folder.join("polku.db");
    let url = format!("sqlite://{}", path.display());
    let made = run(&["migrate", "--database", &url], "");
    assert_eq!(made.status.code(), Some(0), "{}", stderr(&made));
    let output = run(
        &[
            "serve",
            "--addr",
            "127.0.0.1:0",
            "--no-demo",
            "--database",
            &format!("{url}?mode=ro"),
        ],
        "",
    );
    assert_bad_input(&output, "cannot be written");
    assert!(output.stdout.is_empty(), "it never said it runs");
    let _ = std::fs::remove_dir_all(folder);
}

#[test]
fn unknown_commands_and_missing_arguments_exit_2() {
    assert_eq!(run(&["frobnicate"], "").status.code(), Some(2));
    assert_eq!(
        run(&["user", "add", "--email", "x@example.fi"], "")
            .status
            .code(),
        Some(2)
    );
}

#[tokio::test]
async fn test_databases_are_isolated() {
    let a = TestDb::new(Backend::Postgres).await;
    let b = TestDb::new(Backend::Postgres).await;
    assert_ne!(a.url, b.url);
}

mod mine;
