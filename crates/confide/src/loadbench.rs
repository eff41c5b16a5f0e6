//! `confide bench http`: the real server, on loopback, under load from
//! keep-alive connections in the same process, on a database of N
//! synthetic questions (SQLite or PostgreSQL). A hello-world server on the
//! same machine, measured the same way, gives the baseline the numbers are
//! read against.

use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Context;
use serde::Serialize;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

#[derive(Debug, Serialize)]
pub struct Stats {
    pub requests: usize,
    pub errors: usize,
    pub requests_per_second: f64,
    pub p50_ms: f64,
    pub p99_ms: f64,
    /// Requests per second as a share of the hello-world baseline.
    pub of_baseline: f64,
    /// Time inside the server (routing to response), without the load
    /// generator's share of the two processors.
    pub server_p50_ms: Option<f64>,
    pub server_p99_ms: Option<f64>,
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    (sorted[i] * 1000.0).round() / 1000.0
}

/// Adds the server's own timings for one route.
pub fn with_server_time(mut stats: Stats, micros: Option<Vec<u64>>) -> Stats {
    if let Some(micros) = micros {
        let mut ms: Vec<f64> = micros.into_iter().map(|m| m as f64 / 1000.0).collect();
        ms.sort_by(f64::total_cmp);
        stats.server_p50_ms = Some(percentile(&ms, 0.50));
        stats.server_p99_ms = Some(percentile(&ms, 0.99));
    }
    stats
}

#[derive(Debug, Serialize)]
pub struct Report {
    pub backend: String,
    pub questions: usize,
    pub concurrency: usize,
    pub seconds_per_phase: f64,
    pub hello_world: Stats,
    /// Uniform over every answered question: mostly rendered afresh.
    pub question_page: Stats,
    /// The 1,000 most-viewed questions: served from the page cache.
    pub question_page_popular: Stats,
    pub home_page: Stats,
    pub search: Stats,
    pub ask: Stats,
    pub rss_mb: f64,
}

/// One request, as raw HTTP/1.1 on a kept-alive connection.
#[derive(Clone)]
pub enum Request {
    Get(String),
    PostJson(String, String),
}

/// Sends `request` and reads the whole response; returns the status.
async fn exchange(stream: &mut BufReader<TcpStream>, request: &Request) -> std::io::Result<u16> {
    let head = match request {
        Request::Get(path) => format!("GET {path} HTTP/1.1\r\nHost: bench\r\n\r\n"),
        Request::PostJson(path, body) => format!(
            "POST {path} HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        ),
    };
    stream.get_mut().write_all(head.as_bytes()).await?;
    let mut line = String::new();
    stream.read_line(&mut line).await?;
    let status: u16 = line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| std::io::Error::other(format!("bad status line {line:?}")))?;
    let mut length = 0usize;
    loop {
        line.clear();
        stream.read_line(&mut line).await?;
        if line == "\r\n" || line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            if name.eq_ignore_ascii_case("content-length") {
                length = value.trim().parse().unwrap_or(0);
            }
        }
    }
    let mut body = vec![0u8; length];
    stream.read_exact(&mut body).await?;
    Ok(status)
}

/// `concurrency` connections, each sending `make(i)` in a loop for
/// `seconds`; latencies of the successful ones.
pub async fn load(
    addr: std::net::SocketAddr,
    concurrency: usize,
    seconds: f64,
    expect: u16,
    make: Arc<dyn Fn(usize) -> Request + Send + Sync>,
) -> anyhow::Result<(Vec<f64>, usize, f64)> {
    let deadline = Instant::now() + Duration::from_secs_f64(seconds);
    let started = Instant::now();
    let mut tasks = Vec::new();
    for worker in 0..concurrency {
        let make = make.clone();
        tasks.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            let mut errors = 0usize;
            let mut stream = BufReader::new(TcpStream::connect(addr).await?);
            stream.get_ref().set_nodelay(true)?;
            let mut i = worker;
            while Instant::now() < deadline {
                let request = make(i);
                i += concurrency;
                let t = Instant::now();
                match exchange(&mut stream, &request).await {
                    Ok(status) if status == expect => {
                        latencies.push(t.elapsed().as_secs_f64() * 1000.0)
                    }
                    Ok(_) => errors += 1,
                    Err(_) => {
                        errors += 1;
                        stream = BufReader::new(TcpStream::connect(addr).await?);
                    }
                }
            }
            Ok::<_, std::io::Error>((latencies, errors))
        }));
    }
    let mut all = Vec::new();
    let mut errors = 0;
    for task in tasks {
        let (latencies, e) = task.await.context("a load worker panicked")??;
        all.extend(latencies);
        errors += e;
    }
    Ok((all, errors, started.elapsed().as_secs_f64()))
}

pub fn stats(mut latencies: Vec<f64>, errors: usize, elapsed: f64, baseline_rps: f64) -> Stats {
    latencies.sort_by(f64::total_cmp);
    let at = |p: f64| percentile(&latencies, p);
    let rps = latencies.len() as f64 / elapsed.max(1e-9);
    Stats {
        requests: latencies.len(),
        errors,
        requests_per_second: rps.round(),
        p50_ms: at(0.50),
        p99_ms: at(0.99),
        of_baseline: if baseline_rps > 0.0 {
            (rps / baseline_rps * 1000.0).round() / 1000.0
        } else {
            1.0
        },
        server_p50_ms: None,
        server_p99_ms: None,
    }
}

/// A server that answers "hello" and nothing else: the ceiling of this
/// machine, this HTTP stack and this load generator.
pub async fn hello_server() -> anyhow::Result<(std::net::SocketAddr, tokio::task::JoinHandle<()>)> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let app = axum::Router::new().route("/", axum::routing::get(|| async { "hello" }));
    let handle = tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    Ok((addr, handle))
}

/// Where a phase runs and what it is compared with.
pub struct Target<'a> {
    pub addr: std::net::SocketAddr,
    pub concurrency: usize,
    pub seconds: f64,
    pub baseline_rps: f64,
    pub timings: &'a confide_web::ServerTimings,
}

/// One phase against the server: the load, what the client saw, and what
/// the server recorded for `route` meanwhile.
pub async fn phase(
    target: &Target<'_>,
    name: &str,
    route: &str,
    expect: u16,
    make: Arc<dyn Fn(usize) -> Request + Send + Sync>,
) -> anyhow::Result<Stats> {
    eprintln!("{name}…");
    target.timings.take();
    let (latencies, errors, elapsed) = load(
        target.addr,
        target.concurrency,
        target.seconds,
        expect,
        make,
    )
    .await?;
    let client = stats(latencies, errors, elapsed, target.baseline_rps);
    Ok(with_server_time(
        client,
        target.timings.take().remove(route),
    ))
}

pub fn rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map(|kb| (kb / 1024.0 * 10.0).round() / 10.0)
        .unwrap_or(0.0)
}
