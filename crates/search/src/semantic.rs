//! Sentence embeddings: all-MiniLM-L6-v2 run in-process with candle, and an
//! in-memory vector index searched exactly (int8-quantised dot products).

use std::collections::HashMap;
use std::path::Path;

use candle_core::{DType, Device, Tensor};
use candle_nn::VarBuilder;
use candle_transformers::models::bert::{BertModel, Config};
use tokenizers::Tokenizer;

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
/// f32, and faster to scan), searched exactly: at our sizes a full scan
/// meets the latency target, and exact search has no recall to lose.
#[derive(Default)]
pub struct VectorIndex {
    ids: Vec<u64>,
    scales: Vec<f32>,
    data: Vec<i8>,
    position: HashMap<u64, usize>,
}

fn quantise(v: &[f32]) -> (f32, Vec<i8>) {
    let max = v.iter().fold(0f32, |m, x| m.max(x.abs()));
    if max == 0.0 {
        return (0.0, vec![0; v.len()]);
    }
    let scale = max / 127.0;
    (scale, v.iter().map(|x| (x / scale).round() as i8).collect())
}

fn dot_i8(a: &[i8], b: &[i8]) -> i32 {
    // Sums in chunks of i32 lanes; the compiler vectorises this loop.
    a.iter()
        .zip(b)
        .map(|(&x, &y)| i32::from(x) * i32::from(y))
        .sum()
}

impl VectorIndex {
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    pub fn contains(&self, id: u64) -> bool {
        self.position.contains_key(&id)
    }

    pub fn upsert(&mut self, id: u64, vector: &[f32]) {
        let (scale, q) = quantise(vector);
        match self.position.get(&id) {
            Some(&at) => {
                self.scales[at] = scale;
                self.data[at * DIMS..(at + 1) * DIMS].copy_from_slice(&q);
            }
            None => {
                self.position.insert(id, self.ids.len());
                self.ids.push(id);
                self.scales.push(scale);
                self.data.extend_from_slice(&q);
            }
        }
    }

    pub fn remove(&mut self, id: u64) {
        let Some(at) = self.position.remove(&id) else {
            return;
        };
        let last = self.ids.len() - 1;
        if at != last {
            let moved = self.ids[last];
            self.ids.swap(at, last);
            self.scales.swap(at, last);
            let (head, tail) = self.data.split_at_mut(last * DIMS);
            head[at * DIMS..(at + 1) * DIMS].copy_from_slice(&tail[..DIMS]);
            self.position.insert(moved, at);
        }
        self.ids.pop();
        self.scales.pop();
        self.data.truncate(last * DIMS);
    }

    /// The `k` nearest by cosine similarity, best first, keeping only ids
    /// `keep` accepts.
    pub fn search(&self, query: &[f32], k: usize, keep: impl Fn(u64) -> bool) -> Vec<(u64, f32)> {
        if k == 0 || query.len() != DIMS {
            return Vec::new();
        }
        let (qs, q) = quantise(query);
        let mut best: Vec<(u64, f32)> = Vec::with_capacity(k + 1);
        let mut floor = f32::MIN;
        for (i, row) in self.data.chunks_exact(DIMS).enumerate() {
            let score = dot_i8(&q, row) as f32 * qs * self.scales[i];
            if best.len() == k && score <= floor {
                continue;
            }
            let id = self.ids[i];
            if !keep(id) {
                continue;
            }
            let at = best.partition_point(|(_, s)| *s >= score);
            best.insert(at, (id, score));
            if best.len() > k {
                best.pop();
            }
            if best.len() == k {
                floor = best[k - 1].1;
            }
        }
        best
    }

    pub fn memory_bytes(&self) -> usize {
        self.data.capacity()
            + self.ids.capacity() * 8
            + self.scales.capacity() * 4
            + self.position.capacity() * 24
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
            index.upsert(id, &unit(id));
        }
        let hits = index.search(&unit(42), 3, |_| true);
        assert_eq!(hits[0].0, 42);
        assert!(
            (hits[0].1 - 1.0).abs() < 0.02,
            "int8 keeps cosine close: {}",
            hits[0].1
        );
        assert!(hits.windows(2).all(|w| w[0].1 >= w[1].1));
        index.remove(42);
        assert!(!index.contains(42));
        assert_eq!(index.len(), 199);
        assert_ne!(index.search(&unit(42), 1, |_| true)[0].0, 42);
        // The element moved into the hole is still found.
        assert_eq!(index.search(&unit(199), 1, |_| true)[0].0, 199);
        // Filters apply.
        assert!(index
            .search(&unit(7), 5, |id| id % 2 == 0)
            .iter()
            .all(|(id, _)| id % 2 == 0));
    }

    #[test]
    fn upsert_replaces() {
        let mut index = VectorIndex::default();
        index.upsert(1, &unit(1));
        index.upsert(1, &unit(2));
        assert_eq!(index.len(), 1);
        assert!(index.search(&unit(2), 1, |_| true)[0].1 > 0.98);
    }

    #[test]
    fn vectors_round_trip_as_bytes() {
        let v = unit(3);
        assert_eq!(from_bytes(&to_bytes(&v)), Some(v));
        assert_eq!(from_bytes(&[1, 2, 3]), None);
    }
}
