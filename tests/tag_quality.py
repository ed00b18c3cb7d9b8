"""How well the tags pass tags the sample issue, against the hand-labelled tags of
``tests/fixtures/tag_labels.yml``: ``python -m tests.tag_quality`` prints precision,
recall and every false positive and negative.

Precision and recall are micro-averaged over article × tag pairs: every tag the
converter gives an article is one prediction, every labelled tag one truth.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from converter.passes import convert_bytes
from converter.site.paths import article_path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "archive" / "2023-07.txt"
LABELS = ROOT / "tests" / "fixtures" / "tag_labels.yml"


@dataclass(frozen=True)
class Labelled:
    page: str
    title: str
    tags: dict[str, str]  # tag → why the article is about it


@dataclass(frozen=True)
class Quality:
    true_positives: tuple[tuple[str, str], ...]  # (page, tag)
    false_positives: tuple[tuple[str, str], ...]
    false_negatives: tuple[tuple[str, str], ...]

    @property
    def precision(self) -> float:
        given = len(self.true_positives) + len(self.false_positives)
        return len(self.true_positives) / given if given else 1.0

    @property
    def recall(self) -> float:
        wanted = len(self.true_positives) + len(self.false_negatives)
        return len(self.true_positives) / wanted if wanted else 1.0


def load_labels(path: Path = LABELS) -> tuple[Labelled, ...]:
    loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    return tuple(
        Labelled(page=entry["page"], title=entry["title"], tags=dict(entry["tags"] or {}))
        for entry in loaded["articles"]
    )


def converted_tags(export: Path = SAMPLE) -> dict[str, tuple[str, tuple[str, ...]]]:
    """page → (title, tags) for every article the converter finds in the export."""
    issue, _ = convert_bytes(export.read_bytes(), str(export))
    return {
        article_path(str(issue.id), article.slug): (article.title, article.tags)
        for article in issue.articles
    }


def measure(
    labels: tuple[Labelled, ...], converted: dict[str, tuple[str, tuple[str, ...]]]
) -> Quality:
    if {label.page for label in labels} != set(converted):
        raise ValueError("the labels and the converted issue have different pages")
    true_positives, false_positives, false_negatives = [], [], []
    for label in labels:
        title, given = converted[label.page]
        if title != label.title:
            raise ValueError(f"{label.page}: labelled {label.title!r}, converted {title!r}")
        true_positives += [(label.page, tag) for tag in given if tag in label.tags]
        false_positives += [(label.page, tag) for tag in given if tag not in label.tags]
        false_negatives += [(label.page, tag) for tag in label.tags if tag not in given]
    return Quality(tuple(true_positives), tuple(false_positives), tuple(false_negatives))


def report(quality: Quality) -> str:
    lines = [
        f"precision {quality.precision:.3f} "
        f"({len(quality.true_positives)} of "
        f"{len(quality.true_positives) + len(quality.false_positives)} tags given are right)",
        f"recall    {quality.recall:.3f} "
        f"({len(quality.true_positives)} of "
        f"{len(quality.true_positives) + len(quality.false_negatives)} labelled tags found)",
        "false positives:",
        *(f"  {page} {tag}" for page, tag in quality.false_positives),
        "false negatives:",
        *(f"  {page} {tag}" for page, tag in quality.false_negatives),
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    print(report(measure(load_labels(), converted_tags())))
    sys.exit(0)
