#!/usr/bin/env python3
"""Checks the CI integrations this repository ships, as their hosts read them:
action.yml (a GitHub composite action) and .pre-commit-hooks.yaml (pre-commit hooks).
Every `${{ inputs.X }}` must name a declared input, every `run` step needs a `shell`,
the hook must have pre-commit's required keys and a language pre-commit knows, and
the hook's entry must run a subcommand the built binary offers (when --bin is given).

usage: scripts/check_integrations.py [--bin PATH_TO_openclaw-security]
"""
import argparse, os, re, subprocess, sys
import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PRE_COMMIT_LANGUAGES = {"conda", "coursier", "dart", "docker", "docker_image", "dotnet", "fail", "golang",
                        "haskell", "lua", "node", "perl", "python", "r", "ruby", "rust", "swift", "pygrep",
                        "script", "system"}


def check_action(problems):
    action = yaml.safe_load(open(os.path.join(ROOT, "action.yml")))
    for key in ("name", "description", "runs"):
        if key not in action:
            problems.append(f"action.yml: no '{key}'")
    runs = action.get("runs", {})
    if runs.get("using") != "composite":
        problems.append("action.yml: runs.using is not 'composite'")
    inputs = set(action.get("inputs", {}))
    for name, spec in action.get("inputs", {}).items():
        if "description" not in spec:
            problems.append(f"action.yml: input '{name}' has no description")
    ids = set()
    for index, step in enumerate(runs.get("steps", [])):
        if "run" in step and "shell" not in step:
            problems.append(f"action.yml: step {index} runs a script without 'shell'")
        if "run" in step and "${{" in step["run"]:
            problems.append(f"action.yml: step {index} interpolates an expression into its script (use env)")
        if ("run" in step) == ("uses" in step):
            problems.append(f"action.yml: step {index} needs exactly one of 'run' and 'uses'")
        ids.add(step.get("id"))
    text = open(os.path.join(ROOT, "action.yml")).read()
    for used in re.findall(r"inputs\.([A-Za-z0-9_-]+)", text):
        if used not in inputs:
            problems.append(f"action.yml: uses undeclared input '{used}'")
    for used in re.findall(r"steps\.([A-Za-z0-9_-]+)\.", text):
        if used not in ids:
            problems.append(f"action.yml: refers to unknown step id '{used}'")


def check_hooks(problems, binary):
    hooks = yaml.safe_load(open(os.path.join(ROOT, ".pre-commit-hooks.yaml")))
    if not isinstance(hooks, list) or not hooks:
        problems.append(".pre-commit-hooks.yaml: not a list of hooks")
        return
    for hook in hooks:
        for key in ("id", "name", "entry", "language"):
            if key not in hook:
                problems.append(f".pre-commit-hooks.yaml: hook without '{key}'")
        if hook.get("language") not in PRE_COMMIT_LANGUAGES:
            problems.append(f".pre-commit-hooks.yaml: unknown language {hook.get('language')!r}")
        files = hook.get("files")
        if files:
            re.compile(files)
            if not re.search(files, "openclaw.json") or not re.search(files, "deploy/openclaw.json5"):
                problems.append(".pre-commit-hooks.yaml: 'files' does not match openclaw.json configs")
        if binary:
            argv = hook["entry"].split() + hook.get("args", []) + ["--help"]
            argv[0] = binary
            result = subprocess.run(argv, capture_output=True, text=True)
            if result.returncode != 0:
                problems.append(f".pre-commit-hooks.yaml: '{hook['entry']}' is not a valid command line: {result.stderr.strip()[:200]}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin")
    a = ap.parse_args()
    problems = []
    check_action(problems)
    check_hooks(problems, a.bin and os.path.abspath(a.bin))
    for p in problems:
        print(p)
    print(f"integrations: {len(problems)} problem(s)")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
