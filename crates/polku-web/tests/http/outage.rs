//! PostgreSQL going away while serving: 503 and polite pages, then recovery.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use polku_app::accounts::create_account;
use polku_store::Store;
use polku_store::testing::{Backend, TestDb};

use crate::helpers::{PASSWORD, Proxy, client, cookie, serve_store, session_cookie};

async fn wait_for_health(http: &reqwest::Client, base: &str, want: u16) {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let status = http
            .get(format!("{base}/healthz"))
            .send()
            .await
            .map(|r| r.status().as_u16())
            .unwrap_or(0);
        if status == want {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "healthz stayed {status}, wanted {want}"
        );
        tokio::task::yield_now().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn database_outage_gives_503_then_recovers_by_itself() {
    let db = TestDb::new(Backend::Postgres).await;
    let mut url = url::Url::parse(&db.url).expect("url");
    let upstream: SocketAddr = tokio::net::lookup_host(format!(
        "{}:{}",
        url.host_str().expect("host"),
        url.port().unwrap_or(5432)
    ))
    .await
    .expect("resolve")
    .next()
    .expect("an address");
    let proxy = Proxy::start(upstream).await;
    url.set_host(Some("127.0.0.1")).expect("host");
    url.set_port(Some(proxy.addr.port())).expect("port");
    let store = Store::open(url.as_str()).await.expect("open through proxy");
    create_account(&store, "maija@example.fi", "Maija", PASSWORD, false)
        .await
        .expect("account");
    let (base, _server) = serve_store(store).await;
    let http = client();

    let login = http
        .post(format!("{base}/login"))
        .form(&[("email", "maija@example.fi"), ("password", PASSWORD)])
        .send()
        .await
        .expect("login");
    let session = session_cookie(login.headers()).expect("cookie");
    wait_for_health(&http, &base, 200).await;

    proxy.cut().await;
    wait_for_health(&http, &base, 503).await;
    let page = http
        .get(format!("{base}/workspaces?lang=en"))
        .header("cookie", cookie(&session))
        .send()
        .await
        .expect("get");
    assert_eq!(page.status(), 503);
    let html = page.text().await.expect("body");
    assert!(
        html.contains("The database is not answering right now"),
        "{html}"
    );
    let api = http
        .get(format!("{base}/api/v1/workspaces"))
        .header("cookie", cookie(&session))
        .send()
        .await
        .expect("get");
    assert_eq!(api.status(), 503);
    let body: serde_json::Value = api.json().await.expect("json");
    assert_eq!(body["error"]["code"], "database_unavailable");

    proxy.restore();
    wait_for_health(&http, &base, 200).await;
    let again = http
        .get(format!("{base}/workspaces"))
        .header("cookie", cookie(&session))
        .send()
        .await
        .expect("get");
    assert_eq!(again.status(), 200, "the session survives the outage");
    drop(db);
}
