-- ZhijiangLive durable store for PostgreSQL, schema version 3: Orleans grain storage (AdoNetGrainStorage).
--
-- Implementation notes:
--  1. One row per grain state: the provider names a state by service id, grain type, and grain id (two 64-bit
--     halves n0/n1 plus an optional string extension; a string-keyed grain has n0 = n1 = 0 and its key as the
--     extension). It also sends two 32-bit hashes of the id and the type; they lead the primary key so that the
--     index is searched by two integers before the long strings are compared.
--  2. A grain id without extension is stored with '' rather than NULL so that the natural key can be a plain
--     primary key (and an ON CONFLICT target). Within one grain type ids all have the same shape, so '' and
--     "no extension" never name two different grains.
--  3. The ETag is version, a 32-bit integer (the provider parses the ETag with int.Parse). Every successful
--     write or clear returns version + 1 as NewGrainStateVersion. A failed one returns the version the caller
--     sent, or NULL when it sent none; the provider reads "unchanged" or "empty" as a conflict and throws
--     InconsistentStateException. Every write and clear therefore returns exactly one row, never zero: zero
--     rows would read as success with an empty ETag.
--  4. A write with an ETag updates only the row still at that version: two activations racing from the same
--     version serialize on the row lock, and the second one's re-checked WHERE finds the version moved.
--     A write without an ETag (the grain read nothing) inserts; ON CONFLICT makes a concurrent or earlier insert
--     of the same grain a conflict rather than a second row.
--  5. Clear keeps the row with payload NULL and the version advanced (a tombstone), so the versions of a grain
--     keep rising across clear and re-create, and a stale ETag from before the clear can never match again.
--     Read hides tombstones: a cleared grain reads as never written (default state, RecordExists false, no
--     ETag), the same as Orleans' memory storage, and its next write without an ETag revives the tombstone.
--  6. Every parameter is cast once in the args CTE: the provider binds NULL for an absent ETag or extension,
--     and an untyped NULL gives PostgreSQL nothing to infer a type from.

CREATE TABLE orleans_storage (
    grain_id_hash      integer     NOT NULL,
    grain_type_hash    integer     NOT NULL,
    service_id         text        NOT NULL,
    grain_type         text        NOT NULL,
    grain_id_n0        bigint      NOT NULL,
    grain_id_n1        bigint      NOT NULL,
    grain_id_extension text        NOT NULL,
    payload            bytea,
    version            integer     NOT NULL,
    modified_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (grain_id_hash, grain_type_hash, service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension)
);

INSERT INTO orleansquery (querykey, querytext) VALUES ('ReadFromStorageKey', $query$
    SELECT s.payload AS PayloadBinary, s.version AS Version
    FROM orleans_storage s
    WHERE s.grain_id_hash = CAST(@GrainIdHash AS integer)
      AND s.grain_type_hash = CAST(@GrainTypeHash AS integer)
      AND s.service_id = CAST(@ServiceId AS text)
      AND s.grain_type = CAST(@GrainTypeString AS text)
      AND s.grain_id_n0 = CAST(@GrainIdN0 AS bigint)
      AND s.grain_id_n1 = CAST(@GrainIdN1 AS bigint)
      AND s.grain_id_extension = coalesce(CAST(@GrainIdExtensionString AS text), '')
      AND s.payload IS NOT NULL
$query$);

INSERT INTO orleansquery (querykey, querytext) VALUES ('WriteToStorageKey', $query$
    WITH args AS (
        SELECT CAST(@GrainIdHash AS integer) AS grain_id_hash,
               CAST(@GrainTypeHash AS integer) AS grain_type_hash,
               CAST(@ServiceId AS text) AS service_id,
               CAST(@GrainTypeString AS text) AS grain_type,
               CAST(@GrainIdN0 AS bigint) AS grain_id_n0,
               CAST(@GrainIdN1 AS bigint) AS grain_id_n1,
               coalesce(CAST(@GrainIdExtensionString AS text), '') AS grain_id_extension,
               CAST(@GrainStateVersion AS integer) AS expected,
               CAST(@PayloadBinary AS bytea) AS payload
    ),
    updated AS (
        UPDATE orleans_storage s
        SET payload = a.payload, version = s.version + 1, modified_at = now()
        FROM args a
        WHERE a.expected IS NOT NULL
          AND s.grain_id_hash = a.grain_id_hash AND s.grain_type_hash = a.grain_type_hash
          AND s.service_id = a.service_id AND s.grain_type = a.grain_type
          AND s.grain_id_n0 = a.grain_id_n0 AND s.grain_id_n1 = a.grain_id_n1
          AND s.grain_id_extension = a.grain_id_extension
          AND s.version = a.expected
        RETURNING s.version
    ),
    inserted AS (
        INSERT INTO orleans_storage AS s
            (grain_id_hash, grain_type_hash, service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension, payload, version)
        SELECT a.grain_id_hash, a.grain_type_hash, a.service_id, a.grain_type, a.grain_id_n0, a.grain_id_n1, a.grain_id_extension, a.payload, 1
        FROM args a
        WHERE a.expected IS NULL
        ON CONFLICT (grain_id_hash, grain_type_hash, service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension)
        DO UPDATE SET payload = excluded.payload, version = s.version + 1, modified_at = now()
        WHERE s.payload IS NULL
        RETURNING s.version
    )
    SELECT coalesce((SELECT version FROM updated), (SELECT version FROM inserted), (SELECT expected FROM args)) AS NewGrainStateVersion
$query$);

INSERT INTO orleansquery (querykey, querytext) VALUES ('ClearStorageKey', $query$
    WITH args AS (
        SELECT CAST(@GrainIdHash AS integer) AS grain_id_hash,
               CAST(@GrainTypeHash AS integer) AS grain_type_hash,
               CAST(@ServiceId AS text) AS service_id,
               CAST(@GrainTypeString AS text) AS grain_type,
               CAST(@GrainIdN0 AS bigint) AS grain_id_n0,
               CAST(@GrainIdN1 AS bigint) AS grain_id_n1,
               coalesce(CAST(@GrainIdExtensionString AS text), '') AS grain_id_extension,
               CAST(@GrainStateVersion AS integer) AS expected
    ),
    cleared AS (
        UPDATE orleans_storage s
        SET payload = NULL, version = s.version + 1, modified_at = now()
        FROM args a
        WHERE s.grain_id_hash = a.grain_id_hash AND s.grain_type_hash = a.grain_type_hash
          AND s.service_id = a.service_id AND s.grain_type = a.grain_type
          AND s.grain_id_n0 = a.grain_id_n0 AND s.grain_id_n1 = a.grain_id_n1
          AND s.grain_id_extension = a.grain_id_extension
          AND s.version = a.expected
        RETURNING s.version
    )
    SELECT coalesce((SELECT version FROM cleared), (SELECT expected FROM args)) AS NewGrainStateVersion
$query$);
