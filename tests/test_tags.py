from converter.model import Article, Paragraph, Text
from converter.passes.tags import tag_articles
from converter.vocabulary import Tag, load_tags

VOCABULARY = (
    Tag("ISO", ("ISO", "国际标准化组织"), "organizations"),
    Tag("ANSI", ("ANSI", "美国国家标准学会"), "organizations"),
    Tag("电动汽车", ("电动汽车",), "topics"),
    Tag("人工智能", ("人工智能", "AI"), "topics"),
)


def article(title: str, *paragraphs: str) -> Article:
    blocks = tuple(Paragraph(lines=(), text=Text(p)) for p in paragraphs)
    return Article(1, title, None, "", (), blocks, 1)


def tags(title: str, *paragraphs: str) -> tuple[str, ...]:
    (tagged,) = tag_articles((article(title, *paragraphs),), VOCABULARY)
    return tagged.tags


def test_alias_in_the_title_tags_the_article() -> None:
    assert tags("美国国家标准学会发布路线图") == ("ANSI",)


def test_one_passing_mention_in_the_body_is_not_enough() -> None:
    assert tags("某标题", "某日，某机构开会。", "提到一次电动汽车。") == ()
    assert tags("某标题", "某日，某机构开会。", "电动汽车很多。", "电动汽车更多。") == ("电动汽车",)


def test_a_mention_in_the_lead_paragraph_is_enough() -> None:
    assert tags("某标题", "某日，某机构发布电动汽车报告。", "正文。") == ("电动汽车",)


def test_only_the_first_paragraph_is_the_lead() -> None:
    assert tags("某标题", "某日，某机构开会。", "会上提到电动汽车。") == ()


def test_a_sentence_counts_once_however_often_it_names_the_tag() -> None:
    lead = "某日，某机构开会。"
    assert tags("某标题", lead, "电动汽车充电与电动汽车维修。") == ()
    assert tags("某标题", lead, "电动汽车充电很快。电动汽车维修很贵。") == ("电动汽车",)
    assert tags("某标题", lead, "（1）电动汽车充电；（2）电动汽车维修。") == ("电动汽车",)


def test_a_full_name_and_its_abbreviation_are_one_mention() -> None:
    lead = "某日，某机构开会。"
    assert tags("某标题", lead, "会议邀请了美国国家标准学会（ANSI）的专家。") == ()
    assert tags("某标题", lead, "会议邀请了美国国家标准学会（ANSI）。ANSI 派人出席。") == ("ANSI",)


def test_an_organisation_name_after_a_count_is_a_kind_of_organisation() -> None:
    assert tags("多个国际标准化组织联合发表声明") == ()
    assert tags("某标题", "某日，5 家国际标准化组织的代表开会。") == ()
    assert tags("某标题", "某日，各国际标准化组织开会。") == ()
    assert tags("ISO 与其他国际标准化组织开会") == ("ISO",)
    assert tags("国际标准化组织召开大会") == ("ISO",)


def test_a_count_before_a_topic_still_mentions_it() -> None:
    assert tags("三个电动汽车项目启动") == ("电动汽车",)


def test_a_standard_code_is_not_a_mention_of_its_publisher() -> None:
    lead = "某日，某机构开会。"
    assert tags("某标题", lead, "修订 ISO 9001。", "参考 ISO/IEC 27001:2022。") == ()
    assert tags("某标题", lead, "修订 ISO 9001。", "ISO 派人出席。", "ISO 表示支持。") == ("ISO",)


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
