-- ZhijiangLive durable store for PostgreSQL, schema version 1.
--
-- Implementation notes:
--  1. journal holds every event the silo accepted and every roster upsert, in acceptance order. The silo
--     appends a batch in one transaction (binary COPY) and acknowledges the batch only after COMMIT with
--     synchronous_commit on, so an acknowledged event is on disk. position is given by the one writer,
--     gap-free; it is the primary key because replay and pruning both walk the journal by position.
--  2. Times are UTC ticks (100 ns) in bigint, not timestamptz: replay must hand the scoring engine the very
--     instant it saw, and timestamptz keeps microseconds only.
--  3. There is deliberately no index on event_id: duplicates are refused before the append, from an in-memory
--     window that a restart rebuilds from this table (ReadEventIdsAsync scans it once). A unique index would
--     cost every append an index insert of a text key for a check that the window already made.
--  4. snapshots keeps one row per grain, the newest version only. The upsert's WHERE refuses an older version,
--     so a slow background writer can never put back a state that a newer one replaced.
--  5. watermark is the journal position that every grain's snapshot includes. Replay starts after it; the
--     journal at or below it (and older than the duplicates window) may be pruned.
--  6. schema_version records which of these files were applied; each file is applied once, in a transaction,
--     under an advisory lock so that two silos starting together do not race.

CREATE TABLE IF NOT EXISTS journal (
    position       bigint   PRIMARY KEY,
    kind           smallint NOT NULL,
    event_id       text,
    occurred_ticks bigint   NOT NULL,
    accepted_ticks bigint   NOT NULL,
    payload        bytea    NOT NULL
);

CREATE TABLE IF NOT EXISTS snapshots (
    grain_kind text   NOT NULL,
    grain_key  text   NOT NULL,
    version    bigint NOT NULL,
    position   bigint NOT NULL,
    state      bytea  NOT NULL,
    PRIMARY KEY (grain_kind, grain_key)
);

CREATE TABLE IF NOT EXISTS watermark (
    id       smallint PRIMARY KEY CHECK (id = 1),
    position bigint   NOT NULL
);
