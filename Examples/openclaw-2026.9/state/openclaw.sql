-- state/openclaw.sqlite: shared control-plane state (state schema 6).
PRAGMA user_version = 6;
CREATE TABLE schema_meta (meta_key TEXT PRIMARY KEY, role TEXT NOT NULL, agent_id TEXT, schema_version INTEGER NOT NULL, app_version TEXT NOT NULL);
INSERT INTO schema_meta VALUES ('primary', 'state', NULL, 6, '2026.9.2');
CREATE TABLE exec_approvals (id INTEGER PRIMARY KEY, agent_id TEXT, pattern TEXT, created_at INTEGER);
INSERT INTO exec_approvals (agent_id, pattern, created_at) VALUES ('main', 'git status', 1788000000000);
CREATE TABLE mcp_oauth_stores (server_id TEXT PRIMARY KEY, store_json TEXT NOT NULL) WITHOUT ROWID;
INSERT INTO mcp_oauth_stores VALUES ('linear', '{"tokenType":"Bearer","expiresAt":1788003600000}');
