from pathlib import Path

import pytest

from converter.site import writer
from converter.site.front_matter import is_hand_edited, page
from converter.site.writer import plan_writes, write_atomically


def test_generated_page_is_not_edited_and_a_change_is_detected() -> None:
    text = page({"title": "标题", "tags": []}, "正文。\n")
    assert not is_hand_edited(text)
    assert is_hand_edited(text.replace("正文", "改过的正文"))
    assert is_hand_edited(text.replace("标题", "新标题"))
    assert is_hand_edited("没有前言的页面\n")


def test_plan_skips_edited_issue_pages_unless_forced(tmp_path: Path) -> None:
    (tmp_path / "2023" / "07").mkdir(parents=True)
    edited = page({"title": "甲"}, "旧。\n").replace("旧", "编辑过")
    (tmp_path / "2023/07/01.md").write_text(edited, "utf-8")
    (tmp_path / "2023/07/02.md").write_text(page({"title": "乙"}, "旧。\n"), "utf-8")
    new = {
        "2023/07/01.md": page({"title": "甲"}, "新。\n"),
        "2023/07/02.md": page({"title": "乙"}, "新。\n"),
    }
    plan = plan_writes(tmp_path, new, force=False)
    assert plan.skipped_edited == ["2023/07/01.md"] and list(plan.write) == ["2023/07/02.md"]
    assert sorted(plan_writes(tmp_path, new, force=True).write) == sorted(new)


def test_archive_listings_are_rebuilt_even_after_an_edit(tmp_path: Path) -> None:
    (tmp_path / "index.md").write_text("手工改过的首页\n", "utf-8")
    plan = plan_writes(tmp_path, {"index.md": page({"title": "首页"}, "新。\n")}, force=False)
    assert list(plan.write) == ["index.md"] and plan.skipped_edited == []


def test_stale_generated_pages_of_a_reconverted_issue_are_removed(tmp_path: Path) -> None:
    folder = tmp_path / "2023" / "07"
    folder.mkdir(parents=True)
    (folder / "23.md").write_text(page({"title": "旧"}, "旧。\n"), "utf-8")
    plan = plan_writes(tmp_path, {"2023/07/01.md": "x"}, force=False, folders=("2023/07",))
    assert plan.remove == ["2023/07/23.md"]


def test_failed_write_leaves_the_folder_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "old.md").write_text("旧", "utf-8")

    def fail(folder: Path) -> None:
        raise OSError("disk full")

    # The new files are written (under temporary names) when the disk is flushed.
    monkeypatch.setattr(writer.durable, "sync", fail)
    with pytest.raises(OSError):
        write_atomically(docs, {"new.md": "新", "old.md": "改", "2023/07/01.md": "一"})
    assert sorted(p.name for p in docs.iterdir()) == ["old.md"]
    assert (docs / "old.md").read_text("utf-8") == "旧"
    assert [p.name for p in tmp_path.iterdir()] == ["docs"]  # no journal left behind


def test_write_replaces_the_folder_contents(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write_atomically(docs, {"2023/07/01.md": "一"})
    write_atomically(docs, {"2023/07/02.md": "二"}, remove=("2023/07/01.md",))
    assert sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md")) == ["2023/07/02.md"]
