"""The footnotes extension that shows the source's numbers (converter/site/footnote_numbers.py),
run through Python-Markdown as MkDocs and Zensical run it: loaded by name from
mkdocs.yml's list, with the options written there."""

from __future__ import annotations

from pathlib import Path

import markdown
import yaml
from bs4 import BeautifulSoup, Tag

from converter.site.footnote_numbers import shown_number

ROOT = Path(__file__).resolve().parent.parent
NAME = "converter.site.footnote_numbers"


def configured_options() -> dict[str, object]:
    """The extension's options as mkdocs.yml sets them (its only tag-free part read)."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    for entry in config["markdown_extensions"]:
        if isinstance(entry, dict) and NAME in entry:
            return dict(entry[NAME] or {})
    raise AssertionError(f"mkdocs.yml does not load {NAME}")


def render(text: str, **options: object) -> BeautifulSoup:
    html = markdown.markdown(text, extensions=[NAME], extension_configs={NAME: options})
    return BeautifulSoup(html, "html.parser")


def references(soup: BeautifulSoup) -> list[tuple[str, str]]:
    return [(str(a["href"]), a.get_text()) for a in soup.select("sup > a.footnote-ref")]


def items(soup: BeautifulSoup) -> list[Tag]:
    return soup.select("div.footnote > ol > li")


def test_a_numbered_note_shows_its_number_not_its_place() -> None:
    soup = render("正文[^16]，又见[^17]。\n\n[^16]: 第十六条。\n[^17]: 第十七条。\n")
    assert references(soup) == [("#fn:16", "16"), ("#fn:17", "17")]
    assert [(li["id"], li["value"]) for li in items(soup)] == [("fn:16", "16"), ("fn:17", "17")]


def test_the_back_link_title_is_the_configured_one_with_the_number() -> None:
    options = configured_options()
    soup = render("正文[^16]。\n\n[^16]: 第十六条。\n", **options)
    backlink = soup.select_one("a.footnote-backref")
    assert backlink is not None
    assert backlink["title"] == str(options["BACKLINK_TITLE"]).format(16)
    assert backlink["title"] == "回到正文中注释 16 的位置"


def test_a_note_referenced_twice_shows_its_number_at_both_places() -> None:
    soup = render("甲[^7]乙[^7]。\n\n[^7]: 注。\n", BACKLINK_TITLE="回到注释 {}")
    assert [text for _, text in references(soup)] == ["7", "7"]
    titles = [a["title"] for a in soup.select("a.footnote-backref")]
    assert titles == ["回到注释 7", "回到注释 7"]


def test_a_repeated_source_number_keeps_its_number_on_both_notes() -> None:
    """The converter labels a number the export repeats on one page ``7-<key>``."""
    soup = render("甲[^7-3]乙[^7-4]。\n\n[^7-3]: 一。\n[^7-4]: 二。\n")
    assert [text for _, text in references(soup)] == ["7", "7"]
    assert [li["value"] for li in items(soup)] == ["7", "7"]


def test_another_label_shows_its_place_in_the_list() -> None:
    soup = render("甲[^16]乙[^编者注]。\n\n[^16]: 一。\n[^编者注]: 二。\n")
    assert [text for _, text in references(soup)] == ["16", "2"]
    assert [li["value"] for li in items(soup)] == ["16", "2"]


def test_notes_in_reference_order_keep_their_numbers() -> None:
    soup = render("甲[^9]乙[^8]。\n\n[^8]: 八。\n[^9]: 九。\n", USE_DEFINITION_ORDER=False)
    assert references(soup) == [("#fn:9", "9"), ("#fn:8", "8")]
    assert [(li["id"], li["value"]) for li in items(soup)] == [("fn:9", "9"), ("fn:8", "8")]


def test_the_markdown_and_the_links_are_python_markdowns() -> None:
    """Same ids, classes and links as the footnotes extension (Material's tooltips and
    the site's checks read them); only the numbers shown differ."""
    text = "甲[^3]乙[^5]。\n\n[^3]: 三。\n[^5]: 五。\n"
    plain = BeautifulSoup(markdown.markdown(text, extensions=["footnotes"]), "html.parser")
    assert skeleton(render(text)) == skeleton(plain)


def skeleton(soup: BeautifulSoup) -> list[tuple[object, ...]]:
    return [(t.name, t.get("id"), t.get("class"), t.get("href")) for t in soup.find_all(True)]


def test_a_page_without_notes_is_left_alone() -> None:
    assert str(render("正文。")) == markdown.markdown("正文。", extensions=["footnotes"])


def test_shown_number() -> None:
    assert shown_number("16", 1) == 16
    assert shown_number("016", 1) == 16
    assert shown_number("16-3", 1) == 16
    assert shown_number("note", 2) == 2
    assert shown_number("16a", 3) == 3
    assert shown_number("１６", 4) == 4  # full-width digits are not the export's numbers
