-- ZhijiangLive durable store for PostgreSQL, schema version 2: the query table of Orleans' ADO.NET providers.
--
-- Implementation notes:
--  1. Orleans' ADO.NET providers (grain storage, clustering) run no SQL of their own: at start-up each reads
--     "SELECT QueryKey, QueryText FROM OrleansQuery" and from then on executes only the texts it found under
--     its keys, binding its parameters by name (@ServiceId, @Version, ...) and reading result columns by name.
--     Files 003 and 004 fill this table with our implementations of those keys.
--  2. The table and column names are therefore fixed by the providers; unquoted, PostgreSQL folds them to
--     orleansquery(querykey, querytext), which is what the providers' unquoted SELECT finds.
--  3. A query text may be replaced by a later schema file (UPDATE ... WHERE querykey = ...); a provider picks
--     the change up when its silo next starts.

CREATE TABLE orleansquery (
    querykey  text PRIMARY KEY,
    querytext text NOT NULL
);
