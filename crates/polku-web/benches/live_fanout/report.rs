//! The table and the targets of issue 10.

use std::time::Duration;

use crate::{Figures, Row};

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

pub fn print_row(row: &Row, floor: Option<&Row>) {
    let f = &row.figures;
    let (floor_p99, ratio) = floor.map_or(("-".to_owned(), "-".to_owned()), |fl| {
        let p = ms(fl.figures.p99);
        (format!("{p:.1}"), format!("{:.2}", ms(f.p99) / p.max(1e-3)))
    });
    println!(
        "| {} | {} | {:.1} | {:.1} | {} | {} | {:.0} | {} | {} |",
        row.backend,
        row.n,
        ms(f.p50),
        ms(f.p99),
        f.lost,
        f.duplicated,
        row.peak_mib,
        floor_p99,
        ratio
    );
    println!(
        "|   ^ post answered (201) in p50 {:.1} ms, p99 {:.1} ms | | | | | | | | |",
        ms(f.post_answer.0),
        ms(f.post_answer.1)
    );
    for (i, (p50, p99)) in f.per_instance.iter().enumerate() {
        let role = if i == 0 { "posted to" } else { "via NOTIFY" };
        println!(
            "|   ^ instance {} ({role}): p50 {:.1} ms, p99 {:.1} ms | | | | | | | | |",
            i + 1,
            ms(*p50),
            ms(*p99)
        );
    }
    if f.stream_errors + f.post_errors > 0 {
        println!(
            "|   ^ {} stream errors, {} post errors; first: {} | | | | | | | | |",
            f.stream_errors,
            f.post_errors,
            f.first_error.as_deref().unwrap_or("-").replace('|', "/")
        );
    }
}

/// The table again, and the targets of issue 10 checked.
pub fn summary(rows: &[(Row, Option<Duration>)]) {
    println!();
    println!(
        "| backend | N | p50 ms | p99 ms | lost | duplicated | server peak MB | floor p99 ms | ratio |"
    );
    println!("|---|--:|--:|--:|--:|--:|--:|--:|--:|");
    for (row, _) in rows.iter().filter(|(r, _)| r.backend == "floor") {
        print_row(row, None);
    }
    for (row, floor_p99) in rows.iter().filter(|(r, _)| r.backend != "floor") {
        let floor = floor_p99.map(|p99| Row {
            backend: String::new(),
            n: row.n,
            figures: Figures {
                p50: p99,
                p99,
                lost: 0,
                duplicated: 0,
                stream_errors: 0,
                post_errors: 0,
                first_error: None,
                post_answer: (Duration::ZERO, Duration::ZERO),
                per_instance: Vec::new(),
            },
            peak_mib: 0.0,
        });
        print_row(row, floor.as_ref());
    }
    println!();
    println!("Targets: 2,000 on one instance p99 < 100 ms; 10,000 p99 within 2x the floor;");
    println!("zero lost or duplicated; and the largest N with p99 < 1 s.");
    for (row, floor_p99) in rows.iter().filter(|(r, _)| r.backend != "floor") {
        let f = &row.figures;
        let mut verdicts = Vec::new();
        if row.n == 2000 && !row.backend.contains('x') {
            verdicts.push(mark(ms(f.p99) < 100.0, "p99 < 100 ms"));
        }
        if row.n == 10000
            && let Some(floor) = floor_p99
        {
            verdicts.push(mark(f.p99 <= *floor * 2, "p99 within 2x floor"));
        }
        let clean = f.lost == 0 && f.duplicated == 0 && f.stream_errors + f.post_errors == 0;
        verdicts.push(mark(clean, "none lost, duplicated or failed"));
        println!("- {} N={}: {}", row.backend, row.n, verdicts.join(", "));
    }
    let mut backends: Vec<&str> = rows.iter().map(|(r, _)| r.backend.as_str()).collect();
    backends.dedup();
    backends.sort_unstable();
    backends.dedup();
    for backend in backends {
        let largest = rows
            .iter()
            .filter(|(r, _)| r.backend == backend && r.figures.p99 < Duration::from_secs(1))
            .map(|(r, _)| r.n)
            .max();
        match largest {
            Some(n) => println!("- {backend}: largest N measured with p99 < 1 s: {n}"),
            None => println!("- {backend}: no N measured with p99 < 1 s"),
        }
    }
}

pub fn mark(ok: bool, what: &str) -> String {
    format!("{} {what}", if ok { "MET" } else { "MISSED" })
}
