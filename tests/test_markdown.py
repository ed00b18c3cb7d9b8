import markdown as python_markdown
import pytest
from bs4 import BeautifulSoup

from converter.site.markdown import escape, linkify


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
    escaped = escape(text)
    assert escaped != text  # every case has characters Markdown or HTML would act on
    rendered = BeautifulSoup(to_html(escaped), "html.parser")
    # One plain paragraph (no link, emphasis, heading, list, table, script or image)
    # whose text is exactly the input.
    assert [element.name for element in rendered.find_all(True)] == ["p"]
    assert rendered.get_text() == text


def test_only_http_urls_become_links() -> None:
    html = to_html(
        linkify("见 https://www.ansi.org/a_b 和 javascript:alert(1) 与 data:text/html,x")
    )
    assert '<a href="https://www.ansi.org/a_b">' in html
    assert "javascript:alert(1)" in html and 'href="javascript' not in html
    assert 'href="data:' not in html


def test_url_followed_by_sentence_punctuation_keeps_it_outside() -> None:
    assert linkify("见 https://a.org/x.") == "见 <https://a.org/x>."


def test_a_url_ends_where_full_width_text_begins() -> None:
    assert linkify("见 https://a.org/x。下文") == "见 <https://a.org/x>。下文"
    assert linkify("（https://a.org/y）") == "（<https://a.org/y>）"
