"""The tags of the sample issue against the hand-labelled tags (tests/fixtures/tag_labels.yml).

``python -m tests.tag_quality`` prints the figures and every miss.
"""

from __future__ import annotations

from converter.vocabulary import load_tag_names
from tests.tag_quality import converted_tags, load_labels, measure, report

# Floors just under what the tags pass measures today (0.931 and 0.953, 81 right tags of
# 87 given and 85 labelled; converter/FORMAT.md §3.9): one more wrong tag (81/88 = 0.920)
# or one lost right tag (80/85 = 0.941) falls below them. Raise them when tagging improves.
MIN_PRECISION = 0.93
MIN_RECALL = 0.95


def test_every_label_is_a_vocabulary_tag_with_a_reason() -> None:
    names = load_tag_names()
    for label in load_labels():
        for tag, reason in label.tags.items():
            assert tag in names, f"{label.page}: {tag} is not in data/tags.yml"
            assert reason and reason.strip(), f"{label.page}: {tag} has no reason"


def test_the_labels_cover_every_article_of_the_sample() -> None:
    labels = load_labels()
    assert [label.page for label in labels] == sorted(converted_tags())


def test_precision_and_recall_stay_above_their_floors() -> None:
    quality = measure(load_labels(), converted_tags())
    assert quality.precision >= MIN_PRECISION, report(quality)
    assert quality.recall >= MIN_RECALL, report(quality)
