"""A `SourceRecord`'s CSL fields, cleaned once for every style.

Text fields get folded whitespace and curly quotes; names become `Name`s;
dates become `Date`s; a field of the wrong shape is a `BriefdeckError` that
names the source and the field. Absent fields are empty strings or None, and
styles print only what is there: nothing here guesses a place or a date.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from briefdeck.citations.dates import Date, parse_date
from briefdeck.citations.names import Name, display_name
from briefdeck.citations.typography import curly, en_dash_ranges, fold_whitespace
from briefdeck.deck.model import Citation
from briefdeck.errors import BriefdeckError, Problem
from briefdeck.sources.model import SourceRecord

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
    url: str

    @property
    def is_part(self) -> bool:
        """True when the title is a part of a larger work: a chapter, post, article."""
        return self.type not in WHOLE_WORK_TYPES or bool(self.container)

    @property
    def publisher_is_author(self) -> bool:
        """True when a single organization is both author and publisher."""
        return (len(self.authors) == 1 and bool(self.authors[0].literal)
                and self.authors[0].literal.casefold() == self.publisher.casefold())


def work_of(record: SourceRecord) -> Work:
    """The record's fields, cleaned; raises BriefdeckError on a malformed field."""
    csl = record.csl
    return Work(
        id=record.id,
        type=_text(csl, "type", record.id) or "document",
        title=_text(csl, "title", record.id) or record.id,
        title_short=_text(csl, "title-short", record.id),
        authors=_names(csl.get("author"), record.id),
        container=_text(csl, "container-title", record.id),
        publisher=_text(csl, "publisher", record.id),
        place=_text(csl, "publisher-place", record.id),
        issued=parse_date(csl.get("issued"), source_id=record.id, field="issued"),
        accessed=parse_date(csl.get("accessed"), source_id=record.id, field="accessed"),
        volume=_text(csl, "volume", record.id),
        issue=_text(csl, "issue", record.id),
        page=en_dash_ranges(_text(csl, "page", record.id)),
        url=_url(csl, record.id),
    )


def paragraph_label(citation: Citation, abbreviation: str) -> str:
    """ "par. 8" (Chicago) or "para. 8" (APA); "" for a whole-source citation.

    A sentence locator cites its paragraph: readers find paragraphs, not
    sentence numbers.
    """
    if citation.paragraph is None:
        return ""
    return f"{abbreviation} {citation.paragraph}"


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
    minor word. "Democratic People’s Republic of Korea" stays whole.
    """
    if work.title_short:
        return work.title_short
    main = without_article(work.title.split(": ")[0])
    words = main.split()
    kept: list[str] = []
    counted = 0
    for word in words:
        bare = word.strip("“”‘’\"'(),;:—–-").casefold()
        if kept and word[:1].islower() and bare not in MINOR_WORDS:
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


def _url(csl: Mapping[str, Any], source_id: str) -> str:
    value = csl.get("URL")
    if value is None:
        return ""
    if not isinstance(value, str):
        raise _bad(source_id, "URL", f"expected text, found {type(value).__name__}")
    return value.strip()  # never retyped: "&" and quotes stay exactly as given


def _names(value: Any, source_id: str) -> tuple[Name, ...]:
    if value is None:
        return ()
    if isinstance(value, (str, dict)):
        value = [value]
    if not isinstance(value, list):
        raise _bad(source_id, "author", f"expected a list of names, found {type(value).__name__}")
    names = []
    for item in value:
        if isinstance(item, str):
            item = {"literal": item}
        if not isinstance(item, dict):
            raise _bad(source_id, "author", f"expected {{family, given}} or {{literal}}, found {item!r}")
        fields = {}
        for key in ("family", "given", "literal", "dropping-particle", "non-dropping-particle", "suffix"):
            raw = item.get(key)
            if raw is not None and not isinstance(raw, str):
                raise _bad(source_id, "author", f"'{key}' should be text, found {raw!r}")
            fields[key.replace("-", "_")] = curly(fold_whitespace(raw or ""))
        name = Name(**fields)
        if not (name.family or name.given or name.literal):
            raise _bad(source_id, "author", f"a name needs family, given or literal, found {item!r}")
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
