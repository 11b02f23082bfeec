"""A `SourceRecord`'s CSL fields, cleaned once for every style.

Text fields get folded whitespace and curly quotes; names become `Name`s;
dates become `Date`s; a field of the wrong shape is a `BriefdeckError` that
names the source and the field. Absent fields are empty strings or None, and
styles print only what is there: nothing here guesses a place or a date.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any, Mapping

from briefdeck.citations.dates import Date, parse_date
from briefdeck.citations.names import Name, display_name, is_east_asian
from briefdeck.citations.ranges import cited_paragraphs, merge_locators
from briefdeck.citations.typography import curly, en_dash_ranges, fold_whitespace
from briefdeck.errors import BriefdeckError, Problem
from briefdeck.sources.model import Citation, SourceRecord

# Types whose title names a whole work (italic); the rest are parts of a
# container (a post in a blog, an article in a journal) and are quoted.
WHOLE_WORK_TYPES = frozenset({"book", "report", "thesis", "manuscript", "pamphlet", "dataset",
                              "motion_picture", "broadcast", "map", "software", "standard"})

_LEADING_ARTICLES = ("a ", "an ", "the ")

# Words Chicago's headline style leaves in lower case (articles, prepositions, coordinating
# conjunctions): they do not count towards a short title's four words, and it does not end on one.
MINOR_WORDS = frozenset("""a an the and but or nor for so yet as at by in of off on per to up via
    from into onto with over than upon about above across after against along among around before
    behind below beneath beside between beyond despite during except inside like near outside past
    since through throughout toward towards under underneath until unto versus within without""".split())
SHORT_TITLE_WORDS = 4


@dataclass(frozen=True)
class Work:
    """What the styles need from one record."""

    id: str
    type: str
    title: str
    title_short: str
    authors: tuple[Name, ...]
    container: str  # the blog, journal, newspaper or report a part belongs to
    publisher: str
    place: str
    issued: Date | None
    accessed: Date | None
    volume: str
    issue: str
    page: str
    url: str  # the DOI as a https://doi.org/ link when the record has one (both guides prefer it)
    genre: str = ""  # "Country narrative", "PhD diss.", "Working paper"
    number: str = ""  # a report's number: "A/HRC/25/63"
    edition: str = ""  # "2nd ed."
    medium: str = ""  # "Video", "PDF"
    archive: str = ""  # where an unpublished work is kept, with its place and box
    archive_place: str = ""
    archive_location: str = ""
    year_suffix: str = ""  # "a", "b": set by `year_letters.with_year_letters` for author-date styles
    editors: tuple[Name, ...] = ()  # of the book a chapter is in, or of an edited book without authors

    @property
    def creators(self) -> tuple[Name, ...]:
        """Who a citation names first: the authors, or the editors of an edited book without any."""
        return self.authors or self.editors

    @property
    def edited(self) -> bool:
        """True when the editors stand in the authors' place (an edited book)."""
        return not self.authors and bool(self.editors)

    @property
    def is_part(self) -> bool:
        """True when the title is a part of a larger work: a chapter, post, article."""
        return self.type not in WHOLE_WORK_TYPES or bool(self.container)

    @property
    def publisher_is_author(self) -> bool:
        """True when a single organization is both author and publisher."""
        return (len(self.authors) == 1 and bool(self.authors[0].literal)
                and self.authors[0].literal.casefold() == self.publisher.casefold())


@functools.lru_cache(maxsize=1024)
def work_of(record: SourceRecord) -> Work:
    """The record's fields, cleaned; raises BriefdeckError on a malformed field.

    Cached: a deck words every note of a work from the same record, thousands of times in a
    long brief. A record equals another only with the same fields, so an edited record is read anew.
    """
    csl = record.csl
    return Work(
        id=record.id,
        type=_text(csl, "type", record.id) or "document",
        title=_text(csl, "title", record.id) or record.id,
        title_short=_text(csl, "title-short", record.id),
        authors=_names(csl.get("author"), record.id, "author"),
        container=_text(csl, "container-title", record.id),
        publisher=_text(csl, "publisher", record.id),
        place=_text(csl, "publisher-place", record.id),
        issued=parse_date(csl.get("issued"), source_id=record.id, field="issued"),
        accessed=parse_date(csl.get("accessed"), source_id=record.id, field="accessed"),
        volume=_text(csl, "volume", record.id),
        issue=_text(csl, "issue", record.id),
        page=en_dash_ranges(_text(csl, "page", record.id)),
        url=_doi(csl, record.id) or _url(csl, record.id),
        genre=_text(csl, "genre", record.id),
        number=_text(csl, "number", record.id),
        edition=edition_label(_text(csl, "edition", record.id)),
        medium=_text(csl, "medium", record.id),
        archive=_text(csl, "archive", record.id),
        archive_place=_text(csl, "archive-place", record.id),
        archive_location=_text(csl, "archive_location", record.id),
        year_suffix=_text(csl, "year-suffix", record.id),
        editors=_names(csl.get("editor"), record.id, "editor"),
    )


def edition_label(edition: str) -> str:
    """ "2" or "2nd" → "2nd ed."; an edition in words ("Revised edition") stays as written."""
    number = edition.removesuffix(".").removesuffix(" ed").strip()
    digits = number.rstrip("stndrh")
    if not digits.isdigit():
        return edition
    value = int(digits)
    ending = "th" if 10 <= value % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
    return f"{value}{ending} ed."


def paragraph_label(citation: Citation, style: str) -> str:
    """ "par. 8" (Chicago) or "para. 8" (APA), "pars. 3–4" for a merged citation; "" for a whole source.

    A sentence locator cites its paragraph: readers find paragraphs, not
    sentence numbers.
    """
    return merge_locators(cited_paragraphs(citation), style)


def page_label(citation: Citation, abbreviation: str) -> str:
    """ "212" (Chicago) or "p. 212" (APA) for a paragraph of a paginated source; "" otherwise."""
    if citation.paragraph is None or not citation.page:
        return ""
    return f"{abbreviation} {citation.page}".strip()


def speaker_of(citation: Citation) -> str:
    """The other party whose words the source relays, cleaned, or ""."""
    return curly(fold_whitespace(citation.speaker)) if citation.speaker else ""


def without_article(title: str) -> str:
    """The title without a leading "A", "An" or "The" (for short titles and sorting)."""
    lowered = title.casefold()
    for article in _LEADING_ARTICLES:
        if lowered.startswith(article) and len(title) > len(article):
            return title[len(article):]
    return title


def short_title(work: Work) -> str:
    """A title short enough for a short note: the record's ``title-short``, else
    the main title (before any colon) cut after four words that count.

    Rules, so that a reader can predict the result: a leading article is
    dropped; minor words (of, and, the…) ride along without counting; the title
    is cut before a lower-case major word (in a headline-style title only minor
    words are lower case, so such a word starts a predicate: "State
    Department Report finds…" → "State Department Report"); it never ends on a
    minor word. "Democratic People’s Republic of Korea" stays whole. A title in
    sentence case or lower case (most major words lower case) is not cut that
    way: there a lower-case word says nothing.
    """
    if work.title_short:
        return work.title_short
    main = without_article(work.title.split(": ")[0])
    words = main.split()
    major = [w for w in words[1:] if w.strip("“”‘’\"'(),;:—–-").casefold() not in MINOR_WORDS]
    headline_style = sum(w[:1].isupper() for w in major) * 2 >= len(major)
    kept: list[str] = []
    counted = 0
    for word in words:
        bare = word.strip("“”‘’\"'(),;:—–-").casefold()
        if kept and headline_style and word[:1].islower() and bare not in MINOR_WORDS:
            break
        kept.append(word)
        counted += bare not in MINOR_WORDS
        if counted == SHORT_TITLE_WORDS:
            break
    while len(kept) > 1 and kept[-1].strip("“”‘’\"'(),;:—–-").casefold() in MINOR_WORDS:
        kept.pop()
    return " ".join(kept).rstrip(",;:—–-") if kept else main


def _text(csl: Mapping[str, Any], field: str, source_id: str) -> str:
    value = csl.get(field)
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise _bad(source_id, field, f"expected text, found {type(value).__name__}")
    return curly(fold_whitespace(str(value)))


def _doi(csl: Mapping[str, Any], source_id: str) -> str:
    """The DOI as a link: "10.1000/xyz" → "https://doi.org/10.1000/xyz" (APA 7 9.34; Chicago likewise)."""
    bare = _address(csl, "DOI", source_id).removeprefix("doi:").strip()
    if not bare:
        return ""
    return bare if bare.startswith(("https://", "http://")) else f"https://doi.org/{bare}"


def _url(csl: Mapping[str, Any], source_id: str) -> str:
    return _address(csl, "URL", source_id)


def _address(csl: Mapping[str, Any], field: str, source_id: str) -> str:
    """A URL or DOI, never retyped: "&" and quotes stay exactly as given."""
    value = csl.get(field)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise _bad(source_id, field, f"expected text, found {type(value).__name__}")
    return value.strip()


def _names(value: Any, source_id: str, field: str) -> tuple[Name, ...]:
    if value is None:
        return ()
    if isinstance(value, (str, dict)):
        value = [value]
    if not isinstance(value, list):
        raise _bad(source_id, field, f"expected a list of names, found {type(value).__name__}")
    names = []
    for item in value:
        if isinstance(item, str):
            item = {"literal": item}
        if not isinstance(item, dict):
            raise _bad(source_id, field, f"expected {{family, given}} or {{literal}}, found {item!r}")
        fields = {}
        for key in ("family", "given", "literal", "dropping-particle", "non-dropping-particle", "suffix"):
            raw = item.get(key)
            if raw is not None and not isinstance(raw, str):
                raise _bad(source_id, field, f"'{key}' should be text, found {raw!r}")
            fields[key.replace("-", "_")] = curly(fold_whitespace(raw or ""))
        own_order = item.get("static-ordering") is True or is_east_asian(fields["family"] + fields["given"])
        name = Name(**fields, family_first=own_order and not fields["literal"])
        if not (name.family or name.given or name.literal):
            raise _bad(source_id, field, f"a name needs family, given or literal, found {item!r}")
        names.append(name)
    return tuple(names)


def _bad(source_id: str, field: str, detail: str) -> BriefdeckError:
    return BriefdeckError(Problem(
        f"source '{source_id}': field '{field}': {detail}",
        hint="see the CSL-JSON fields in sources.yaml: author is a list of {family, given} or {literal}",
        code="bad-record",
    ))


def author_names(record: SourceRecord) -> str:
    """The record's authors as a note names them ("Robert R. King"), "" when it has none."""
    return ", ".join(display_name(name) for name in work_of(record).authors)
