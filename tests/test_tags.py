from converter.model import Article, Paragraph, Text
from converter.passes.tags import tag_articles
from converter.vocabulary import Tag, load_tags

VOCABULARY = (
    Tag("ISO", ("ISO", "国际标准化组织")),
    Tag("ANSI", ("ANSI", "美国国家标准学会")),
    Tag("电动汽车", ("电动汽车",)),
    Tag("人工智能", ("人工智能", "AI")),
)


def article(title: str, *paragraphs: str) -> Article:
    blocks = tuple(Paragraph(lines=(), text=Text(p)) for p in paragraphs)
    return Article(1, title, None, "", (), blocks, 1)


def tags(title: str, *paragraphs: str) -> tuple[str, ...]:
    (tagged,) = tag_articles((article(title, *paragraphs),), VOCABULARY)
    return tagged.tags


def test_alias_in_the_title_tags_the_article() -> None:
    assert tags("美国国家标准学会发布路线图") == ("ANSI",)


def test_one_passing_mention_in_the_text_is_not_enough() -> None:
    assert tags("某标题", "提到一次电动汽车。") == ()
    assert tags("某标题", "电动汽车很多。", "电动汽车更多。") == ("电动汽车",)


def test_latin_aliases_match_whole_words_only() -> None:
    assert tags("ISOLATION 与 MAIN 与 PAINT", "ISOLATION。MAIN，PAINT") == ()
    assert tags("ISO 发布标准") == ("ISO",)
    assert tags("关于 AI 的报告") == ("人工智能",)


def test_tags_keep_the_vocabulary_order() -> None:
    assert tags("电动汽车与国际标准化组织与美国国家标准学会") == ("ISO", "ANSI", "电动汽车")


def test_the_repository_vocabulary_loads() -> None:
    loaded = load_tags()
    names = [tag.name for tag in loaded]
    assert len(names) == len(set(names))
    assert {"ANSI", "IEC", "ISO", "ITU", "电动汽车", "人工智能", "网络安全", "能效", "量子"} <= set(
        names
    )
    assert all(tag.aliases for tag in loaded)
