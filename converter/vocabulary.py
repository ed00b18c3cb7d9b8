"""The editors' vocabularies in ``data/``: sections and tags (YAML, read safely)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
TAG_GROUPS = ("organizations", "regions", "topics")


@dataclass(frozen=True)
class Tag:
    name: str
    aliases: tuple[str, ...]


def data_file(name: str, data_dir: Path | None) -> Path:
    return (data_dir or DATA_DIR) / name


def load_yaml(path: Path) -> dict[str, object]:
    if not path.exists():
        return {}
    loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(loaded, dict):
        raise ValueError(f"{path}:1: expected a mapping at the top level")
    return loaded


def load_sections(data_dir: Path | None = None) -> frozenset[str]:
    sections = load_yaml(data_file("sections.yml", data_dir)).get("sections") or []
    if not isinstance(sections, list):
        raise ValueError(f"{data_file('sections.yml', data_dir)}:1: 'sections' must be a list")
    return frozenset(str(section) for section in sections)


def load_tags(data_dir: Path | None = None) -> tuple[Tag, ...]:
    return load_tags_file(data_file("tags.yml", data_dir))


@cache
def load_tags_file(path: Path) -> tuple[Tag, ...]:
    """Read once per process: every issue of a run is tagged from the same file."""
    loaded = load_yaml(path)
    tags: list[Tag] = []
    for group in TAG_GROUPS:
        entries = loaded.get(group) or []
        if not isinstance(entries, list):
            raise ValueError(f"{path}:1: '{group}' must be a list of tags")
        for entry in entries:
            if not isinstance(entry, dict) or not entry.get("name"):
                raise ValueError(f"{path}:1: every tag in '{group}' needs a name: {entry!r}")
            name = str(entry["name"])
            aliases = tuple(str(alias) for alias in entry.get("aliases") or [name])
            tags.append(Tag(name=name, aliases=aliases))
    return tuple(tags)


def load_tag_names(data_dir: Path | None = None) -> frozenset[str]:
    return frozenset(tag.name for tag in load_tags(data_dir))
