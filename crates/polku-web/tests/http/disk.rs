//! A full disk under SQLite: writes answer 503 with a polite message (never
//! 500), and work again as soon as space is back, with no connection left
//! behind in a broken transaction. The database lives on a small tmpfs that
//! the test fills and frees (the tests run as root, as `scripts/test.sh` does).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use polku_app::accounts::create_account;
use polku_app::tokens::issue_api_token;
use polku_store::Store;
use polku_store::testing::fresh_folder;

use crate::helpers::{PASSWORD, client, serve_store};

/// A tmpfs of a few megabytes, unmounted when dropped.
struct SmallDisk {
    folder: PathBuf,
}

impl SmallDisk {
    fn mount() -> Self {
        let folder = fresh_folder();
        let status = Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=8m", "tmpfs"])
            .arg(&folder)
            .status()
            .expect("mount runs");
        assert!(
            status.success(),
            "cannot mount a tmpfs at {} (the tests need root, as CI has)",
            folder.display()
        );
        Self { folder }
    }

    /// Writes zeros into `filler` until the disk is full.
    fn fill(&self, filler: &Path) {
        let mut file = std::fs::File::create(filler).expect("filler");
        let chunk = vec![0u8; 64 * 1024];
        loop {
            if let Err(e) = file.write_all(&chunk).and_then(|()| file.sync_all()) {
                assert_eq!(e.raw_os_error(), Some(28), "stopped by ENOSPC, not {e}");
                break;
            }
        }
        // Also take the last few bytes a short write left.
        let _ = file.write_all(&[0u8; 512]);
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.folder).status();
        let _ = std::fs::remove_dir_all(&self.folder);
    }
}

async fn create_workspace(http: &reqwest::Client, base: &str, token: &str, n: usize) -> u16 {
    http.post(format!("{base}/api/v1/workspaces"))
        .bearer_auth(token)
        .json(&serde_json::json!({ "name": format!("Hanke {n} {}", "x".repeat(100)) }))
        .send()
        .await
        .expect("request")
        .status()
        .as_u16()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_disk_gives_503_and_writes_recover_when_space_is_back() {
    let disk = SmallDisk::mount();
    let url = format!("sqlite://{}", disk.folder.join("polku.db").display());
    let store = Store::open(&url).await.expect("open");
    create_account(&store, "maija@example.fi", "Maija", PASSWORD, false)
        .await
        .expect("account");
    let token = issue_api_token(&store, "maija@example.fi")
        .await
        .expect("token");
    let (base, _server) = serve_store(store).await;
    let http = client();
    assert_eq!(create_workspace(&http, &base, &token, 0).await, 201);

    let filler = disk.folder.join("filler");
    disk.fill(&filler);
    let mut refused = 0;
    for n in 1..=40 {
        let status = create_workspace(&http, &base, &token, n).await;
        assert!(
            status == 201 || status == 503,
            "write {n} on a full disk answered {status}"
        );
        if status == 503 {
            refused += 1;
        }
    }
    assert!(refused > 0, "the full disk refused no write");
    let response = http
        .post(format!("{base}/api/v1/workspaces"))
        .bearer_auth(&token)
        .header("accept-language", "fi")
        .json(&serde_json::json!({ "name": "Vielä yksi" }))
        .send()
        .await
        .expect("request");
    if response.status() == 503 {
        let body: serde_json::Value = response.json().await.expect("json");
        assert_eq!(body["error"]["code"], "storage_full");
        assert!(
            body["error"]["message"]
                .as_str()
                .expect("message")
                .contains("tallennustila")
        );
    }
    let page = http
        .post(format!("{base}/login"))
        .form(&[("email", "maija@example.fi"), ("password", PASSWORD)])
        .send()
        .await
        .expect("login");
    assert_eq!(page.status(), 503, "login needs a write: a polite 503 page");
    assert!(page.text().await.expect("page").contains("<main"));

    std::fs::remove_file(&filler).expect("space back");
    for n in 100..160 {
        assert_eq!(
            create_workspace(&http, &base, &token, n).await,
            201,
            "write {n} after space came back"
        );
    }
    let login = http
        .post(format!("{base}/login"))
        .form(&[("email", "maija@example.fi"), ("password", PASSWORD)])
        .send()
        .await
        .expect("login");
    assert_eq!(login.status(), 303);
}
