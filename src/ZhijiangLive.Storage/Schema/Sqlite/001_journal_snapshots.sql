-- ZhijiangLive durable store for SQLite (the embedded default), schema version 1.
--
-- Implementation notes:
--  1. The same tables as the PostgreSQL schema, for the same reasons (see its notes); positions are
--     INTEGER PRIMARY KEY, SQLite's rowid, so the journal is stored in position order.
--  2. The connection runs in WAL mode with synchronous=FULL: a commit is synced to the WAL file before
--     the silo acknowledges, so an acknowledged event survives a killed process and a power cut.
--  3. Times are UTC ticks (100 ns) as INTEGER; payloads and states are BLOBs.

CREATE TABLE IF NOT EXISTS journal (
    position       INTEGER PRIMARY KEY,
    kind           INTEGER NOT NULL,
    event_id       TEXT,
    occurred_ticks INTEGER NOT NULL,
    accepted_ticks INTEGER NOT NULL,
    payload        BLOB    NOT NULL
);

CREATE TABLE IF NOT EXISTS snapshots (
    grain_kind TEXT    NOT NULL,
    grain_key  TEXT    NOT NULL,
    version    INTEGER NOT NULL,
    position   INTEGER NOT NULL,
    state      BLOB    NOT NULL,
    PRIMARY KEY (grain_kind, grain_key)
);

CREATE TABLE IF NOT EXISTS watermark (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    position INTEGER NOT NULL
);
