#!/usr/bin/env python3
"""Generates a state dir of realistic OpenClaw session transcripts (JSONL) with planted
secrets and planted placeholders, and a manifest of where each one is.

usage: generate.py OUT_DIR [--size-mb 1024] [--secrets 300] [--placeholders 200] [--seed 9]

OUT_DIR/state/openclaw.json, OUT_DIR/state/agents/<agent>/sessions/*.jsonl, and
OUT_DIR/manifest.json: [{file, line, kind, value, planted: "secret"|"placeholder"}].
Every planted secret is built from the provider's documented format with random
characters: none is a real key. Each planted item sits alone on its line, so a tool's
report is matched to the manifest by file and line.
"""
import argparse, base64, json, os, random, string

ALNUM = string.ascii_letters + string.digits
B64URL = ALNUM + "-_"
B32 = string.ascii_uppercase + "234567"
HEX = "0123456789abcdef"


def rand(rng, alphabet, n):
    return "".join(rng.choice(alphabet) for _ in range(n))


# ---------------------------------------------------------------- planted secrets
def openai_key(rng):
    kind = rng.choice(["proj", "proj", "svcacct", "admin", "legacy"])
    if kind == "legacy":
        return "sk-" + rand(rng, ALNUM, 20) + "T3BlbkFJ" + rand(rng, ALNUM, 20)
    return f"sk-{kind}-" + rand(rng, B64URL, 74) + "T3BlbkFJ" + rand(rng, B64URL, 74)


def anthropic_key(rng):
    kind = rng.choice(["api03", "api03", "admin01", "oat01", "ort01"])
    return f"sk-ant-{kind}-" + rand(rng, B64URL, 93) + "AA"


def slack_token(rng):
    kind = rng.choice(["xoxb", "xoxp", "xapp"])
    if kind == "xoxb":
        return f"xoxb-{rand(rng, string.digits, 12)}-{rand(rng, string.digits, 13)}-{rand(rng, ALNUM, 24)}"
    if kind == "xoxp":
        return f"xoxp-{rand(rng, string.digits, 12)}-{rand(rng, string.digits, 12)}-{rand(rng, string.digits, 13)}-{rand(rng, HEX, 32)}"
    return f"xapp-1-A{rand(rng, string.ascii_uppercase + string.digits, 10)}-{rand(rng, string.digits, 13)}-{rand(rng, HEX, 64)}"


def telegram_token(rng):
    return f"{rng.randint(10**7, 8 * 10**9)}:AA{rand(rng, B64URL, 33)}"


def discord_token(rng):
    snowflake = str(rng.randint(10**17, 2 * 10**18))
    first = base64.b64encode(snowflake.encode()).decode().rstrip("=")
    return f"{first}.{rand(rng, B64URL, 6)}.{rand(rng, B64URL, rng.choice([27, 38]))}"


def github_token(rng):
    kind = rng.choice(["ghp", "ghp", "gho", "ghu", "ghs", "ghr", "pat"])
    if kind == "pat":
        return f"github_pat_{rand(rng, ALNUM, 22)}_{rand(rng, ALNUM, 59)}"
    return f"{kind}_{rand(rng, ALNUM, 36)}"


def aws_key(rng):
    return rng.choice(["AKIA", "AKIA", "ASIA"]) + rand(rng, B32, 16)


def google_key(rng):
    return "AIza" + rand(rng, B64URL, 35)


def private_key(rng):
    kind = rng.choice(["RSA ", "EC ", "OPENSSH ", ""])
    body = base64.b64encode(bytes(rng.getrandbits(8) for _ in range(rng.choice([120, 400])))).decode()
    lines = [body[i:i + 64] for i in range(0, len(body), 64)]
    return f"-----BEGIN {kind}PRIVATE KEY-----\n" + "\n".join(lines) + f"\n-----END {kind}PRIVATE KEY-----"


def generic_secret(rng):
    value = rng.choice([
        lambda: rand(rng, ALNUM + "!#%+", rng.randint(14, 24)),
        lambda: rand(rng, HEX, 32),
        lambda: rand(rng, ALNUM, 40),
    ])()
    return value


PROVIDERS = [
    ("openai", openai_key, "OPENAI_API_KEY"),
    ("anthropic", anthropic_key, "ANTHROPIC_API_KEY"),
    ("slack", slack_token, "SLACK_BOT_TOKEN"),
    ("telegram", telegram_token, "TELEGRAM_BOT_TOKEN"),
    ("discord", discord_token, "DISCORD_BOT_TOKEN"),
    ("github", github_token, "GITHUB_TOKEN"),
    ("aws", aws_key, "AWS_ACCESS_KEY_ID"),
    ("google", google_key, "GOOGLE_API_KEY"),
    ("private-key", private_key, None),
    ("generic", generic_secret, None),
]

GENERIC_NAMES = ["DB_PASSWORD", "POSTGRES_PASSWORD", "client_secret", "webhookSecret", "SECRET_KEY",
                 "jwt_secret", "REDIS_PASSWORD", "api_key", "SMTP_PASSWORD", "signingSecret"]


def planted_secret_text(rng, kind, make, env_name):
    """(message text holding the secret on one line, the secret)."""
    value = make(rng)
    if kind == "private-key":
        return rng.choice([
            f"Here is the deploy key you asked for:\n{value}",
            f"$ cat ~/.ssh/id_deploy\n{value}\n",
        ]), value
    if kind == "generic":
        name = rng.choice(GENERIC_NAMES)
        return rng.choice([
            f"$ cat .env\nNODE_ENV=production\n{name}={value}\nPORT=8080\n",
            f'config loaded: {{"host": "db.internal", "{name}": "{value}", "port": 5432}}',
            f"export {name}='{value}'",
            f"  {name}: \"{value}\"\n  timeout: 30",
        ]), value
    return rng.choice([
        f"$ cat .env\nNODE_ENV=production\n{env_name}={value}\nLOG_LEVEL=info\n",
        f"Sure, I set it: {value}",
        f"curl -s https://api.example.net/v1/check -H 'Authorization: Bearer {value}'",
        f'{{"{env_name.lower()}": "{value}", "enabled": true}}',
        f"my token is {value} please keep it",
    ]), value


PLACEHOLDERS = [
    ("openai", "OPENAI_API_KEY=sk-proj-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"),
    ("openai", "OPENAI_API_KEY=sk-your-api-key-here"),
    ("openai", "export OPENAI_API_KEY=sk-proj-XXXXXXXXXXXXXXXXXXXXT3BlbkFJXXXXXXXXXXXXXXXXXXXX"),
    ("openai", 'apiKey: "${OPENAI_API_KEY}"'),
    ("anthropic", "ANTHROPIC_API_KEY=sk-ant-api03-EXAMPLE-EXAMPLE-EXAMPLE-EXAMPLE-EXAMPLE-EXAMPLE"),
    ("anthropic", "ANTHROPIC_API_KEY=sk-ant-api03-...your key..."),
    ("aws", "aws_access_key_id = AKIAIOSFODNN7EXAMPLE"),
    ("aws", "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
    ("github", "GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"),
    ("github", "GITHUB_TOKEN=ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"),
    ("github", "token: github_pat_XXXXXXXXXXXXXXXXXXXXXX_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"),
    ("slack", "SLACK_BOT_TOKEN=xoxb-your-bot-token"),
    ("slack", "SLACK_BOT_TOKEN=xoxb-0000000000-0000000000-xxxxxxxxxxxxxxxxxxxxxxxx"),
    ("slack", "SLACK_APP_TOKEN=xapp-1-XXXXXXXXXXX-0000000000000-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"),
    ("telegram", "TELEGRAM_BOT_TOKEN=123456789:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
    ("telegram", "botToken: 123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11"),
    ("google", "GOOGLE_API_KEY=AIzaSyXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"),
    ("discord", "DISCORD_BOT_TOKEN=MTAxMDEwMTAxMDEwMTAxMDEw.XXXXXX.xxxxxxxxxxxxxxxxxxxxxxxxxxx"),
    ("private-key", "-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----"),
    ("private-key", "-----BEGIN RSA PRIVATE KEY-----\n<your key here>\n-----END RSA PRIVATE KEY-----"),
    ("generic", "DB_PASSWORD=changeme"),
    ("generic", "password: \"<your-password>\""),
    ("generic", "SECRET_KEY=${SECRET_KEY}"),
    ("generic", "client_secret=********************"),
    ("generic", "api_key: REPLACE_ME_WITH_YOUR_KEY"),
    ("generic", "token = \"your-token-here\""),
    ("generic", "webhookSecret: aaaaaaaaaaaaaaaaaaaa"),
    ("generic", "JWT_SECRET=dummy-secret-for-tests"),
]


# ---------------------------------------------------------------- ordinary content
WORDS = ("the a to of and in is it that for on with as this be are was you at by not or from have "
         "file run test build config agent session tool output error warning value key token secret "
         "password update install check fix deploy server client request response user message task "
         "desk risk make like take through right night github google slack discord telegram example "
         "function return const let var import export class struct public private static async await").split()
CODE = [
    "const apiKey = process.env.OPENAI_API_KEY;",
    "let token = await getToken(session);",
    "if (!config.gateway?.auth?.token) throw new Error('missing token');",
    "password: process.env.DB_PASSWORD ?? '',",
    "def read_secret(path):\n    with open(path) as f:\n        return f.read().strip()",
    "func validate(key: String) -> Bool { key.count >= 32 }",
    "maxTokens: 4096, temperature: 0.2,",
    "sessionKey: \"agent:main:main\",",
    "headers['Authorization'] = `Bearer ${token}`",
    "const secretName = 'prod/db/password';",
    "key = cache_key(user_id, scope)",
    "export TOKEN_TTL_SECONDS=3600",
    "tokenizer = AutoTokenizer.from_pretrained(model_id)",
    "if let task = queue.first { desk-task-runner(task) }",
    "SELECT id, name, created_at FROM users WHERE id = $1;",
    "npm WARN deprecated inflight@1.0.6: This module is not supported",
]
LOG = [
    "2026-03-{d:02d}T10:{m:02d}:11.123Z INFO gateway listening on ws://127.0.0.1:18789",
    "2026-03-{d:02d}T10:{m:02d}:12.004Z WARN retrying request {u} (attempt 2)",
    "2026-03-{d:02d}T10:{m:02d}:13.870Z DEBUG cache hit key={h}",
    "commit {h}\nAuthor: Dev <dev@example.org>\nDate:   Mon Mar {d} 10:{m:02d}:00 2026\n\n    Fix token refresh",
    "drwxr-xr-x  5 user staff   160 Mar {d} 10:{m:02d} src\n-rw-r--r--  1 user staff  2048 Mar {d} 10:{m:02d} package.json",
    "GET https://api.github.com/repos/openclaw/openclaw/pulls?page={d} 200 {m}ms",
    "sha256:{h}{h}",
]


def uuid(rng):
    h = rand(rng, HEX, 32)
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def prose(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def tool_output(rng):
    parts = []
    for _ in range(rng.randint(3, 30)):
        r = rng.random()
        if r < 0.4:
            parts.append(rng.choice(CODE))
        elif r < 0.8:
            parts.append(rng.choice(LOG).format(d=rng.randint(1, 28), m=rng.randint(0, 59), u=uuid(rng), h=rand(rng, HEX, 40)))
        else:
            parts.append(prose(rng, rng.randint(5, 25)))
    if rng.random() < 0.03:
        parts.append("data:image/png;base64," + base64.b64encode(bytes(rng.getrandbits(8) for _ in range(rng.randint(2000, 30000)))).decode())
    return "\n".join(parts)


class Transcript:
    def __init__(self, rng):
        self.rng = rng
        self.parent = None

    def envelope(self, message):
        rng = self.rng
        mid = rand(rng, HEX, 8)
        line = {"type": "message", "id": mid, "parentId": self.parent,
                "timestamp": f"2026-03-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}.{rng.randint(0, 999):03d}Z",
                "message": message}
        self.parent = mid
        return json.dumps(line, separators=(",", ":"))

    def header(self):
        return json.dumps({"type": "session", "version": 7, "id": uuid(self.rng),
                           "timestamp": "2026-03-01T09:00:00.000Z", "cwd": "/home/dev/project"}, separators=(",", ":"))

    def user(self, text):
        return self.envelope({"role": "user", "content": [{"type": "text", "text": text}], "timestamp": self.rng.randint(1.7e12, 1.8e12)})

    def assistant(self, text, tool=None):
        rng = self.rng
        content = []
        if rng.random() < 0.3:
            content.append({"type": "thinking", "thinking": prose(rng, rng.randint(20, 120)),
                            "thinkingSignature": base64.b64encode(bytes(rng.getrandbits(8) for _ in range(96))).decode()})
        if text:
            content.append({"type": "text", "text": text})
        if tool:
            content.append({"type": "toolCall", "id": "call_" + rand(rng, ALNUM, 24), "name": "exec", "arguments": {"command": tool}})
        i, o = rng.randint(100, 90000), rng.randint(10, 4000)
        return self.envelope({"role": "assistant", "content": content, "api": "openai-responses", "provider": "openai",
                              "model": "gpt-5.2", "usage": {"input": i, "output": o, "cacheRead": 0, "cacheWrite": 0,
                                                           "totalTokens": i + o, "cost": {"input": 0.001, "output": 0.002, "total": 0.003}},
                              "stopReason": "toolUse" if tool else "stop", "timestamp": rng.randint(1.7e12, 1.8e12)})

    def tool_result(self, text):
        rng = self.rng
        return self.envelope({"role": "toolResult", "toolCallId": "call_" + rand(rng, ALNUM, 24), "toolName": "exec",
                              "content": [{"type": "text", "text": text}], "isError": False, "timestamp": rng.randint(1.7e12, 1.8e12)})

    def ordinary(self):
        rng = self.rng
        r = rng.random()
        if r < 0.2:
            return self.user(prose(rng, rng.randint(5, 60)))
        if r < 0.5:
            return self.assistant(prose(rng, rng.randint(10, 200)), tool=rng.choice(["ls -la", "git log -3", "npm test", "cat src/index.ts", None]))
        return self.tool_result(tool_output(rng))

    def planted(self, text):
        r = self.rng.random()
        if r < 0.5:
            return self.tool_result(text)
        if r < 0.8:
            return self.user(text)
        return self.assistant(text)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--size-mb", type=int, default=1024)
    ap.add_argument("--secrets", type=int, default=300)
    ap.add_argument("--placeholders", type=int, default=200)
    ap.add_argument("--seed", type=int, default=9)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    state = os.path.join(a.out, "state")
    os.makedirs(state, mode=0o700, exist_ok=True)
    agents = [f"agent{i:02d}" for i in range(8)]
    with open(os.path.join(state, "openclaw.json"), "w") as f:
        f.write('{ agents: { list: [' + ", ".join(f'{{ id: "{i}" }}' for i in agents) + '] } }\n')
    os.chmod(os.path.join(state, "openclaw.json"), 0o600)

    total = a.size_mb * 1024 * 1024
    # File sizes: mostly small and medium sessions, a few long ones, one very long one
    # (a single file larger than a scan unit, so one file is split across workers).
    sizes = []
    remaining = total - min(total // 8, 128 * 1024 * 1024)
    sizes.append(total - remaining)
    while remaining > 0:
        size = int(min(remaining, rng.lognormvariate(14.2, 1.3)))
        size = max(size, min(remaining, 20000))
        sizes.append(size)
        remaining -= size
    rng.shuffle(sizes)

    # Planted items are spread by byte position over the whole corpus.
    plants = [("secret", i) for i in range(a.secrets)] + [("placeholder", i) for i in range(a.placeholders)]
    positions = sorted((rng.randrange(total), p) for p in plants)
    manifest = []
    written = 0
    next_plant = 0
    for index, size in enumerate(sizes):
        agent = agents[index % len(agents)]
        sessions = os.path.join(state, "agents", agent, "sessions")
        os.makedirs(sessions, exist_ok=True)
        rel = os.path.join("agents", agent, "sessions", f"{uuid(rng)}.jsonl")
        t = Transcript(rng)
        end = written + size
        lines = [t.header()]
        file_bytes = len(lines[0]) + 1
        while file_bytes < size:
            while next_plant < len(positions) and positions[next_plant][0] < written + file_bytes:
                what, _ = positions[next_plant][1]
                next_plant += 1
                if what == "secret":
                    kind, make, env_name = rng.choice(PROVIDERS)
                    text, value = planted_secret_text(rng, kind, make, env_name)
                else:
                    kind, text = rng.choice(PLACEHOLDERS)
                    value = text
                line = t.planted(text)
                lines.append(line)
                file_bytes += len(line) + 1
                manifest.append({"file": rel, "line": len(lines), "kind": kind, "value": value, "planted": what})
            line = t.ordinary()
            lines.append(line)
            file_bytes += len(line) + 1
        with open(os.path.join(state, rel), "w") as f:
            f.write("\n".join(lines) + "\n")
        os.chmod(os.path.join(state, rel), 0o600)
        written = end
    with open(os.path.join(a.out, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=0)
    print(f"{len(sizes)} transcripts, {written / 2**20:.0f} MiB, {sum(m['planted'] == 'secret' for m in manifest)} secrets, "
          f"{sum(m['planted'] == 'placeholder' for m in manifest)} placeholders -> {a.out}")


if __name__ == "__main__":
    main()
