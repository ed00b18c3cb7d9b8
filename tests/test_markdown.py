import markdown as python_markdown
import pytest

from converter.markdown import escape, linkify


def to_html(text: str) -> str:
    return python_markdown.markdown(text, extensions=["tables", "attr_list", "md_in_html"])


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "**不是粗体** 和 _不是斜体_ 和 `不是代码`",
        "[链接](javascript:alert(1))",
        "# 不是标题",
        "2022. 不是列表",
        "- 不是列表",
        "a | b | c",
        "{: .class } 与 &amp; 实体",
    ],
)
def test_escaped_text_renders_as_itself(text: str) -> None:
    html = to_html(escape(text))
    assert "<script" not in html and "<img" not in html and "<a " not in html
    assert "<strong>" not in html and "<em>" not in html and "<h1>" not in html
    assert "<li>" not in html and "<code>" not in html


def test_only_http_urls_become_links() -> None:
    html = to_html(
        linkify("见 https://www.ansi.org/a_b 和 javascript:alert(1) 与 data:text/html,x")
    )
    assert '<a href="https://www.ansi.org/a_b">' in html
    assert "javascript:alert(1)" in html and 'href="javascript' not in html
    assert 'href="data:' not in html


def test_url_followed_by_sentence_punctuation_keeps_it_outside() -> None:
    assert linkify("见 https://a.org/x.") == "见 <https://a.org/x>."
