"""Records from where users keep them: ``sources.yaml`` and reference managers' exports.

A sources folder may hold, beside or instead of ``sources.yaml``:
``references.json`` (CSL JSON, as Zotero exports it), ``references.yaml``
(CSL YAML), ``references.bib`` (BibTeX/BibLaTeX) and ``references.ris``.
Each format has its reader (a list of `Reference`); `load_bibliography`
reads them all and ties each record to its document.
"""

from briefdeck.sources.bibliography.load import (RECORD_FILES, REFERENCE_FILES, Bibliography, load_bibliography,
                                                record_origins)

__all__ = ["RECORD_FILES", "REFERENCE_FILES", "Bibliography", "load_bibliography", "record_origins"]
