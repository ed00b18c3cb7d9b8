"""The variant corpus: issues described as data, laid out as the export lays them out.

``spec`` describes an issue (summary, sections, articles, footnotes, tables);
``layout`` turns a description into export text the way the extractor writes one
(converter/FORMAT.md parts 1–2); ``catalogue`` names the variants, each a plausible
difference from the sample with a one-line reason; ``truth`` reads a converted issue
back into the description's terms, so a test compares the converter's result with
what the generator knows to be true.

``benchmarks/generate.py`` has no layout code to share: it cuts the sample's own
export lines at its articles, reorders them and swaps Chinese characters in place,
so every line keeps the sample's layout. This generator lays out text it has never
seen, which is what a variant needs.
"""
