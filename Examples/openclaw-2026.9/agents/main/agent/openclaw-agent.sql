-- agents/main/agent/openclaw-agent.sqlite: the main agent (agent schema 9).
PRAGMA user_version = 9;
CREATE TABLE schema_meta (meta_key TEXT PRIMARY KEY, role TEXT NOT NULL, agent_id TEXT, schema_version INTEGER NOT NULL, app_version TEXT NOT NULL);
INSERT INTO schema_meta VALUES ('primary', 'agent', 'main', 9, '2026.9.2');
CREATE TABLE auth_profile_store (store_key TEXT PRIMARY KEY, store_json TEXT NOT NULL);
INSERT INTO auth_profile_store VALUES ('primary', '{"version":1,"profiles":{}}');
CREATE TABLE sessions (session_id TEXT PRIMARY KEY, session_key TEXT, updated_at INTEGER);
INSERT INTO sessions VALUES ('s-2026-09-01', 'agent:main:telegram:dm:42', 1788000000000);
CREATE TABLE transcript_events (session_id TEXT NOT NULL, seq INTEGER NOT NULL, event_json TEXT NOT NULL, PRIMARY KEY (session_id, seq));
INSERT INTO transcript_events VALUES ('s-2026-09-01', 1, '{"type":"message","message":{"role":"user","content":"what is in .env?"}}');
-- only in the write-ahead log (the gateway has not checkpointed it yet):
INSERT INTO transcript_events VALUES ('s-2026-09-01', 2, '{"type":"message","message":{"role":"toolResult","content":"$ cat .env\nGITHUB_TOKEN={{GITHUB_TOKEN}}\n"}}');
