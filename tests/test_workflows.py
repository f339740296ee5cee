"""The CI files a district can use as they are: the GitHub workflows, the GitLab
pipeline and the pre-commit hook.

No network: the files are read as YAML, their structure is checked, and every
`xinyu` / `mkdocs` command they run is parsed by the real argument parsers, so
a misspelt subcommand or option fails here instead of in a district's CI.
"""

from __future__ import annotations

import importlib.metadata
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import click
import pytest
import yaml
from mkdocs.__main__ import cli as mkdocs_cli

from xinyu.cli import build_parser
from xinyu.core.config_file import read_site_config

REPO = Path(__file__).resolve().parent.parent
WORKFLOWS = REPO / ".github" / "workflows"
PULL_REQUEST = WORKFLOWS / "pull-request.yml"
PUBLISH = WORKFLOWS / "publish.yml"
GITLAB = REPO / ".gitlab-ci.yml"
HOOKS = REPO / ".pre-commit-hooks.yaml"

# The first major version of each action that runs on Node 24 (Node 20 is
# removed from GitHub's runners in 2026; older majors stop working).
MIN_MAJOR = {
    "actions/checkout": 5,
    "actions/setup-python": 6,
    "actions/configure-pages": 6,
    "actions/upload-pages-artifact": 5,
    "actions/deploy-pages": 5,
}

# Top-level keys of .gitlab-ci.yml that are not jobs.
GITLAB_GLOBALS = {"image", "services", "variables", "cache", "stages", "default", "include",
                  "workflow", "before_script", "after_script"}

# Every key https://pre-commit.com/#creating-new-hooks documents for a hook.
HOOK_KEYS = {"id", "name", "entry", "language", "files", "exclude", "types", "types_or",
             "exclude_types", "always_run", "fail_fast", "verbose", "pass_filenames",
             "require_serial", "description", "language_version",
             "minimum_pre_commit_version", "args", "stages"}

# https://docs.github.com/actions/reference/workflow-commands-for-github-actions:
# `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`, with `,`
# and `:` escaped inside the values.
_PROPERTY = r"(?:file|line|endLine|col|endColumn|title)=[^,:]*"
ANNOTATION = re.compile(rf"^::(?:error|warning|notice)(?: {_PROPERTY}(?:,{_PROPERTY})*)?::\S")


def load(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def triggers(workflow: dict) -> dict:
    # YAML 1.1: PyYAML reads the key `on` as the boolean True.
    on = workflow.get("on", workflow.get(True))
    assert on is not None, "workflow has no `on:` triggers"
    if isinstance(on, str):
        return {on: None}
    if isinstance(on, list):
        return dict.fromkeys(on)
    return on


def steps(job: dict) -> list[dict]:
    return job.get("steps", [])


def action(step: dict) -> str:
    return step.get("uses", "").split("@")[0]


def step_using(job: dict, name: str) -> dict | None:
    return next((s for s in steps(job) if action(s) == name), None)


def commands(script: str) -> list[list[str]]:
    """The simple commands of a shell script: split on lines, `&&`, `||`, `;`
    and `|`, comments dropped, leading `NAME=value` assignments dropped."""
    found = []
    for line in script.splitlines():
        lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
        lexer.whitespace_split = True
        lexer.commenters = "#"
        current: list[str] = []
        for token in [*lexer, ";"]:
            if token and set(token) <= set("&|;()"):
                while current and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*=.*", current[0]):
                    current.pop(0)
                if current:
                    found.append(current)
                current = []
            else:
                current.append(token)
    return found


def tool_of(command: list[str]) -> tuple[str, list[str]] | None:
    """('xinyu' | 'mkdocs', arguments) for an invocation of either tool."""
    if Path(command[0]).name in ("xinyu", "mkdocs"):
        return Path(command[0]).name, command[1:]
    if (len(command) > 2 and re.fullmatch(r"python[0-9.]*", Path(command[0]).name)
            and command[1] == "-m" and command[2] in ("xinyu", "mkdocs")):
        return command[2], command[3:]
    return None


def parse_xinyu(args: list[str]):
    try:
        return build_parser().parse_args(args)
    except SystemExit as exc:  # argparse exits on an unknown subcommand or option
        pytest.fail(f"`xinyu {shlex.join(args)}` is not a valid command (exit {exc.code})")


def parse_mkdocs(args: list[str]) -> tuple[str, dict]:
    assert args, "`mkdocs` without a subcommand"
    name, rest = args[0], args[1:]
    command = mkdocs_cli.commands.get(name)
    assert command is not None, f"`mkdocs {name}` is not a subcommand: {sorted(mkdocs_cli.commands)}"
    try:
        with command.make_context(name, rest) as ctx:
            return name, dict(ctx.params)
    except (click.UsageError, click.exceptions.Exit) as exc:
        pytest.fail(f"`mkdocs {shlex.join(args)}` is not a valid command: {exc}")


def github_scripts() -> list[tuple[str, str, list[str]]]:
    """(file, job, command) for every command in a `run:` of every workflow."""
    found = []
    for path in sorted(WORKFLOWS.glob("*.y*ml")):
        for job_id, job in load(path)["jobs"].items():
            for step in steps(job):
                for command in commands(step.get("run", "")):
                    found.append((path.name, job_id, command))
    return found


def gitlab_jobs() -> dict[str, dict]:
    return {key: value for key, value in load(GITLAB).items()
            if key not in GITLAB_GLOBALS and not key.startswith(".") and isinstance(value, dict)}


def gitlab_scripts() -> list[tuple[str, str, list[str]]]:
    pipeline = load(GITLAB)
    found = []
    for job_id, job in gitlab_jobs().items():
        lines = [*(job.get("before_script") or pipeline.get("before_script") or []),
                 *job.get("script", [])]
        for line in lines:
            for command in commands(line):
                found.append((GITLAB.name, job_id, command))
    return found


def tool_calls(scripts) -> list[tuple[str, str, str, list[str]]]:
    return [(file, job, *tool) for file, job, command in scripts
            if (tool := tool_of(command)) is not None]


def site_dir() -> str:
    return str(read_site_config(REPO / "mkdocs.yml").get("site_dir") or "site")


# --- every file loads ---------------------------------------------------------------

@pytest.mark.parametrize("path", [PULL_REQUEST, PUBLISH, GITLAB, HOOKS],
                         ids=lambda p: p.relative_to(REPO).as_posix())
def test_file_exists_and_is_yaml(path):
    assert path.is_file(), f"{path.relative_to(REPO)} is missing"
    assert load(path), f"{path.relative_to(REPO)} is empty"


def test_every_workflow_loads_with_triggers_and_jobs():
    paths = sorted(WORKFLOWS.glob("*.y*ml"))
    assert {PULL_REQUEST, PUBLISH} <= set(paths)
    for path in paths:
        workflow = load(path)
        assert triggers(workflow), path.name
        assert workflow.get("jobs"), path.name
        for job_id, job in workflow["jobs"].items():
            assert job.get("runs-on"), f"{path.name}: job {job_id} has no runs-on"


# --- GitHub: the pull-request check -------------------------------------------------

def test_pull_request_workflow_structure():
    workflow = load(PULL_REQUEST)
    on = triggers(workflow)
    assert "pull_request" in on and "workflow_dispatch" in on
    assert "pull_request_target" not in on  # never run contributed code with secrets
    assert workflow["permissions"] == {"contents": "read"}
    assert workflow["concurrency"]["cancel-in-progress"] is True
    assert "github.event.pull_request.number" in workflow["concurrency"]["group"]
    for job in workflow["jobs"].values():
        assert "permissions" not in job or job["permissions"] == {"contents": "read"}


@pytest.mark.parametrize("path", [PULL_REQUEST, PUBLISH], ids=lambda p: p.name)
def test_builds_check_out_full_history_and_set_up_python(path):
    workflow = load(path)
    builders = [job for job in workflow["jobs"].values()
                if any("mkdocs" in step.get("run", "") for step in steps(job))]
    assert builders, f"{path.name} builds nothing"
    for job in builders:
        checkout = step_using(job, "actions/checkout")
        assert checkout is not None
        assert checkout.get("with", {}).get("fetch-depth") == 0  # dates from Git history
        python = step_using(job, "actions/setup-python")
        assert python is not None
        assert str(python["with"]["python-version"]) == "3.12"
        assert python["with"].get("cache") == "pip"
        dependency_path = python["with"].get("cache-dependency-path")
        assert dependency_path is None or (REPO / dependency_path).is_file()
        assert not any(step.get("continue-on-error") for step in steps(job))


@pytest.mark.parametrize("path", [PULL_REQUEST, PUBLISH], ids=lambda p: p.name)
def test_install_then_check_then_build(path):
    for job_id, job in load(path)["jobs"].items():
        runs = [step.get("run", "") for step in steps(job)]
        if not any("mkdocs" in run for run in runs):
            continue
        install = next(i for i, run in enumerate(runs) if re.search(r"pip install\b", run))
        check = next(i for i, run in enumerate(runs) if run.strip().startswith("xinyu check"))
        build = next(i for i, run in enumerate(runs) if "mkdocs build" in run)
        assert install < check < build, f"{path.name}: job {job_id} runs its steps out of order"
        assert "pip install -e ." in runs[install]  # this repository is the demo district
        env = {**load(path).get("env", {}), **job.get("env", {})}
        assert str(env.get("NO_MKDOCS_2_WARNING")) == "1" or "NO_MKDOCS_2_WARNING=1" in runs[build]


# --- GitHub: publishing to Pages ---------------------------------------------------

def test_publish_workflow_structure():
    workflow = load(PUBLISH)
    on = triggers(workflow)
    assert on["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in on
    assert "pull_request" not in on and "pull_request_target" not in on
    assert workflow["permissions"] == {"contents": "read"}
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}


def test_publish_uploads_the_built_site_and_deploys_it():
    jobs = load(PUBLISH)["jobs"]
    build_id, build = next((job_id, job) for job_id, job in jobs.items()
                           if step_using(job, "actions/upload-pages-artifact"))
    assert step_using(build, "actions/configure-pages") is not None
    upload = step_using(build, "actions/upload-pages-artifact")
    assert upload["with"]["path"] == site_dir() == "site"
    runs = [step.get("run", "") for step in steps(build)]
    assert steps(build).index(upload) > max(i for i, run in enumerate(runs) if "mkdocs build" in run)

    deploy_id, deploy = next((job_id, job) for job_id, job in jobs.items()
                             if step_using(job, "actions/deploy-pages"))
    assert deploy_id != build_id
    needs = deploy["needs"]
    assert build_id in ([needs] if isinstance(needs, str) else needs)
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    deployment = step_using(deploy, "actions/deploy-pages")
    assert deploy["environment"]["url"] == "${{ steps.%s.outputs.page_url }}" % deployment["id"]
    # Only the build job may hold the repository; only the deploy job may write Pages.
    assert "permissions" not in build or build["permissions"] == {"contents": "read"}


def test_actions_are_pinned_to_current_major_versions():
    seen = set()
    for path in sorted(WORKFLOWS.glob("*.y*ml")):
        for job in load(path)["jobs"].values():
            for step in steps(job):
                if "uses" not in step:
                    continue
                match = re.fullmatch(r"([\w.-]+/[\w.-]+)@v(\d+)", step["uses"])
                assert match, f"{path.name}: {step['uses']!r} is not owner/name@vN"
                name, major = match[1], int(match[2])
                assert name in MIN_MAJOR, f"{path.name}: unexpected action {name}"
                assert major >= MIN_MAJOR[name], f"{path.name}: {name}@v{major} runs on Node 20"
                seen.add(name)
    assert seen == set(MIN_MAJOR)


# --- GitLab --------------------------------------------------------------------------

def test_gitlab_pipeline_structure():
    pipeline = load(GITLAB)
    assert pipeline["image"] == "python:3.12"
    assert str(pipeline["variables"]["GIT_DEPTH"]) == "0"  # full history: dates from Git
    assert str(pipeline["variables"]["NO_MKDOCS_2_WARNING"]) == "1"
    jobs = gitlab_jobs()
    assert {"check", "pages"} <= set(jobs)
    stages = pipeline.get("stages")
    for job_id, job in jobs.items():
        assert job.get("script"), f"job {job_id} has no script"
        if stages:
            assert job.get("stage", "test") in stages, f"job {job_id}: unknown stage"

    check_rules = [rule.get("if", "") for rule in jobs["check"]["rules"]]
    assert any(re.fullmatch(r'\$CI_PIPELINE_SOURCE == "merge_request_event"', rule)
               for rule in check_rules)
    pages = jobs["pages"]
    assert [rule.get("if") for rule in pages["rules"]] == ["$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"]
    assert pages["artifacts"]["paths"] == ["public"]


def test_gitlab_pages_job_builds_into_public():
    builds = [params for _, job, tool, args in tool_calls(gitlab_scripts())
              if job == "pages" and tool == "mkdocs"
              for name, params in [parse_mkdocs(args)] if name == "build"]
    assert len(builds) == 1
    assert builds[0]["site_dir"] == "public" and builds[0]["strict"] is True


# --- every xinyu / mkdocs command really exists ------------------------------------

def test_every_xinyu_and_mkdocs_command_parses():
    calls = tool_calls(github_scripts() + gitlab_scripts())
    expected = {(file, job, tool) for file, job in
                [("pull-request.yml", "check"), ("publish.yml", "build"),
                 (".gitlab-ci.yml", "check"), (".gitlab-ci.yml", "pages")]
                for tool in ("xinyu", "mkdocs")}
    assert expected <= {(file, job, tool) for file, job, tool, _ in calls}
    for file, job, tool, args in calls:
        if tool == "xinyu":
            parsed = parse_xinyu(args)
            if parsed.command == "check":
                assert (REPO / parsed.root / "mkdocs.yml").is_file()
                # GitHub turns `::error file=…` lines into annotations; GitLab shows text.
                wanted = "text" if file == GITLAB.name else "github"
                assert parsed.format == wanted, f"{file}: {job}: --format {parsed.format}"
        else:
            name, params = parse_mkdocs(args)
            if name == "build":
                assert params["strict"] is True, f"{file}: {job}: mkdocs build without --strict"


def test_command_splitting():
    assert commands("NO_MKDOCS_2_WARNING=1 mkdocs build --strict  # comment") == [
        ["mkdocs", "build", "--strict"]]
    assert commands("pip install -e . && xinyu check --format github;echo done") == [
        ["pip", "install", "-e", "."], ["xinyu", "check", "--format", "github"], ["echo", "done"]]
    assert tool_of(["python", "-m", "xinyu", "check"]) == ("xinyu", ["check"])
    with pytest.raises(pytest.fail.Exception):
        parse_xinyu(["check", "--format", "gitlab"])
    with pytest.raises(pytest.fail.Exception):
        parse_mkdocs(["build", "--strikt"])


# --- pre-commit ---------------------------------------------------------------------

def the_hook() -> dict:
    hooks = load(HOOKS)
    assert isinstance(hooks, list) and len(hooks) == 1
    return hooks[0]


def test_pre_commit_hook_manifest():
    hook = the_hook()
    assert set(hook) <= HOOK_KEYS, f"unknown keys: {set(hook) - HOOK_KEYS}"
    assert hook["id"] == "xinyu-check"
    assert re.search(r"[\u4e00-\u9fff]", hook["name"]) and re.search(r"[A-Za-z]", hook["name"])
    assert hook["entry"] == "xinyu check"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is False  # the check reads the whole repository
    assert hook["always_run"] is False
    for key in ("types", "types_or", "exclude_types"):
        assert isinstance(hook.get(key, []), list)


def test_pre_commit_hook_runs_on_content_sources_only():
    files = re.compile(the_hook()["files"])
    exclude = re.compile(the_hook().get("exclude", "^$"))

    def runs_on(path: str) -> bool:
        return bool(files.search(path)) and not exclude.search(path)

    for path in ["lessons/grade-03/feelings-weather-report.md", "lessons/情绪天气.md",
                 "lessons/collections.yml", "case_studies/2024/family.md",
                 "content/courses/parent-talk.md", "content/lecturers.yml", "content/guide.md",
                 "mkdocs.yml", "content/files/worksheet.pdf", "lessons/grade-03/slides.pptx",
                 "lessons/grade-03/bad.html", "privacy/protected-names.txt"]:
        assert runs_on(path), path
    for path in ["plugins/xinyu/cli.py", "site_overrides/assets/stylesheets/site.css",
                 "benchmarks/search.py"]:
        assert not runs_on(path), path


def test_pre_commit_entry_is_the_installed_console_script():
    hook = the_hook()
    program, *args = shlex.split(hook["entry"])
    scripts = {ep.name: ep for ep in importlib.metadata.entry_points(group="console_scripts")
               if ep.dist is not None and ep.dist.name == "xinyu"}
    assert program in scripts, f"xinyu installs no console script {program!r}"
    assert scripts[program].value == "xinyu.cli:main"
    assert callable(scripts[program].load())
    assert shutil.which(program, path=str(Path(sys.executable).parent)), \
        f"{program} is not in {Path(sys.executable).parent}"
    parsed = parse_xinyu([*args, *hook.get("args", [])])
    assert parsed.command == "check" and parsed.root == Path(".")


# --- the PR check's exact command, run for real ----------------------------------

def test_pull_request_check_command_runs_clean_on_the_demo_library():
    [command] = [command for file, _, command in github_scripts()
                 if file == PULL_REQUEST.name and command[:2] == ["xinyu", "check"]]
    proc = subprocess.run([sys.executable, "-m", "xinyu", *command[1:]], cwd=REPO,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    lines = [line for line in proc.stdout.splitlines() if line.strip()]
    assert lines and re.match(r"xinyu\s*[:：]", lines[-1]), lines[-1:]  # the summary
    for line in lines[:-1]:
        assert ANNOTATION.match(line), f"not a GitHub workflow command: {line!r}"
