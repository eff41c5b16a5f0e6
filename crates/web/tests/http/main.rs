//! HTTP tests: each starts the real server on a random port with a fresh
//! SQLite file and talks to it over TCP, as a browser or API client would.
//! One test binary for the crate, so it links once.

mod api;
mod language;
mod mail;
mod pages;
mod privacy;
mod robustness;
mod security;
mod support;
mod triage;
mod trust;
mod xss;
