"""A whole issue an editor deleted stays deleted (converter/site/issue_record.py):
its folder gone, the next conversions record it in docs/.issues.yml and leave its
export alone, saying so; ``--restore`` or ``deleted: false`` brings it back."""

from __future__ import annotations

import io
from pathlib import Path

import yaml

from converter.check import check_docs
from converter.cli import main
from converter.site.issue_record import ISSUES_FILE
from tests.variants.catalogue import base, january
from tests.variants.layout import render
from tests.variants.spec import IssueSpec

FOLDER = "2024/03"


def export(spec: IssueSpec, tmp: Path) -> Path:
    path = tmp / "exports" / spec.file_name
    path.parent.mkdir(exist_ok=True)
    path.write_text(render(spec), encoding="utf-8")
    return path


def convert(docs: Path, *args: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["convert", *args, "--out", str(docs)], out, err)
    return code, err.getvalue()


def record(docs: Path) -> dict[str, object]:
    loaded = yaml.safe_load((docs / ISSUES_FILE).read_text(encoding="utf-8"))
    return {str(item["issue"]): item.get("deleted") for item in loaded["issues"]}


def delete_folder(docs: Path, folder: str) -> None:
    for path in sorted((docs / folder).iterdir()):
        path.unlink()
    (docs / folder).rmdir()


def test_a_deleted_issue_stays_deleted_until_restored(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    march, other = export(base(), tmp_path), export(january(), tmp_path)
    assert convert(docs, str(march), str(other))[0] == 0
    assert record(docs) == {"2024-01": None, "2024-03": None}
    delete_folder(docs, FOLDER)
    messages = [p.message for p in check_docs(docs)]
    assert any(m.startswith(f"{FOLDER} is listed but missing") for m in messages)

    said = []
    for flags in ((), ("--reconvert",), ("--reconvert", "--jobs", "2")):
        code, err = convert(docs, str(march), str(other), *flags)
        assert code == 0, err
        said.append(err)
        assert not (docs / FOLDER).exists(), flags
        assert record(docs) == {"2024-01": None, "2024-03": True}
        assert f"{FOLDER}/" not in (docs / "index.md").read_text(encoding="utf-8")
        assert f"{FOLDER}/" not in (docs / ".nav.yml").read_text(encoding="utf-8")
        assert (docs / "2024/01/index.md").is_file()
        assert check_docs(docs) == []
    assert (
        f"note: {FOLDER} was deleted by an editor: recorded as deleted in {ISSUES_FILE}" in said[0]
    )
    assert "was deleted by an editor: recorded" not in said[1]  # recorded: nothing new
    for err in said:  # but every run says what it leaves alone
        assert f"{march}: issue 2024-03 was deleted by an editor" in err

    code, err = convert(docs, str(march), "--restore", "2024-03")
    assert code == 0, err
    assert "issue 2024-03 restored" in err
    assert (docs / FOLDER / "01.md").is_file()
    assert record(docs) == {"2024-01": None, "2024-03": None}
    assert f"{FOLDER}/" in (docs / "index.md").read_text(encoding="utf-8")
    assert check_docs(docs) == []


def test_deleted_false_in_the_record_restores_the_issue(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    march = export(base(), tmp_path)
    convert(docs, str(march))
    delete_folder(docs, FOLDER)
    convert(docs, str(march))
    path = docs / ISSUES_FILE
    path.write_text(path.read_text("utf-8").replace("deleted: true", "deleted: false"), "utf-8")
    assert check_docs(docs) == []
    code, err = convert(docs, str(march))  # no flag: the cache sees the folder gone
    assert code == 0, err
    assert (docs / FOLDER / "index.md").is_file()
    assert record(docs) == {"2024-03": None}


def test_a_deletion_recorded_by_hand_is_honoured_and_a_folder_put_back_restores_it(
    tmp_path: Path,
) -> None:
    """The editor's pull request deletes the folder and marks the entry (as check
    asks): CI's conversion, from a clean clone, leaves it deleted."""
    docs = tmp_path / "docs"
    march = export(base(), tmp_path)
    convert(docs, str(march))
    kept = (docs / FOLDER / "index.md").read_text(encoding="utf-8")
    delete_folder(docs, FOLDER)
    path = docs / ISSUES_FILE
    path.write_text(path.read_text("utf-8") + "  deleted: true\n", "utf-8")
    assert check_docs(docs) == []
    (docs / ".convert-cache.json").unlink()
    code, err = convert(docs, str(march))
    assert code == 0 and not (docs / FOLDER).exists(), err
    (docs / FOLDER).mkdir(parents=True)
    (docs / FOLDER / "index.md").write_text(kept, encoding="utf-8")
    assert any("is recorded as deleted but is there" in p.message for p in check_docs(docs))
    # Put back (a checkout of the old folder) restores it, as a page put back does.
    code, err = convert(docs, str(march))
    assert code == 0 and "(put back): restored" in err, err
    assert record(docs) == {"2024-03": None}
    assert (docs / FOLDER / "01.md").is_file()
    assert check_docs(docs) == []


def test_a_broken_record_stops_the_conversion_naming_its_line(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    march = export(base(), tmp_path)
    convert(docs, str(march))
    (docs / ISSUES_FILE).write_text("issues:\n- issue: '2024-03'\n  deleted: maybe\n", "utf-8")
    code, err = convert(docs, str(march), "--reconvert")
    assert code == 1
    assert f"{ISSUES_FILE}:2: deleted must be true or false" in err
    assert any(p.path.endswith(ISSUES_FILE) and p.line == 2 for p in check_docs(docs))


def test_docs_without_a_record_get_one_listing_every_issue(tmp_path: Path) -> None:
    """Docs converted before the record existed: the first run lists what is there
    (a folder deleted before then cannot be told from one never converted)."""
    docs = tmp_path / "docs"
    convert(docs, str(export(january(), tmp_path)))
    (docs / ISSUES_FILE).unlink()
    convert(docs, str(export(base(), tmp_path)))
    assert record(docs) == {"2024-01": None, "2024-03": None}
