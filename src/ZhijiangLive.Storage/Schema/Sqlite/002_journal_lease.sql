-- ZhijiangLive durable store for SQLite, schema version 2: the journal's lease.
--
-- Implementation notes:
--  1. As in the PostgreSQL schema (005): a writer takes the journal by raising epoch, and every append checks the
--     epoch in its own transaction. SQLite's write transactions are serial (BEGIN IMMEDIATE), so a take and an
--     append never interleave. What this guards against here is a second silo process started on the same file:
--     the newer one takes the journal, and the older one's next append fails rather than colliding on positions.

CREATE TABLE IF NOT EXISTS journal_lease (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    epoch       INTEGER NOT NULL,
    owner       TEXT    NOT NULL,
    taken_ticks INTEGER NOT NULL
);
