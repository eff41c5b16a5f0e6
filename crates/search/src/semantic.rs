//! Sentence embeddings: all-MiniLM-L6-v2 run in-process with candle, and an
//! in-memory vector index searched exactly (int8-quantised dot products).

use std::collections::BinaryHeap;
use std::fs::File;
use std::io::Write;
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};

use candle_core::{DType, Device, Tensor};
use candle_nn::VarBuilder;
use candle_transformers::models::bert::{BertModel, Config};
use tokenizers::Tokenizer;

use crate::ids::IdMap;
use crate::Error;

/// The model's output size.
pub const DIMS: usize = 384;
/// Longer inputs are cut: the model was trained on 128-token pieces, and a
/// question's first 128 tokens say what it is about.
const MAX_TOKENS: usize = 128;

pub struct Embedder {
    model: BertModel,
    tokenizer: Tokenizer,
    device: Device,
}

impl Embedder {
    /// Loads `config.json`, `tokenizer.json` and `model.safetensors` from `dir`.
    pub fn load(dir: &Path) -> Result<Self, Error> {
        let read = |name: &str| {
            std::fs::read(dir.join(name))
                .map_err(|e| Error::Model(format!("cannot read {}: {e}", dir.join(name).display())))
        };
        let config: Config = serde_json::from_slice(&read("config.json")?)
            .map_err(|e| Error::Model(format!("config.json: {e}")))?;
        let mut tokenizer = Tokenizer::from_bytes(read("tokenizer.json")?)
            .map_err(|e| Error::Model(format!("tokenizer.json: {e}")))?;
        // The shipped tokenizer pads every input to 128 tokens; padding here
        // would pool over padding and make every vector alike (and slow).
        tokenizer.with_padding(None);
        tokenizer
            .with_truncation(Some(tokenizers::TruncationParams {
                max_length: MAX_TOKENS,
                ..Default::default()
            }))
            .map_err(|e| Error::Model(format!("tokenizer: {e}")))?;
        let device = Device::Cpu;
        let weights = candle_core::safetensors::load(dir.join("model.safetensors"), &device)
            .map_err(|e| Error::Model(format!("model.safetensors: {e}")))?;
        let vb = VarBuilder::from_tensors(weights, DType::F32, &device);
        let model =
            BertModel::load(vb, &config).map_err(|e| Error::Model(format!("model: {e}")))?;
        Ok(Embedder {
            model,
            tokenizer,
            device,
        })
    }

    /// Unit-length embeddings, one per text. Texts are grouped by length so
    /// a batch wastes little work on padding.
    pub fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, Error> {
        let encodings = self
            .tokenizer
            .encode_batch(texts.to_vec(), true)
            .map_err(|e| Error::Model(format!("tokenize: {e}")))?;
        let mut order: Vec<usize> = (0..texts.len()).collect();
        order.sort_by_key(|&i| encodings[i].get_ids().len());
        let mut out = vec![Vec::new(); texts.len()];
        for chunk in order.chunks(16) {
            let batch: Vec<&tokenizers::Encoding> = chunk.iter().map(|&i| &encodings[i]).collect();
            for (vector, &i) in self.embed_batch(&batch)?.into_iter().zip(chunk) {
                out[i] = vector;
            }
        }
        Ok(out)
    }

    fn embed_batch(&self, batch: &[&tokenizers::Encoding]) -> Result<Vec<Vec<f32>>, Error> {
        let model_err = |e: candle_core::Error| Error::Model(format!("inference: {e}"));
        let len = batch
            .iter()
            .map(|e| e.get_ids().len())
            .max()
            .unwrap_or(0)
            .max(1);
        let mut ids = Vec::with_capacity(batch.len() * len);
        let mut mask = Vec::with_capacity(batch.len() * len);
        for e in batch {
            let n = e.get_ids().len();
            ids.extend(e.get_ids().iter().copied());
            ids.extend(std::iter::repeat_n(0u32, len - n));
            mask.extend(std::iter::repeat_n(1u32, n));
            mask.extend(std::iter::repeat_n(0u32, len - n));
        }
        let shape = (batch.len(), len);
        let ids = Tensor::from_vec(ids, shape, &self.device).map_err(model_err)?;
        let mask = Tensor::from_vec(mask, shape, &self.device).map_err(model_err)?;
        let types = ids.zeros_like().map_err(model_err)?;
        let hidden = self
            .model
            .forward(&ids, &types, Some(&mask))
            .map_err(model_err)?;
        // Mean over real tokens only.
        let mask_f = mask
            .to_dtype(DType::F32)
            .map_err(model_err)?
            .unsqueeze(2)
            .map_err(model_err)?;
        let summed = hidden
            .broadcast_mul(&mask_f)
            .map_err(model_err)?
            .sum(1)
            .map_err(model_err)?;
        let counts = mask_f.sum(1).map_err(model_err)?;
        let mean = summed.broadcast_div(&counts).map_err(model_err)?;
        let rows: Vec<Vec<f32>> = mean.to_vec2().map_err(model_err)?;
        Ok(rows.into_iter().map(normalise).collect())
    }
}

/// A random unit vector drawn from `next`, for synthetic benchmark data
/// (search time does not depend on what vectors mean).
pub fn random_unit_vector(mut next: impl FnMut() -> u64) -> Vec<f32> {
    normalise(
        (0..DIMS)
            .map(|_| (next() % 2001) as f32 / 1000.0 - 1.0)
            .collect(),
    )
}

fn normalise(mut v: Vec<f32>) -> Vec<f32> {
    let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    if norm > 0.0 {
        v.iter_mut().for_each(|x| *x /= norm);
    }
    v
}

pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// Vectors as bytes for the database (little-endian f32), and back.
pub fn to_bytes(v: &[f32]) -> Vec<u8> {
    v.iter().flat_map(|x| x.to_le_bytes()).collect()
}

pub fn from_bytes(bytes: &[u8]) -> Option<Vec<f32>> {
    if bytes.len() != DIMS * 4 {
        return None;
    }
    Some(
        bytes
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect(),
    )
}

/// Every question's vector, quantised to int8 (a quarter of the memory of
/// f32, and faster to scan). While the index is small the rows stay in
/// memory and every search is exact. Past [`VectorIndex::spilling_to`]'s
/// threshold they move to a file and only each row's sign bits stay in
/// memory (48 bytes, an eighth of the row): a search then ranks every
/// question by how many signs it shares with the query and rescores the
/// best thousand exactly from the file. At a million questions that is
/// 50 MB of memory instead of 400.
#[derive(Default)]
pub struct VectorIndex {
    ids: Vec<u64>,
    scales: Vec<f32>,
    /// [`WORDS`] words of sign bits per row.
    codes: Vec<u64>,
    rows: Rows,
    position: IdMap<u32>,
    spill: Option<Spill>,
}

/// Where the rows go, and from how many on.
struct Spill {
    path: PathBuf,
    at: usize,
}

enum Rows {
    Memory(Vec<i8>),
    File(File),
}

impl Default for Rows {
    fn default() -> Self {
        Rows::Memory(Vec::new())
    }
}

const WORDS: usize = DIMS / 64;
/// Candidates rescored exactly per result wanted, and at least this many.
const OVERSAMPLE: usize = 8;
const MIN_CANDIDATES: usize = 1000;

fn quantise(v: &[f32]) -> (f32, Vec<i8>) {
    let max = v.iter().fold(0f32, |m, x| m.max(x.abs()));
    if max == 0.0 {
        return (0.0, vec![0; v.len()]);
    }
    let scale = max / 127.0;
    (scale, v.iter().map(|x| (x / scale).round() as i8).collect())
}

fn signs(v: &[i8]) -> [u64; WORDS] {
    let mut code = [0u64; WORDS];
    for (i, &x) in v.iter().enumerate().take(DIMS) {
        if x > 0 {
            code[i / 64] |= 1 << (i % 64);
        }
    }
    code
}

fn differing_signs(a: &[u64], b: &[u64]) -> u32 {
    a.iter().zip(b).map(|(x, y)| (x ^ y).count_ones()).sum()
}

fn dot_i8(a: &[i8], b: &[i8]) -> i32 {
    // Sums in chunks of i32 lanes; the compiler vectorises this loop.
    a.iter()
        .zip(b)
        .map(|(&x, &y)| i32::from(x) * i32::from(y))
        .sum()
}

fn file_error(e: std::io::Error) -> Error {
    Error::Index(format!("vector file: {e}"))
}

impl Rows {
    fn write(&mut self, at: usize, row: &[i8]) -> Result<(), Error> {
        match self {
            Rows::Memory(data) if at * DIMS == data.len() => data.extend_from_slice(row),
            Rows::Memory(data) => data[at * DIMS..(at + 1) * DIMS].copy_from_slice(row),
            Rows::File(file) => {
                let mut bytes = [0u8; DIMS];
                for (b, &x) in bytes.iter_mut().zip(row) {
                    *b = x as u8;
                }
                file.write_all_at(&bytes, (at * DIMS) as u64)
                    .map_err(file_error)?;
            }
        }
        Ok(())
    }

    fn read(&self, at: usize, out: &mut [i8; DIMS]) -> Result<(), Error> {
        match self {
            Rows::Memory(data) => out.copy_from_slice(&data[at * DIMS..(at + 1) * DIMS]),
            Rows::File(file) => {
                let mut bytes = [0u8; DIMS];
                file.read_exact_at(&mut bytes, (at * DIMS) as u64)
                    .map_err(file_error)?;
                for (o, b) in out.iter_mut().zip(bytes) {
                    *o = b as i8;
                }
            }
        }
        Ok(())
    }

    fn truncate(&mut self, rows: usize) -> Result<(), Error> {
        match self {
            Rows::Memory(data) => data.truncate(rows * DIMS),
            Rows::File(file) => file.set_len((rows * DIMS) as u64).map_err(file_error)?,
        }
        Ok(())
    }
}

impl VectorIndex {
    /// An index whose rows move to a file at `path` once it holds `at`
    /// vectors. The file is unlinked as soon as it is open, so it lives as
    /// long as this index and no longer; one left by an older version is
    /// removed now.
    pub fn spilling_to(path: PathBuf, at: usize) -> Self {
        let _ = std::fs::remove_file(&path);
        VectorIndex {
            spill: Some(Spill { path, at }),
            ..Default::default()
        }
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    pub fn contains(&self, id: u64) -> bool {
        self.position.contains(id)
    }

    /// Whether searches are approximate (the rows are in the file).
    pub fn spilled(&self) -> bool {
        matches!(self.rows, Rows::File(_))
    }

    pub fn upsert(&mut self, id: u64, vector: &[f32]) -> Result<(), Error> {
        let (scale, q) = quantise(vector);
        let code = signs(&q);
        match self.position.get(id) {
            Some(at) => {
                let at = at as usize;
                self.rows.write(at, &q)?;
                self.scales[at] = scale;
                self.codes[at * WORDS..(at + 1) * WORDS].copy_from_slice(&code);
            }
            None => {
                let at = self.ids.len();
                self.rows.write(at, &q)?;
                self.position.insert(id, at as u32);
                self.ids.push(id);
                self.scales.push(scale);
                self.codes.extend_from_slice(&code);
                self.spill_if_due()?;
            }
        }
        Ok(())
    }

    fn spill_if_due(&mut self) -> Result<(), Error> {
        let (Some(spill), Rows::Memory(data)) = (&self.spill, &self.rows) else {
            return Ok(());
        };
        if self.ids.len() < spill.at {
            return Ok(());
        }
        let mut file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(true)
            .open(&spill.path)
            .map_err(file_error)?;
        // Vectors of erased questions must not outlive the process on disk.
        std::fs::remove_file(&spill.path).map_err(file_error)?;
        // A piece at a time: a copy of every row at once would double the
        // memory this is here to save.
        let mut piece = Vec::with_capacity(DIMS * 1024);
        for rows in data.chunks(DIMS * 1024) {
            piece.clear();
            piece.extend(rows.iter().map(|&x| x as u8));
            file.write_all(&piece).map_err(file_error)?;
        }
        self.rows = Rows::File(file);
        Ok(())
    }

    pub fn remove(&mut self, id: u64) -> Result<(), Error> {
        let Some(at) = self.position.get(id) else {
            return Ok(());
        };
        let at = at as usize;
        let last = self.ids.len() - 1;
        // The file first: should it fail, the index is still as it was.
        // The removed row is overwritten, by the last row or by zeros.
        let mut row = [0i8; DIMS];
        if at != last {
            self.rows.read(last, &mut row)?;
        }
        self.rows.write(at, &row)?;
        self.position.remove(id);
        if at != last {
            let moved = self.ids[last];
            self.ids.swap(at, last);
            self.scales.swap(at, last);
            let (head, tail) = self.codes.split_at_mut(last * WORDS);
            head[at * WORDS..(at + 1) * WORDS].copy_from_slice(&tail[..WORDS]);
            self.position.insert(moved, at as u32);
        }
        self.ids.pop();
        self.scales.pop();
        self.codes.truncate(last * WORDS);
        // Left longer, the file would only hold a copy of a row still here.
        let _ = self.rows.truncate(last);
        Ok(())
    }

    /// The `k` nearest by cosine similarity, best first, keeping only ids
    /// `keep` accepts.
    pub fn search(
        &self,
        query: &[f32],
        k: usize,
        keep: impl Fn(u64) -> bool,
    ) -> Result<Vec<(u64, f32)>, Error> {
        if k == 0 || query.len() != DIMS {
            return Ok(Vec::new());
        }
        let (qs, q) = quantise(query);
        let mut best = Best::new(k);
        match &self.rows {
            Rows::Memory(data) => {
                for (i, row) in data.chunks_exact(DIMS).enumerate() {
                    let score = dot_i8(&q, row) as f32 * qs * self.scales[i];
                    if best.admits(score) && keep(self.ids[i]) {
                        best.add(self.ids[i], score);
                    }
                }
            }
            Rows::File(_) => {
                let mut row = [0i8; DIMS];
                for i in self.nearest_by_signs(&q, (k * OVERSAMPLE).max(MIN_CANDIDATES), &keep) {
                    self.rows.read(i, &mut row)?;
                    best.add(self.ids[i], dot_i8(&q, &row) as f32 * qs * self.scales[i]);
                }
            }
        }
        Ok(best.list)
    }

    /// Rows whose signs differ least from the query's, in file order.
    fn nearest_by_signs(&self, q: &[i8], n: usize, keep: impl Fn(u64) -> bool) -> Vec<usize> {
        let code = signs(q);
        let mut heap: BinaryHeap<(u32, usize)> = BinaryHeap::with_capacity(n + 1);
        for (i, row) in self.codes.chunks_exact(WORDS).enumerate() {
            let d = differing_signs(&code, row);
            if heap.len() == n && heap.peek().is_some_and(|&(worst, _)| d >= worst) {
                continue;
            }
            if !keep(self.ids[i]) {
                continue;
            }
            heap.push((d, i));
            if heap.len() > n {
                heap.pop();
            }
        }
        let mut rows: Vec<usize> = heap.into_iter().map(|(_, i)| i).collect();
        rows.sort_unstable();
        rows
    }

    pub fn memory_bytes(&self) -> usize {
        let rows = match &self.rows {
            Rows::Memory(data) => data.capacity(),
            Rows::File(_) => 0,
        };
        rows + self.codes.capacity() * 8
            + self.ids.capacity() * 8
            + self.scales.capacity() * 4
            + self.position.memory_bytes()
    }
}

/// The best `k` so far, best first.
struct Best {
    k: usize,
    list: Vec<(u64, f32)>,
}

impl Best {
    fn new(k: usize) -> Self {
        Best {
            k,
            list: Vec::with_capacity(k + 1),
        }
    }

    fn admits(&self, score: f32) -> bool {
        self.list.len() < self.k || self.list.last().is_some_and(|&(_, s)| score > s)
    }

    fn add(&mut self, id: u64, score: f32) {
        if !self.admits(score) {
            return;
        }
        let at = self.list.partition_point(|(_, s)| *s >= score);
        self.list.insert(at, (id, score));
        self.list.truncate(self.k);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(seed: u64) -> Vec<f32> {
        let mut x = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let v: Vec<f32> = (0..DIMS)
            .map(|_| {
                x = x
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                ((x >> 33) as f32 / (1u64 << 31) as f32) - 0.5
            })
            .collect();
        normalise(v)
    }

    #[test]
    fn finds_the_nearest_and_respects_removal() {
        let mut index = VectorIndex::default();
        for id in 0..200 {
            index.upsert(id, &unit(id)).unwrap();
        }
        let hits = index.search(&unit(42), 3, |_| true).unwrap();
        assert_eq!(hits[0].0, 42);
        assert!(
            (hits[0].1 - 1.0).abs() < 0.02,
            "int8 keeps cosine close: {}",
            hits[0].1
        );
        assert!(hits.windows(2).all(|w| w[0].1 >= w[1].1));
        index.remove(42).unwrap();
        assert!(!index.contains(42));
        assert_eq!(index.len(), 199);
        assert_ne!(index.search(&unit(42), 1, |_| true).unwrap()[0].0, 42);
        // The element moved into the hole is still found.
        assert_eq!(index.search(&unit(199), 1, |_| true).unwrap()[0].0, 199);
        // Filters apply.
        assert!(index
            .search(&unit(7), 5, |id| id % 2 == 0)
            .unwrap()
            .iter()
            .all(|(id, _)| id % 2 == 0));
    }

    #[test]
    fn upsert_replaces() {
        let mut index = VectorIndex::default();
        index.upsert(1, &unit(1)).unwrap();
        index.upsert(1, &unit(2)).unwrap();
        assert_eq!(index.len(), 1);
        assert!(index.search(&unit(2), 1, |_| true).unwrap()[0].1 > 0.98);
    }

    #[test]
    fn vectors_round_trip_as_bytes() {
        let v = unit(3);
        assert_eq!(from_bytes(&to_bytes(&v)), Some(v));
        assert_eq!(from_bytes(&[1, 2, 3]), None);
    }

    impl VectorIndex {
        fn file_len(&self) -> u64 {
            match &self.rows {
                Rows::File(file) => file.metadata().unwrap().len(),
                Rows::Memory(_) => 0,
            }
        }
    }

    /// A vector near `unit(seed)`: the same question in other words.
    fn near(seed: u64) -> Vec<f32> {
        let noise = unit(seed + 1_000_000);
        normalise(
            unit(seed)
                .iter()
                .zip(&noise)
                .map(|(a, b)| a + 0.5 * b)
                .collect(),
        )
    }

    #[test]
    fn spilled_rows_are_searched_from_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("vectors.i8");
        let mut index = VectorIndex::spilling_to(path.clone(), 1000);
        let mut exact = VectorIndex::default();
        for id in 1..=3000 {
            index.upsert(id, &unit(id)).unwrap();
            exact.upsert(id, &unit(id)).unwrap();
        }
        assert!(index.spilled() && !exact.spilled());
        assert!(!path.exists(), "the file is unlinked while in use");
        assert_eq!(index.file_len(), 3000 * DIMS as u64);
        // Far less memory than the rows themselves.
        assert!(index.memory_bytes() * 3 < exact.memory_bytes());
        for seed in [1, 17, 999, 1000, 2500, 3000] {
            let found = index.search(&near(seed), 5, |_| true).unwrap();
            assert_eq!(
                found[0].0, seed,
                "the near-duplicate of {seed} is found first"
            );
            // Rescored exactly: the same similarity as the exact scan gives.
            let expected = exact.search(&near(seed), 1, |_| true).unwrap();
            assert_eq!(found[0], expected[0]);
        }
        // Removal moves the last row into the hole, in the file too.
        index.remove(17).unwrap();
        index.remove(3000).unwrap();
        assert_eq!(index.file_len(), 2998 * DIMS as u64);
        assert_ne!(index.search(&unit(17), 1, |_| true).unwrap()[0].0, 17);
        assert_eq!(index.search(&unit(2999), 1, |_| true).unwrap()[0].0, 2999);
        // Replacing a vector rewrites its row.
        index.upsert(5, &unit(77_777)).unwrap();
        let hit = index.search(&unit(77_777), 1, |_| true).unwrap()[0];
        assert_eq!(hit.0, 5);
        assert!(hit.1 > 0.98);
        // Filters apply in the first pass.
        assert!(index
            .search(&unit(8), 5, |id| id % 2 == 1)
            .unwrap()
            .iter()
            .all(|(id, _)| id % 2 == 1));
    }
}
