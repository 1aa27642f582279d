-- ZhijiangLive durable store for PostgreSQL, schema version 4: Orleans cluster membership (AdoNet clustering).
--
-- Implementation notes:
--  1. Orleans keeps its own membership protocol; the table is only its shared, versioned notice board. One
--     orleans_membership_version row per cluster (the provider calls the cluster id DeploymentId) carries the
--     table version, which is the ETag of every membership change; one orleans_membership row per silo
--     incarnation (address, port, generation) carries its status, its heartbeat and the votes against it.
--  2. A membership change (a silo joining, a status change, a suspicion vote) succeeds only if the caller saw
--     the current table version. Insert and update therefore bump the version row first, conditioned on the
--     version the caller sent, and touch the silo row only through the bumped row's RETURNING: both happen
--     in one statement or neither does. Concurrent writers serialize on the version row's lock; the second one
--     re-checks the version, finds it moved, and its statement changes nothing and answers false.
--  3. The change queries answer a single boolean column (the provider converts column 0 and expects exactly
--     one column). Reads answer at least one row: the version row, LEFT JOINed to the silo rows, so that an
--     empty cluster still tells its version; a row without start_time means "no silo".
--  4. Heartbeats (UpdateIAmAlivetimeKey) are unversioned, and neither they nor an update may move a heartbeat
--     backwards (greatest), so a delayed write cannot make a live silo look stale.
--  5. Times are timestamptz: the provider binds UTC DateTimes, which Npgsql sends as timestamptz, and reads
--     them back as UTC. The per-row cleanup matches start_time and i_am_alive_time exactly as it read them.
--  6. Status is Orleans' SiloStatus as an integer: 3 is Active, 6 is Dead. Only Dead rows are ever deleted,
--     apart from DeleteMembershipTableEntriesKey, which removes a whole cluster (the silo rows by cascade).
--  7. suspect_times is the provider's own text ("silo,time|silo,time"); it is stored and returned unread.

CREATE TABLE orleans_membership_version (
    deployment_id text        PRIMARY KEY,
    version       integer     NOT NULL DEFAULT 0,
    changed_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE orleans_membership (
    deployment_id   text        NOT NULL REFERENCES orleans_membership_version (deployment_id) ON DELETE CASCADE,
    address         text        NOT NULL,
    port            integer     NOT NULL,
    generation      integer     NOT NULL,
    silo_name       text        NOT NULL,
    host_name       text        NOT NULL,
    status          integer     NOT NULL,
    proxy_port      integer     NOT NULL DEFAULT 0,
    suspect_times   text,
    start_time      timestamptz NOT NULL,
    i_am_alive_time timestamptz NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);

INSERT INTO orleansquery (querykey, querytext) VALUES ('InsertMembershipVersionKey', $query$
    WITH inserted AS (
        INSERT INTO orleans_membership_version (deployment_id)
        VALUES (CAST(@DeploymentId AS text))
        ON CONFLICT (deployment_id) DO NOTHING
        RETURNING 1
    )
    SELECT count(*) > 0 FROM inserted
$query$);

INSERT INTO orleansquery (querykey, querytext) VALUES ('InsertMembershipKey', $query$
    WITH args AS (
        SELECT CAST(@DeploymentId AS text) AS deployment_id,
               CAST(@Address AS text) AS address,
               CAST(@Port AS integer) AS port,
               CAST(@Generation AS integer) AS generation,
               CAST(@SiloName AS text) AS silo_name,
               CAST(@HostName AS text) AS host_name,
               CAST(@Status AS integer) AS status,
               CAST(@ProxyPort AS integer) AS proxy_port,
               CAST(@StartTime AS timestamptz) AS start_time,
               CAST(@IAmAliveTime AS timestamptz) AS i_am_alive_time,
               CAST(@Version AS integer) AS expected
    ),
    bumped AS (
        UPDATE orleans_membership_version v
        SET version = v.version + 1, changed_at = now()
        FROM args a
        WHERE v.deployment_id = a.deployment_id AND v.version = a.expected
          AND NOT EXISTS (
              SELECT 1 FROM orleans_membership m
              WHERE m.deployment_id = a.deployment_id AND m.address = a.address
                AND m.port = a.port AND m.generation = a.generation)
        RETURNING v.deployment_id
    ),
    inserted AS (
        INSERT INTO orleans_membership
            (deployment_id, address, port, generation, silo_name, host_name, status, proxy_port, start_time, i_am_alive_time)
        SELECT a.deployment_id, a.address, a.port, a.generation, a.silo_name, a.host_name, a.status, a.proxy_port, a.start_time, a.i_am_alive_time
        FROM args a JOIN bumped b ON b.deployment_id = a.deployment_id
        RETURNING 1
    )
    SELECT count(*) > 0 FROM inserted
$query$);

INSERT INTO orleansquery (querykey, querytext) VALUES ('UpdateMembershipKey', $query$
    WITH args AS (
        SELECT CAST(@DeploymentId AS text) AS deployment_id,
               CAST(@Address AS text) AS address,
               CAST(@Port AS integer) AS port,
               CAST(@Generation AS integer) AS generation,
               CAST(@Status AS integer) AS status,
               CAST(@SuspectTimes AS text) AS suspect_times,
               CAST(@IAmAliveTime AS timestamptz) AS i_am_alive_time,
               CAST(@Version AS integer) AS expected
    ),
    bumped AS (
        UPDATE orleans_membership_version v
        SET version = v.version + 1, changed_at = now()
        FROM args a
        WHERE v.deployment_id = a.deployment_id AND v.version = a.expected
          AND EXISTS (
              SELECT 1 FROM orleans_membership m
              WHERE m.deployment_id = a.deployment_id AND m.address = a.address
                AND m.port = a.port AND m.generation = a.generation)
        RETURNING v.deployment_id
    ),
    updated AS (
        UPDATE orleans_membership m
        SET status = a.status, suspect_times = a.suspect_times,
            i_am_alive_time = greatest(m.i_am_alive_time, a.i_am_alive_time)
        FROM args a JOIN bumped b ON b.deployment_id = a.deployment_id
        WHERE m.deployment_id = a.deployment_id AND m.address = a.address
          AND m.port = a.port AND m.generation = a.generation
        RETURNING 1
    )
    SELECT count(*) > 0 FROM updated
$query$);

INSERT INTO orleansquery (querykey, querytext) VALUES ('UpdateIAmAlivetimeKey', $query$
    UPDATE orleans_membership
    SET i_am_alive_time = greatest(i_am_alive_time, CAST(@IAmAliveTime AS timestamptz))
    WHERE deployment_id = CAST(@DeploymentId AS text) AND address = CAST(@Address AS text)
      AND port = CAST(@Port AS integer) AND generation = CAST(@Generation AS integer)
$query$);

INSERT INTO orleansquery (querykey, querytext) VALUES ('MembershipReadRowKey', $query$
    SELECT v.deployment_id AS DeploymentId, m.address AS Address, m.port AS Port, m.generation AS Generation,
           m.silo_name AS SiloName, m.host_name AS HostName, m.status AS Status, m.proxy_port AS ProxyPort,
           m.suspect_times AS SuspectTimes, m.start_time AS StartTime, m.i_am_alive_time AS IAmAliveTime,
           v.version AS Version
    FROM orleans_membership_version v
    LEFT JOIN orleans_membership m
           ON m.deployment_id = v.deployment_id AND m.address = CAST(@Address AS text)
          AND m.port = CAST(@Port AS integer) AND m.generation = CAST(@Generation AS integer)
    WHERE v.deployment_id = CAST(@DeploymentId AS text)
$query$);

INSERT INTO orleansquery (querykey, querytext) VALUES ('MembershipReadAllKey', $query$
    SELECT v.deployment_id AS DeploymentId, m.address AS Address, m.port AS Port, m.generation AS Generation,
           m.silo_name AS SiloName, m.host_name AS HostName, m.status AS Status, m.proxy_port AS ProxyPort,
           m.suspect_times AS SuspectTimes, m.start_time AS StartTime, m.i_am_alive_time AS IAmAliveTime,
           v.version AS Version
    FROM orleans_membership_version v
    LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id
    WHERE v.deployment_id = CAST(@DeploymentId AS text)
$query$);

INSERT INTO orleansquery (querykey, querytext) VALUES ('GatewaysQueryKey', $query$
    SELECT address AS Address, proxy_port AS ProxyPort, generation AS Generation
    FROM orleans_membership
    WHERE deployment_id = CAST(@DeploymentId AS text) AND status = CAST(@Status AS integer) AND proxy_port > 0
$query$);

INSERT INTO orleansquery (querykey, querytext) VALUES ('DeleteMembershipTableEntriesKey', $query$
    DELETE FROM orleans_membership_version WHERE deployment_id = CAST(@DeploymentId AS text)
$query$);

-- Dead silos whose every sign of life (start, last heartbeat) is older than the cut-off the provider sends.
INSERT INTO orleansquery (querykey, querytext) VALUES ('CleanupDefunctSiloEntriesKey', $query$
    DELETE FROM orleans_membership
    WHERE deployment_id = CAST(@DeploymentId AS text) AND status = 6
      AND i_am_alive_time < CAST(@IAmAliveTime AS timestamptz) AND start_time < CAST(@IAmAliveTime AS timestamptz)
$query$);

-- One dead silo, only if its row is still exactly as the provider read it when it chose to remove it.
INSERT INTO orleansquery (querykey, querytext) VALUES ('CleanupDefunctSiloEntryKey', $query$
    DELETE FROM orleans_membership
    WHERE deployment_id = CAST(@DeploymentId AS text) AND status = 6
      AND address = CAST(@Address AS text) AND port = CAST(@Port AS integer) AND generation = CAST(@Generation AS integer)
      AND start_time = CAST(@StartTime AS timestamptz) AND i_am_alive_time = CAST(@IAmAliveTime AS timestamptz)
      AND coalesce(suspect_times, '') = coalesce(CAST(@SuspectTimes AS text), '')
$query$);
