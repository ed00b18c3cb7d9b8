"""The perturbation corpus: the real export changed in one way another issue could show.

``edit`` changes the export as the extractor would have written it (blocks, page
indents, furniture runs, paragraphs wrapped again at the sample's widths);
``truth`` reads the sample's reviewed golden pages into a plain shape, and a
converted issue's rendered pages into the same shape; ``catalogue`` names each
perturbation with its reason, its edit and the change to the truth; ``check``
converts in-process and lists the differences, merges and surplus warnings.
``python -m tests.perturbed OUT [NAME...]`` writes the perturbed exports.
"""
