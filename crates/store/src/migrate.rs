//! A small migration runner: numbered SQL files embedded in the binary,
//! applied in order, each in its own transaction, recorded in
//! `schema_migrations`. Kept tiny so that each backend's tree is plain SQL.

pub(crate) struct Migration {
    pub version: i64,
    pub name: &'static str,
    pub sql: &'static str,
}

pub(crate) const SQLITE: &[Migration] = &[
    Migration {
        version: 1,
        name: "core_loop",
        sql: include_str!("../migrations/sqlite/0001_core_loop.sql"),
    },
    Migration {
        version: 2,
        name: "embeddings",
        sql: include_str!("../migrations/sqlite/0002_embeddings.sql"),
    },
    Migration {
        version: 3,
        name: "triage",
        sql: include_str!("../migrations/sqlite/0003_triage.sql"),
    },
    Migration {
        version: 4,
        name: "evidence",
        sql: include_str!("../migrations/sqlite/0004_evidence.sql"),
    },
    Migration {
        version: 5,
        name: "helped",
        sql: include_str!("../migrations/sqlite/0005_helped.sql"),
    },
    Migration {
        version: 6,
        name: "revisions",
        sql: include_str!("../migrations/sqlite/0006_revisions.sql"),
    },
    Migration {
        version: 7,
        name: "dispute_status",
        sql: include_str!("../migrations/sqlite/0007_dispute_status.sql"),
    },
    Migration {
        version: 8,
        name: "experts",
        sql: include_str!("../migrations/sqlite/0008_experts.sql"),
    },
    Migration {
        version: 9,
        name: "moderation",
        sql: include_str!("../migrations/sqlite/0009_moderation.sql"),
    },
    Migration {
        version: 10,
        name: "notifications",
        sql: include_str!("../migrations/sqlite/0010_notifications.sql"),
    },
    Migration {
        version: 11,
        name: "rate_limits",
        sql: include_str!("../migrations/sqlite/0011_rate_limits.sql"),
    },
    Migration {
        version: 12,
        name: "notify_lang",
        sql: include_str!("../migrations/sqlite/0012_notify_lang.sql"),
    },
];

/// Kept in step with [`SQLITE`]: the same versions and names, PostgreSQL types.
pub(crate) const POSTGRES: &[Migration] = &[
    Migration {
        version: 1,
        name: "core_loop",
        sql: include_str!("../migrations/postgres/0001_core_loop.sql"),
    },
    Migration {
        version: 2,
        name: "embeddings",
        sql: include_str!("../migrations/postgres/0002_embeddings.sql"),
    },
    Migration {
        version: 3,
        name: "triage",
        sql: include_str!("../migrations/postgres/0003_triage.sql"),
    },
    Migration {
        version: 4,
        name: "evidence",
        sql: include_str!("../migrations/postgres/0004_evidence.sql"),
    },
    Migration {
        version: 5,
        name: "helped",
        sql: include_str!("../migrations/postgres/0005_helped.sql"),
    },
    Migration {
        version: 6,
        name: "revisions",
        sql: include_str!("../migrations/postgres/0006_revisions.sql"),
    },
    Migration {
        version: 7,
        name: "dispute_status",
        sql: include_str!("../migrations/postgres/0007_dispute_status.sql"),
    },
    Migration {
        version: 8,
        name: "experts",
        sql: include_str!("../migrations/postgres/0008_experts.sql"),
    },
    Migration {
        version: 9,
        name: "moderation",
        sql: include_str!("../migrations/postgres/0009_moderation.sql"),
    },
    Migration {
        version: 10,
        name: "notifications",
        sql: include_str!("../migrations/postgres/0010_notifications.sql"),
    },
    Migration {
        version: 11,
        name: "rate_limits",
        sql: include_str!("../migrations/postgres/0011_rate_limits.sql"),
    },
    Migration {
        version: 12,
        name: "notify_lang",
        sql: include_str!("../migrations/postgres/0012_notify_lang.sql"),
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_backends_have_the_same_migrations() {
        let names = |list: &[Migration]| -> Vec<(i64, &str)> {
            list.iter().map(|m| (m.version, m.name)).collect()
        };
        assert_eq!(names(SQLITE), names(POSTGRES));
        for (i, m) in SQLITE.iter().enumerate() {
            assert_eq!(m.version, i as i64 + 1, "versions are 1, 2, 3…");
        }
    }
}
