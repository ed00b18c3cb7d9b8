"""An editor's work survives a crash and a second run (issue 17, points 1 and 2).

The converter and the site build are killed (SIGKILL) at every step that changes
the disk: each such step is numbered (``converter/site/durable.py``) and the process
stops itself at step N (``CONVERTER_PAUSE_AT=N``), so the test kills it exactly
there, between any two renames, with no timing involved. After each kill: no file
is half-written, the folder is the old state, the new one, or one the journal
completes; what an editor wrote is intact; and the next run finishes the work and
says so.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from itertools import count
from pathlib import Path

import pytest

from converter.cli import main
from converter.site import durable
from converter.site.front_matter import page, split_page
from converter.site.lock import Busy, lock_path
from converter.site.writer import COMMITTED, PREPARED, journal_path, load_journal
from tools import build
from tools.build import BuildRefused, build_site, staging_folder

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "archive" / "2023-07.txt"
EDITED = "2023/07/02.md"  # an article an editor changed (its checksum no longer matches)
EDITOR_FILES = ("assets/editor.js", "stylesheets/extra.css", EDITED)  # never the converter's
OLDER = "2023/07/05.md"  # written by an earlier conversion: the run rewrites it
FIRST = "2023/07/01.md"  # likewise, and the first page the run puts in place
GONE = ("2023/index.md", "tags/ansi.md")  # generated listings deleted: the run writes them again
STALE = "tags/zzz-stale.md"  # a listing the run no longer produces: removed
# How long a test waits for a process to reach a state (a bound, never a measurement).
PATIENCE_SECONDS = 60.0


def tree(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def without_temporary(files: dict[str, bytes]) -> dict[str, bytes]:
    return {name: data for name, data in files.items() if durable.TEMP_MARK not in name}


def convert_here(docs: Path, *extra: str) -> tuple[int, str]:
    """The converter in this process, as an editor runs it (from the repository)."""
    err = io.StringIO()
    with contextlib.chdir(ROOT):
        code = main(["convert", str(SAMPLE), "--out", str(docs), *extra], io.StringIO(), err)
    return code, err.getvalue()


def convert_command(docs: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "converter", "convert", str(SAMPLE), "--out", str(docs), *extra]


@dataclass(frozen=True)
class Scene:
    """A docs folder before a run (``template``), and the folder as it is before and
    after an uninterrupted ``convert --reconvert``."""

    template: Path
    before: dict[str, bytes]
    after: dict[str, bytes]

    def fresh(self, project: Path) -> Path:
        docs = project / "docs"
        shutil.copytree(self.template, docs)
        return docs


def set_the_scene(docs: Path) -> None:
    assert convert_here(docs)[0] == 0
    for name in EDITOR_FILES[:2]:
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(f"/* {name}: an editor's file */\n", encoding="utf-8")
    edited = docs / EDITED
    edited.write_text(edited.read_text(encoding="utf-8") + "编辑补充的一句。\n", encoding="utf-8")
    for name in (FIRST, OLDER):
        older = docs / name
        split = split_page(older.read_text(encoding="utf-8"))
        fields = {k: v for k, v in split.fields.items() if k != "checksum"}
        older.write_text(page(fields, split.body + "\n旧版转换的一句。\n"), encoding="utf-8")
    for name in GONE:
        (docs / name).unlink()
    (docs / STALE).write_text(page({"title": "旧标签"}, "旧。\n"), encoding="utf-8")


@pytest.fixture(scope="module")
def scene(tmp_path_factory: pytest.TempPathFactory) -> Scene:
    template = tmp_path_factory.mktemp("scene") / "docs"
    set_the_scene(template)
    reference = tmp_path_factory.mktemp("reference") / "docs"
    shutil.copytree(template, reference)
    code, err = convert_here(reference, "--reconvert")
    assert code == 0, err
    after = tree(reference)
    before = tree(template)
    assert after[EDITED] == before[EDITED] and after[OLDER] != before[OLDER]
    assert STALE not in after and all(name in after for name in GONE)
    return Scene(template, before, after)


def stopped(process: subprocess.Popen[bytes]) -> bool:
    """Wait until the process stops itself (True) or exits (False)."""
    info = os.waitid(os.P_PID, process.pid, os.WEXITED | os.WSTOPPED | os.WNOWAIT)
    assert info is not None
    return info.si_code == os.CLD_STOPPED


def start(
    command: list[str], pause_at: int | None, log: Path, **env: str
) -> subprocess.Popen[bytes]:
    environment = {**os.environ, **env}
    if pause_at is not None:
        environment[durable.PAUSE_AT] = str(pause_at)
    with log.open("wb") as out:
        return subprocess.Popen(command, cwd=ROOT, env=environment, stdout=out, stderr=out)


def trace(scene: Scene, tmp_path: Path) -> list[tuple[int, str, str]]:
    """The steps of an uninterrupted run: (number, kind, path)."""
    docs = scene.fresh(tmp_path / "traced")
    log = tmp_path / "trace.txt"
    process = start(
        convert_command(docs, "--reconvert"), None, tmp_path / "log", CONVERTER_TRACE=str(log)
    )
    assert process.wait() == 0
    steps = []
    for line in log.read_text(encoding="utf-8").splitlines():
        number, kind, path = line.split(" ", 2)
        steps.append((int(number), kind, path))
    return steps


def first_page_replaced(scene: Scene, tmp_path: Path) -> int:
    return next(
        n for n, kind, path in trace(scene, tmp_path) if kind == "replace" and "/docs/" in path
    )


def assert_no_half_state(docs: Path, scene: Scene) -> str:
    """Check the folder as the kill left it; which state it is in."""
    now = tree(docs)
    for name in EDITOR_FILES:
        assert now[name] == scene.before[name], f"{name}: an editor's file changed"
    journal = load_journal(journal_path(docs))
    if journal is None:
        assert now in (scene.before, scene.after), "no journal, yet neither old nor new"
        return "old" if now == scene.before else "new"
    visible = without_temporary(now)
    if journal.state == PREPARED:
        assert visible == scene.before, "a prepared run changed a file"
        return PREPARED
    assert journal.state == COMMITTED
    for name in {*visible, *scene.before, *scene.after}:
        assert visible.get(name) in (scene.before.get(name), scene.after.get(name)), name
    return COMMITTED


def test_killed_at_every_step_the_next_run_recovers_and_says_so(
    scene: Scene, tmp_path: Path
) -> None:
    seen: set[str] = set()
    for step in count(1):
        project = tmp_path / f"kill-{step}"
        docs = scene.fresh(project)
        process = start(convert_command(docs, "--reconvert"), step, project / "log")
        if not stopped(process):
            assert process.wait() == 0, (project / "log").read_text(encoding="utf-8")
            assert tree(docs) == scene.after
            break
        process.kill()
        process.wait()
        state = assert_no_half_state(docs, scene)
        seen.add(state)
        code, err = convert_here(docs, "--reconvert")
        assert code == 0, err
        assert f"was interrupted: PID {process.pid}" in err, err
        if state == PREPARED:
            assert "rolled back" in err
        if state == COMMITTED:
            assert "completed them" in err
        assert tree(docs) == scene.after, f"killed at step {step}: not recovered"
        assert not journal_path(docs).exists() and not lock_path(docs).exists()
        assert sorted(p.name for p in project.iterdir()) == ["docs", "log"], (
            "a stray file beside docs"
        )
    assert step > 10, "too few steps to have killed between renames"
    assert {PREPARED, COMMITTED} <= seen


def test_a_second_run_refuses_naming_the_first(scene: Scene, tmp_path: Path) -> None:
    docs = scene.fresh(tmp_path)
    first_replace = first_page_replaced(scene, tmp_path)
    first = start(convert_command(docs, "--reconvert"), first_replace, tmp_path / "first.log")
    try:
        assert stopped(first)
        code, err = convert_here(docs, "--wait", "0")
        assert code == 1
        assert f"in use by another run: PID {first.pid}" in err and "started" in err, err
        assert "(python -m converter convert " in err or "-m converter convert" in err, err
        with pytest.raises(Busy, match=f"PID {first.pid}"):
            build_site(tmp_path, Path("site"), wait=0)
    finally:
        os.kill(first.pid, signal.SIGCONT)
    assert first.wait() == 0
    assert tree(docs) == scene.after


def test_a_second_run_waits_for_the_first(scene: Scene, tmp_path: Path) -> None:
    docs = scene.fresh(tmp_path)
    first_replace = first_page_replaced(scene, tmp_path)
    first = start(convert_command(docs, "--reconvert"), first_replace, tmp_path / "first.log")
    assert stopped(first)
    second = subprocess.Popen(
        convert_command(docs, "--wait", str(PATIENCE_SECONDS)),
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert second.stderr is not None
    waiting = second.stderr.readline()  # said before it waits
    os.kill(first.pid, signal.SIGCONT)
    assert f"waiting for the other run on {docs}: PID {first.pid}" in waiting
    assert first.wait() == 0
    rest = second.stderr.read()
    assert second.wait() == 0, rest
    assert tree(docs) == scene.after


def test_a_page_saved_during_the_run_is_kept(scene: Scene, tmp_path: Path) -> None:
    docs = scene.fresh(tmp_path)
    first_replace, first_page = next(
        (n, path)
        for n, kind, path in trace(scene, tmp_path)
        if kind == "replace" and "/docs/" in path
    )
    # Pages are put in place in the order of their paths: these two come later.
    assert first_page.endswith(f"/docs/{FIRST}") and min(OLDER, GONE[1]) > FIRST
    run = start(convert_command(docs, "--reconvert"), first_replace, tmp_path / "run.log")
    assert stopped(run)
    saved = "---\ntitle: 编辑正在修改\n---\n\n编辑保存的文字。\n"
    (docs / OLDER).write_text(saved, encoding="utf-8")
    (docs / GONE[1]).write_text(saved, encoding="utf-8")  # a page the run meant to create
    os.kill(run.pid, signal.SIGCONT)
    assert run.wait() == 0
    log = (tmp_path / "run.log").read_text(encoding="utf-8")
    for name in (OLDER, GONE[1]):
        assert (docs / name).read_text(encoding="utf-8") == saved
        assert f"warning: {docs / name} changed on disk while the converter ran" in log, log
    assert not list(docs.rglob(f"*{durable.TEMP_MARK}*"))


def test_a_folder_swapped_out_by_an_earlier_converter_is_put_back(
    scene: Scene, tmp_path: Path
) -> None:
    # Killed between the earlier writer's two renames: no docs/, its copy beside.
    shutil.copytree(scene.template, tmp_path / ".docs.old-4242")
    code, err = convert_here(tmp_path / "docs", "--reconvert")
    assert code == 0, err
    assert "restored from .docs.old-4242" in err
    assert tree(tmp_path / "docs") == scene.after


def test_earlier_traces_never_stop_a_run(scene: Scene, tmp_path: Path) -> None:
    docs = scene.fresh(tmp_path)
    for trace_name in (f".docs.old-{os.getpid()}", ".docs.x1y2z3w4"):
        shutil.copytree(scene.template, tmp_path / trace_name)
    code, err = convert_here(docs, "--reconvert")
    assert code == 0, err
    assert err.count("left by an interrupted earlier converter") == 2
    assert tree(docs) == scene.after


def children_of(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                if int(fields[1]) == pid:
                    found.append(int(entry.name))
    return found


def process_state(pid: int) -> str:
    """R, S, T (stopped), Z (dead, not yet reaped); "" when gone."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return ""


def until(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + PATIENCE_SECONDS
    while not condition():
        assert time.monotonic() < deadline, f"still waiting for {what}"
        time.sleep(0.02)


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_killing_a_jobs_run_leaves_no_worker(tmp_path: Path) -> None:
    # The workers stop themselves as they start, so they are surely alive when the
    # run is killed. The run stays in pytest's process group: in a group of its own,
    # orphaned by the kill, the kernel would hang up its stopped workers whatever
    # the converter does.
    exports = []
    for name in ("a.txt", "b.txt"):
        shutil.copy(SAMPLE, tmp_path / name)
        exports.append(str(tmp_path / name))
    command = [
        sys.executable,
        "-m",
        "converter",
        "convert",
        *exports,
        "--out",
        str(tmp_path / "docs"),
    ]
    run = start([*command, "--jobs", "2"], None, tmp_path / "log", CONVERTER_PAUSE_WORKERS="1")
    until(
        lambda: sum(process_state(pid) == "T" for pid in children_of(run.pid)) == 2,
        "two workers started",
    )
    workers = children_of(run.pid)
    run.kill()
    run.wait()
    until(lambda: all(process_state(pid) in ("", "Z") for pid in workers), "the workers to die")


# The site build: killed at every step, the site is the previous one or the new one.

BUILD_SCRIPT = """
import sys
from pathlib import Path
from converter.site import durable
from tools import build

def fake_build(project, docs, staging, config, quiet):
    durable.step("build", staging)
    write_site(staging / "site", "new")
    (staging / "index" / "search").mkdir(parents=True)
    (staging / "index" / "search" / "meta.js").write_text("new", encoding="utf-8")

def write_site(folder, marker):
    for name in ("index.html", "2023/07/index.html", "feed.xml"):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(marker, encoding="utf-8")

build.build_into = fake_build
build.build_site(Path(sys.argv[1]), Path("site"))
"""


def site_of(marker: str) -> dict[str, bytes]:
    names = ("index.html", "2023/07/index.html", "feed.xml", "search/meta.js")
    return {name: marker.encode() for name in names}


def fake_build(project: Path, docs: Path, staging: Path, config: str, quiet: bool) -> None:
    for name, data in site_of("new").items():
        folder = "index" if name.startswith("search/") else "site"
        (staging / folder / name).parent.mkdir(parents=True, exist_ok=True)
        (staging / folder / name).write_bytes(data)


def small_project(folder: Path) -> Path:
    (folder / "docs").mkdir(parents=True)
    (folder / "docs" / "index.md").write_text("# 首页\n", encoding="utf-8")
    for name, data in site_of("old").items():
        (folder / "site" / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / "site" / name).write_bytes(data)
    return folder


def test_a_build_killed_at_every_step_leaves_the_old_site_or_the_new(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(build, "build_into", fake_build)
    for step in count(1):
        project = small_project(tmp_path / f"kill-{step}")
        process = start([sys.executable, "-c", BUILD_SCRIPT, str(project)], step, project / "log")
        if not stopped(process):
            assert process.wait() == 0, (project / "log").read_text(encoding="utf-8")
            assert tree(project / "site") == site_of("new")
            break
        process.kill()
        process.wait()
        assert tree(project / "site") in (site_of("old"), site_of("new")), f"step {step}"
        left = staging_folder(project / "site").exists()
        said: list[str] = []
        build_site(project, Path("site"), say=said.append)
        assert tree(project / "site") == site_of("new")
        assert any("was interrupted" in message for message in said), said
        assert left == any("left by an interrupted build" in m for m in said), said
        assert sorted(p.name for p in project.iterdir()) == ["docs", "log", "site"]
    assert step > 4


def test_a_build_removes_the_search_staging_of_earlier_builds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(build, "build_into", fake_build)
    project = small_project(tmp_path)
    (project / ".search-staging.ab12cd").mkdir()
    said: list[str] = []
    build_site(project, Path("site"), say=said.append)
    assert any(".search-staging.ab12cd" in message for message in said)
    assert sorted(p.name for p in project.iterdir()) == ["docs", "site"]


def test_a_staging_folder_that_is_a_link_is_removed_not_followed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(build, "build_into", fake_build)
    project = small_project(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "keep.txt").write_text("not the build's", encoding="utf-8")
    staging_folder(project / "site").symlink_to(elsewhere)
    build_site(project, Path("site"), say=lambda _: None)
    assert (elsewhere / "keep.txt").exists()
    assert not os.path.lexists(staging_folder(project / "site"))
    assert (project / "site").is_dir()


def test_make_site_refuses_what_the_check_refuses_naming_page_and_line(
    scene: Scene, tmp_path: Path
) -> None:
    docs = scene.fresh(tmp_path)
    broken = docs / "2023/07/03.md"
    text = docs.joinpath(OLDER).read_text(encoding="utf-8")
    broken.write_text(text.replace("title: ", 'title: "', 1), encoding="utf-8")  # never closed
    result = subprocess.run(
        [sys.executable, "-m", "tools.build", "--wait", "0"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "docs/2023/07/03.md:2: front matter is not valid YAML" in result.stdout
    assert "the site was not built" in result.stderr
    assert not (tmp_path / "site").exists() and not staging_folder(tmp_path / "site").exists()
    with pytest.raises(BuildRefused):
        build_site(tmp_path, Path("site"))


def test_a_page_saved_after_a_crash_is_kept_by_the_recovery(scene: Scene, tmp_path: Path) -> None:
    docs = scene.fresh(tmp_path)
    run = start(
        convert_command(docs, "--reconvert"), first_page_replaced(scene, tmp_path), tmp_path / "log"
    )
    assert stopped(run)
    run.kill()
    run.wait()
    assert load_journal(journal_path(docs)).state == COMMITTED  # type: ignore[union-attr]
    check = subprocess.run(
        [sys.executable, "-m", "converter", "check", str(docs)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert check.returncode == 1 and "an interrupted run left its writes" in check.stderr
    saved = "---\ntitle: 编辑在中断后修改\n---\n\n编辑保存的文字。\n"
    (docs / OLDER).write_text(saved, encoding="utf-8")
    code, err = convert_here(docs)
    assert code == 0, err
    assert f"completed them; left alone, changed since: {OLDER}" in err, err
    assert (docs / OLDER).read_text(encoding="utf-8") == saved
    assert not list(docs.rglob(f"*{durable.TEMP_MARK}*"))


def test_an_unreadable_journal_is_rolled_back(scene: Scene, tmp_path: Path) -> None:
    docs = scene.fresh(tmp_path)
    stray = durable.temp_name(docs / OLDER, "0123456789ab")
    stray.write_text("half of a run", encoding="utf-8")
    journal_path(docs).write_text('{"token": "01', encoding="utf-8")  # cut off
    code, err = convert_here(docs, "--reconvert")
    assert code == 0, err
    assert "rolled back" in err and not stray.exists()
    assert tree(docs) == scene.after


def test_a_journal_naming_files_outside_the_folder_is_not_followed(
    scene: Scene, tmp_path: Path
) -> None:
    docs = scene.fresh(tmp_path)
    victim = tmp_path / "victim.txt"
    victim.write_text("not the converter's", encoding="utf-8")
    digest = durable.file_digest(victim)
    (docs / "assets" / "elsewhere").symlink_to(tmp_path)
    for name in (str(victim), "../victim.txt", "assets/elsewhere/victim.txt"):
        journal_path(docs).write_text(
            f'{{"token": "0123456789ab", "state": "{COMMITTED}", "writes": {{}}, '
            f'"removes": {{"{name}": "{digest}"}}, "folders": []}}',
            encoding="utf-8",
        )
        _, err = convert_here(docs, "--reconvert")  # then refuses the link, if any
        assert "rolled back" in err
        assert victim.exists()
