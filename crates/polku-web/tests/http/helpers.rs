//! A real server on `127.0.0.1:0` over a fresh database, and typed helpers.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use polku_app::accounts::create_account;
use polku_app::tokens::issue_api_token;
use polku_store::Store;
use polku_store::testing::{Backend, TestDb};
use polku_web::{AppState, WebConfig};
use reqwest::StatusCode;
use reqwest::header::{HeaderMap, SET_COOKIE};
use reqwest::redirect::Policy;
use serde_json::Value;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Mutex, oneshot};
use tokio::task::JoinHandle;

/// A password that passes the strength rules.
pub const PASSWORD: &str = "kirjava-Harakka-lentää-58";

/// A running app and a client that follows no redirects and keeps no cookies.
pub struct TestApp {
    pub base: String,
    pub db: TestDb,
    pub client: reqwest::Client,
    _server: Server,
}

/// A server started through `polku_web::serve`, as the binary starts it.
pub struct Server {
    shutdown: Option<oneshot::Sender<()>>,
    pub task: JoinHandle<std::io::Result<()>>,
}

impl Server {
    /// Asks the server to stop: it takes no new connections and finishes
    /// the requests in flight.
    pub fn shut_down(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// Starts the app over `store` with `config` on a free port.
pub async fn serve_with(store: Store, config: WebConfig) -> (String, Server) {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr: SocketAddr = listener.local_addr().expect("addr");
    let (shutdown, stopped) = oneshot::channel::<()>();
    let state = AppState::new(store, config);
    let task = tokio::spawn(polku_web::serve(listener, state, async {
        let _ = stopped.await;
    }));
    let server = Server {
        shutdown: Some(shutdown),
        task,
    };
    (format!("http://{addr}"), server)
}

/// Starts the app over `store` on a free port with the default settings.
pub async fn serve_store(store: Store) -> (String, Server) {
    serve_with(store, WebConfig::default()).await
}

pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(Policy::none())
        .build()
        .expect("client")
}

impl TestApp {
    pub async fn spawn(backend: Backend) -> Self {
        Self::spawn_with(backend, WebConfig::default()).await
    }

    /// A fresh app on `backend` with `config`.
    pub async fn spawn_with(backend: Backend, config: WebConfig) -> Self {
        let db = TestDb::new(backend).await;
        let (base, server) = serve_with(db.store.clone(), config).await;
        Self {
            base,
            db,
            client: client(),
            _server: server,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Creates an account with [`PASSWORD`].
    pub async fn user(&self, email: &str, admin: bool) -> polku_store::User {
        create_account(&self.db.store, email, "Testi Käyttäjä", PASSWORD, admin)
            .await
            .expect("account created")
    }

    /// A fresh API token for `email`.
    pub async fn token(&self, email: &str) -> String {
        issue_api_token(&self.db.store, email).await.expect("token")
    }

    /// Logs in through the page and returns the session cookie's value.
    pub async fn login(&self, email: &str) -> String {
        let response = self
            .post_form("/login", &[("email", email), ("password", PASSWORD)])
            .await;
        assert_eq!(response.status(), 303, "login for {email} should succeed");
        session_cookie(response.headers()).expect("session cookie set")
    }

    /// POSTs a form to `path` without credentials.
    pub async fn post_form(&self, path: &str, form: &[(&str, &str)]) -> reqwest::Response {
        self.client
            .post(self.url(path))
            .form(form)
            .send()
            .await
            .expect("post")
    }

    /// GETs `path` with a page session.
    pub async fn get_with_session(&self, path: &str, session: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .header("cookie", cookie(session))
            .send()
            .await
            .expect("get")
    }

    /// The served OpenAPI document.
    pub async fn openapi(&self) -> serde_json::Value {
        self.client
            .get(self.url("/api/openapi.json"))
            .send()
            .await
            .expect("get")
            .json()
            .await
            .expect("json")
    }

    /// GETs `url` with a bearer token and returns the JSON body.
    pub async fn get_json(&self, url: impl reqwest::IntoUrl, token: &str) -> serde_json::Value {
        self.client
            .get(url)
            .bearer_auth(token)
            .send()
            .await
            .expect("get")
            .json()
            .await
            .expect("json")
    }

    /// Creates a workspace through the API as the token's owner.
    pub async fn workspace(&self, token: &str, name: &str) -> String {
        let response = self
            .client
            .post(self.url("/api/v1/workspaces"))
            .bearer_auth(token)
            .json(&serde_json::json!({ "name": name }))
            .send()
            .await
            .expect("create request");
        assert_eq!(response.status(), 201);
        let body: serde_json::Value = response.json().await.expect("json");
        body["id"].as_str().expect("id").to_owned()
    }
}

/// The `__Host-polku_session` value a response sets, if any.
pub fn session_cookie(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|v| v.strip_prefix("__Host-polku_session="))
        .map(|rest| rest.split(';').next().unwrap_or_default().to_owned())
        .filter(|v| !v.is_empty())
}

/// The `Cookie` header value for a session.
pub fn cookie(session: &str) -> String {
    format!("__Host-polku_session={session}")
}

/// A TCP proxy that can cut every connection and refuse new ones, standing in
/// for a database server that goes away and comes back.
pub struct Proxy {
    pub addr: SocketAddr,
    open: Arc<AtomicBool>,
    connections: Arc<Mutex<Vec<JoinHandle<()>>>>,
    acceptor: JoinHandle<()>,
}

impl Drop for Proxy {
    fn drop(&mut self) {
        self.acceptor.abort();
    }
}

impl Proxy {
    pub async fn start(upstream: SocketAddr) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind proxy");
        let addr = listener.local_addr().expect("addr");
        let open = Arc::new(AtomicBool::new(true));
        let connections: Arc<Mutex<Vec<JoinHandle<()>>>> = Arc::default();
        let acceptor = {
            let open = Arc::clone(&open);
            let connections = Arc::clone(&connections);
            tokio::spawn(async move {
                while let Ok((mut inbound, _)) = listener.accept().await {
                    if !open.load(Ordering::SeqCst) {
                        drop(inbound);
                        continue;
                    }
                    let task = tokio::spawn(async move {
                        if let Ok(mut outbound) = TcpStream::connect(upstream).await {
                            let _ =
                                tokio::io::copy_bidirectional(&mut inbound, &mut outbound).await;
                        }
                    });
                    connections.lock().await.push(task);
                }
            })
        };
        Self {
            addr,
            open,
            connections,
            acceptor,
        }
    }

    /// Drops every connection and refuses new ones.
    pub async fn cut(&self) {
        self.open.store(false, Ordering::SeqCst);
        for task in self.connections.lock().await.drain(..) {
            task.abort();
        }
    }

    /// Lets connections through again.
    pub fn restore(&self) {
        self.open.store(true, Ordering::SeqCst);
    }
}

/// Runs a test function against a fresh app on SQLite and on PostgreSQL.
macro_rules! app_test {
    ($($name:ident),+ $(,)?) => {
        $(
            mod $name {
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn sqlite() {
                    let app = crate::helpers::TestApp::spawn(polku_store::testing::Backend::Sqlite).await;
                    super::$name(&app).await;
                }

                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn postgres() {
                    let app = crate::helpers::TestApp::spawn(polku_store::testing::Backend::Postgres).await;
                    super::$name(&app).await;
                }
            }
        )+
    };
}
pub(crate) use app_test;

/// The status, code and message of a JSON error answer.
pub async fn error_code(response: reqwest::Response) -> (StatusCode, String, String) {
    let status = response.status();
    let body: Value = response.json().await.expect("error body is JSON");
    let code = body["error"]["code"].as_str().expect("code").to_owned();
    let message = body["error"]["message"]
        .as_str()
        .expect("message")
        .to_owned();
    assert!(
        !message.is_empty() && message != format!("error-{code}"),
        "message translated"
    );
    (status, code, message)
}

/// GETs a page with extra headers; the status and the HTML.
pub async fn get_html(app: &TestApp, path: &str, headers: &[(&str, &str)]) -> (u16, String) {
    let mut request = app.client.get(app.url(path));
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = request.send().await.expect("get");
    (
        response.status().as_u16(),
        response.text().await.expect("body"),
    )
}

/// The page's error summary (`id="error-summary"` up to its end), or a
/// panic showing the page when it has none.
pub fn error_summary(html: &str) -> &str {
    let start = html
        .find("id=\"error-summary\"")
        .unwrap_or_else(|| panic!("no error summary on the page: {html}"));
    let end = html[start..]
        .find("</div>")
        .map_or(html.len(), |end| start + end);
    &html[start..end]
}

/// Asserts that `message` is shown beside the field `id` (as `{id}-error`,
/// which the field names in `aria-describedby` and marks `aria-invalid`)
/// and, as a link to the field, in the error summary, which is focused
/// when the page loads.
pub fn assert_field_error(html: &str, id: &str, message: &str) {
    let summary = error_summary(html);
    assert!(
        summary.contains("autofocus"),
        "the summary takes focus: {summary}"
    );
    assert!(
        summary.contains(&format!("<a href=\"#{id}\">{message}")),
        "the summary links to #{id}: {summary}"
    );
    assert!(
        html.contains(&format!("id=\"{id}-error\">{message}")),
        "{message:?} beside #{id}: {html}"
    );
    let field = html
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no field #{id}"));
    let tag = &html[field..field + html[field..].find('>').unwrap_or(0)];
    assert!(
        tag.contains("aria-invalid=\"true\""),
        "#{id} invalid: {tag}"
    );
    assert!(
        tag.contains(&format!("{id}-error")),
        "#{id} described by its error: {tag}"
    );
}
