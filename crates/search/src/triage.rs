//! Triage by meaning, with the embedding model this process already has:
//! the rules of `confide_core::triage` plus each sentence compared with the
//! category exemplars (see `confide_core::triage::meaning`). Without the
//! model, the rules alone.

use std::sync::Arc;

use confide_core::triage::{self, Calibration, MeaningModel, Triage};

use crate::{Embedder, Error};

/// A question of 20,000 characters has hundreds of sentences; its first
/// ones say what it is about, and embedding them all would let one request
/// take a core for a second. The rules still read every word.
const MAX_PASSAGES: usize = 24;

pub struct TriageReader {
    embedder: Option<Arc<Embedder>>,
    /// The exemplars embedded, on first use: a second's work at start-up
    /// that no request should wait for twice.
    model: tokio::sync::OnceCell<Option<Arc<MeaningModel>>>,
}

impl TriageReader {
    pub fn new(embedder: Option<Arc<Embedder>>) -> Self {
        TriageReader {
            embedder,
            model: tokio::sync::OnceCell::new(),
        }
    }

    /// Whether triage reads meaning as well as the rules: the model is
    /// there and the shipped calibration is for it.
    pub fn by_meaning(&self) -> bool {
        self.embedder.is_some() && fitted_calibration().is_some()
    }

    /// Embeds the exemplars now, so the first question asked does not wait.
    pub async fn prepare(&self) {
        let _ = self.model().await;
    }

    async fn model(&self) -> Option<Arc<MeaningModel>> {
        self.model
            .get_or_init(|| async {
                let embedder = self.embedder.clone()?;
                let calibration = fitted_calibration()?;
                let built =
                    tokio::task::spawn_blocking(move || build_model(&embedder, calibration)).await;
                match built {
                    Ok(Ok(model)) => Some(Arc::new(model)),
                    Ok(Err(e)) => {
                        tracing::warn!("triage by meaning off, rules only: {e}");
                        None
                    }
                    Err(e) => {
                        tracing::warn!("triage by meaning off, rules only: {e}");
                        None
                    }
                }
            })
            .await
            .clone()
    }

    /// Reads a question as written (before redaction: a removed name can
    /// take the cue with it).
    pub async fn triage(&self, text: &str) -> Triage {
        let (Some(model), Some(embedder)) = (self.model().await, self.embedder.clone()) else {
            return triage::triage(text);
        };
        let passages: Vec<String> = triage::passages(text)
            .into_iter()
            .take(MAX_PASSAGES)
            .map(str::to_owned)
            .collect();
        if passages.is_empty() {
            return triage::triage(text);
        }
        let embedded = tokio::task::spawn_blocking(move || {
            let refs: Vec<&str> = passages.iter().map(String::as_str).collect();
            embedder.embed(&refs)
        })
        .await;
        match embedded {
            Ok(Ok(vectors)) => triage::triage_with_meaning(text, &model, &vectors),
            Ok(Err(e)) => {
                tracing::warn!("triage read by its rules only: {e}");
                triage::triage(text)
            }
            Err(e) => {
                tracing::warn!("triage read by its rules only: {e}");
                triage::triage(text)
            }
        }
    }
}

/// The shipped calibration, if it was fitted with this model.
fn fitted_calibration() -> Option<Calibration> {
    Calibration::shipped()
        .filter(|c| c.model == crate::model::MODEL_NAME && !c.thresholds.is_empty())
}

/// The exemplars embedded with `embedder`, voting as `calibration` says.
pub fn build_model(embedder: &Embedder, calibration: Calibration) -> Result<MeaningModel, Error> {
    let texts = triage::exemplar_texts();
    let vectors = embedder.embed(&texts)?;
    MeaningModel::new(vectors, calibration).map_err(|e| Error::Model(e.to_string()))
}
