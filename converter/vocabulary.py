"""The editors' vocabularies in ``data/``: sections and tags (YAML, read safely)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
TAG_GROUPS = ("organizations", "regions", "topics")
# A tag page's file name: lower-case ASCII words joined by hyphens.
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Tag:
    name: str
    aliases: tuple[str, ...]
    group: str = ""  # one of TAG_GROUPS
    slug: str = ""  # the tag page's name: docs/tags/<slug>.md


def tag_slug(name: str) -> str:
    """A tag's page name when data/tags.yml gives none: the name in lower case if it
    is ASCII ("ISO" → "iso"), else "tag-" and a hash of the name (stable, whatever
    the tag's position in the file)."""
    ascii_slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    if name.isascii() and ascii_slug:
        return ascii_slug
    return "tag-" + hashlib.sha256(name.encode("utf-8")).hexdigest()[:8]


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
    return frozenset(load_section_order(data_dir))


def load_section_order(data_dir: Path | None = None) -> tuple[str, ...]:
    """The sections in the order the bulletin usually prints them (the file's order)."""
    sections = load_yaml(data_file("sections.yml", data_dir)).get("sections") or []
    if not isinstance(sections, list):
        raise ValueError(f"{data_file('sections.yml', data_dir)}:1: 'sections' must be a list")
    return tuple(dict.fromkeys(str(section) for section in sections))


def load_tags(data_dir: Path | None = None) -> tuple[Tag, ...]:
    return load_tags_file(data_file("tags.yml", data_dir))


@cache
def load_tags_file(path: Path) -> tuple[Tag, ...]:
    """Read once per process: every issue of a run is tagged from the same file."""
    loaded = load_yaml(path)
    tags: list[Tag] = []
    seen: dict[str, str] = {}  # slug → tag name
    for group in TAG_GROUPS:
        entries = loaded.get(group) or []
        if not isinstance(entries, list):
            raise ValueError(f"{path}:1: '{group}' must be a list of tags")
        for entry in entries:
            if not isinstance(entry, dict) or not entry.get("name"):
                raise ValueError(f"{path}:1: every tag in '{group}' needs a name: {entry!r}")
            name = str(entry["name"])
            aliases = tuple(str(alias) for alias in entry.get("aliases") or [name])
            slug = str(entry.get("slug") or tag_slug(name))
            if not SLUG.match(slug):
                raise ValueError(f"{path}:1: tag {name}: slug {slug!r} is not a-z, 0-9 and '-'")
            if slug in seen:
                raise ValueError(f"{path}:1: tags {seen[slug]} and {name} have one slug {slug!r}")
            seen[slug] = name
            tags.append(Tag(name=name, aliases=aliases, group=group, slug=slug))
    return tuple(tags)


def load_tag_names(data_dir: Path | None = None) -> frozenset[str]:
    return frozenset(tag.name for tag in load_tags(data_dir))
