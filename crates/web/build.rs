//! Turns the English message files into constants, so a page that names a
//! message the files do not have fails to compile instead of showing its id.
//! Every language's files are embedded, with the ids each defines; a test
//! holds the other languages to English's set of messages.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    // Read when the script runs, not when it was compiled: a build script
    // binary may be reused for a copy of the crate elsewhere.
    let manifest = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into());
    let root = Path::new(&manifest).join("locales");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut consts = String::new();
    let mut files = String::from("pub const FILES: &[(&str, &str, &str)] = &[\n");
    let mut ids = String::from("pub const IDS: &[(&str, &str)] = &[\n");
    let mut langs: Vec<_> = read_dir(&root);
    langs.sort();
    for lang_dir in langs {
        let lang = file_name(&lang_dir);
        println!("cargo:rerun-if-changed={}", lang_dir.display());
        let mut ftls: Vec<_> = read_dir(&lang_dir)
            .into_iter()
            .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
            .collect();
        ftls.sort();
        for ftl in ftls {
            println!("cargo:rerun-if-changed={}", ftl.display());
            let name = file_name(&ftl);
            let _ = writeln!(
                files,
                "    ({lang:?}, {name:?}, include_str!({:?})),",
                ftl.display().to_string()
            );
            let text =
                std::fs::read_to_string(&ftl).unwrap_or_else(|e| panic!("{}: {e}", ftl.display()));
            for id in message_ids(&text) {
                let _ = writeln!(ids, "    ({lang:?}, {id:?}),");
                if lang == "en" {
                    let constant = id.to_uppercase().replace('-', "_");
                    let _ = writeln!(consts, "pub const {constant}: Msg = Msg({id:?});");
                }
            }
        }
    }
    files.push_str("];\n");
    ids.push_str("];\n");
    let out =
        Path::new(&std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into())).join("messages.rs");
    std::fs::write(&out, format!("{files}\n{ids}\n{consts}"))
        .unwrap_or_else(|e| panic!("{}: {e}", out.display()));
}

/// Messages start a line with their id and `=`; terms (`-name`),
/// comments and continuation lines do not.
fn message_ids(text: &str) -> impl Iterator<Item = &str> {
    text.lines().filter_map(|line| {
        let (id, _) = line.split_once('=')?;
        let id = id.trim_end();
        let first = id.chars().next()?;
        (first.is_ascii_alphabetic()
            && id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .then_some(id)
    })
}

fn read_dir(dir: &Path) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .collect()
}

fn file_name(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}
