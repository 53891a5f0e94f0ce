-- agents/work/agent/openclaw-agent.sqlite: a second agent (agent schema 9).
PRAGMA user_version = 9;
CREATE TABLE schema_meta (meta_key TEXT PRIMARY KEY, role TEXT NOT NULL, agent_id TEXT, schema_version INTEGER NOT NULL, app_version TEXT NOT NULL);
INSERT INTO schema_meta VALUES ('primary', 'agent', 'work', 9, '2026.9.1');
CREATE TABLE sessions (session_id TEXT PRIMARY KEY, session_key TEXT, updated_at INTEGER);
INSERT INTO sessions VALUES ('s-2026-08-30', 'agent:work:slack:channel:C1', 1787900000000);
