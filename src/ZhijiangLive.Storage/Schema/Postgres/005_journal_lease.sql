-- ZhijiangLive durable store for PostgreSQL, schema version 5: the journal's lease.
--
-- Implementation notes:
--  1. One writer appends to the journal at a time. A writer takes the journal by raising epoch (one row); every
--     append reads the row FOR SHARE in its own transaction and goes on only if the epoch is still the one it
--     took. A take is an UPDATE of that row, so it waits for appends in flight to commit, and every append after
--     it sees the new epoch: an old writer (a silo cut off from its cluster, or a second process started on the
--     same database) fails its next append instead of writing beside the new one.
--  2. owner and taken_ticks are for people: the refused writer's error names who took the journal and when.

CREATE TABLE IF NOT EXISTS journal_lease (
    id          smallint PRIMARY KEY CHECK (id = 1),
    epoch       bigint   NOT NULL,
    owner       text     NOT NULL,
    taken_ticks bigint   NOT NULL
);
