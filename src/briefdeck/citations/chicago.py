"""Chicago notes and bibliography (The Chicago Manual of Style, 17th ed., ch. 14).

Decisions this module makes, each in one place:

- Titles are printed as the record gives them: no headline-case conversion,
  which could not know the record's intent and would change what it states.
- An organization that is both author and publisher is printed in both slots
  (CMOS 17 14.84 lets an organization stand as author even when it is also
  the publisher), so the note and the bibliography file under it.
- Locators are body-paragraph numbers: "par. 8". A sentence locator cites its
  paragraph. A whole-source citation has no locator.
- A date of issue is printed when known, else "n.d.". An
  access date is printed only when there is no date of issue (CMOS 17 14.12),
  just before the URL; for a post, article or page it then replaces the
  "n.d." ("Example Site, accessed January 15, 2024, https://…"), while a book,
  report or journal keeps "n.d." in its publication facts.
- A journal article's paragraph locator takes the place of the page after the
  colon ("(2020): par. 8"); without one the page range from the record shows.
- A title ending in "?" or "!" takes no added period.
- Notes name up to three authors, "A et al." for four or more (CMOS 17 14.76);
  the bibliography lists up to ten, else the first seven and "et al.".
"""

from __future__ import annotations

from typing import Iterable

from briefdeck.citations.compose import Line, join, sentence
from briefdeck.citations.dates import long_date
from briefdeck.citations.names import and_list, display_name, fold_for_sorting, inverted_name, sort_key
from briefdeck.citations.text import Formatted
from briefdeck.citations.work import (Work, page_label, paragraph_label, short_title, speaker_of, without_article,
                                      work_of)
from briefdeck.deck.model import Citation
from briefdeck.sources.model import SourceRecord

NOTE_AUTHOR_LIMIT = 3  # four or more: the first and "et al."
BIBLIOGRAPHY_AUTHOR_LIMIT = 10  # more than ten: the first seven and "et al."
BIBLIOGRAPHY_AUTHORS_SHOWN = 7

# How a work is cited depends on what kind of thing it is.
JOURNAL, WHOLE, CHAPTER, PERIODICAL, POST = "journal", "whole", "chapter", "periodical", "post"
_CHAPTER_TYPES = frozenset({"report", "chapter", "entry-encyclopedia", "entry-dictionary", "paper-conference"})
_PERIODICAL_TYPES = frozenset({"article-newspaper", "article-magazine"})
_DATE_STANDS_ALONE = frozenset({PERIODICAL, POST})  # no publication facts around the date


class ChicagoNote:
    """Chicago notes-bibliography: a full note at first citation, short notes after."""

    name = "chicago-note"
    bibliography_heading = "Bibliography"
    author_date = False

    def note(self, citation: Citation, *, first: bool) -> Formatted:
        """The handout's footnote: the full note the first time, the short note after."""
        return self.full_note(citation) if first else self.short_note(citation)

    def full_note(self, citation: Citation) -> Formatted:
        """ "Robert R. King, “Title,” *The Peninsula* (blog), Publisher, July 24, 2019, par. 17." """
        work = work_of(citation.record)
        kind = _kind(work)
        locator = self.locator_label(citation)
        date, accessed = _dates(work, kind)
        title = Line().quoted(work.title)
        if kind == JOURNAL:  # the locator takes the page's place after the colon
            middle = [title, _journal(work, date, locator or work.page)]
            locator = ""
        elif kind == WHOLE:  # *Title* (Place: Publisher, date)
            middle = [join([Line(work.title, italic=True), _facts(work, date)], " ")]
        elif kind == CHAPTER:  # “Chapter,” in *Report* (Publisher, date)
            inside = Line("in ").text(work.container, italic=True) if work.container else None
            middle = [title, join([inside, _facts(work, date)], " ")]
        elif kind == PERIODICAL:
            middle = [title, Line(work.container, italic=True), date]
        else:
            middle = [title, _container(work), _other_publisher(work), date]
        parts = [_note_authors(work), *middle, locator, accessed, Line().link(work.url)]
        return _with_speaker(citation, join(parts, ", ")).punct(".").spans()

    def short_note(self, citation: Citation) -> Formatted:
        """ "King, “State Department Report,” par. 17." (CMOS 17 14.29–33)."""
        work = work_of(citation.record)
        title = short_title(work)
        parts = [_short_authors(work), Line().quoted(title) if work.is_part else Line(title, italic=True),
                 self.locator_label(citation)]
        return _with_speaker(citation, join(parts, ", ")).punct(".").spans()

    def in_text(self, citation: Citation) -> Formatted:
        """Nothing: in the notes system the note carries the citation."""
        return ()

    def bibliography_entry(self, record: SourceRecord) -> Formatted:
        """ "King, Robert R. “Title.” *The Peninsula* (blog). Publisher, July 24, 2019." """
        work = work_of(record)
        kind = _kind(work)
        date, accessed = _dates(work, kind)
        title = Line().quoted(work.title)
        if kind == JOURNAL:
            middle = [title, _journal(work, date, work.page)]
        elif kind == WHOLE:
            middle = [Line(work.title, italic=True), join([_imprint(work), date], ", ")]
        elif kind == CHAPTER:
            inside = Line("In ").text(work.container, italic=True) if work.container else None
            middle = [title, inside, join([_imprint(work), date], ", ")]
        elif kind == PERIODICAL:
            middle = [title, join([Line(work.container, italic=True), date], ", ")]
        else:
            middle = [title, _container(work), join([_other_publisher(work), date], ", ")]
        parts = [_bibliography_authors(work), *middle, accessed[:1].upper() + accessed[1:], Line().link(work.url)]
        return sentence(parts, ". ")

    def sort_bibliography(self, records: Iterable[SourceRecord]) -> tuple[SourceRecord, ...]:
        """By author (or title when there is none), then title, then date."""
        def key(record: SourceRecord):
            work = work_of(record)
            title = fold_for_sorting(without_article(work.title))
            date = work.issued.sort_key if work.issued else (0, 0, 0)
            return (_filing_key(work), title, date, record.id)
        return tuple(sorted(records, key=key))

    def locator_label(self, citation: Citation) -> str:
        """ "212" for a paginated source, "par. 8" for another, or "" for a whole-source citation."""
        return page_label(citation, "") or paragraph_label(citation, "par.")


def _kind(work: Work) -> str:
    if work.type == "article-journal":
        return JOURNAL
    if not work.is_part:
        return WHOLE
    if work.type in _CHAPTER_TYPES:
        return CHAPTER
    if work.type in _PERIODICAL_TYPES:
        return PERIODICAL
    return POST


def _dates(work: Work, kind: str) -> tuple[str, str]:
    """(date, access date) as the note prints them; see the module's rules."""
    if work.issued is None and work.accessed is not None:
        accessed = f"accessed {long_date(work.accessed)}"
        return ("" if kind in _DATE_STANDS_ALONE else long_date(None)), accessed
    return long_date(work.issued), ""


def _with_speaker(citation: Citation, line: Line) -> Line:
    """ "CNN, quoted in …" when the source relays another party's words (CMOS 17 14.260)."""
    speaker = speaker_of(citation)
    return Line(f"{speaker}, quoted in ").append(line) if speaker else line


def _container(work: Work) -> Line:
    """The blog, site or other container; "(blog)" marks a blog not called one (CMOS 17 14.208)."""
    if not work.container:
        return Line()
    line = Line(work.container, italic=work.type != "webpage")
    if work.type == "post-weblog" and "blog" not in work.container.casefold():
        line.text(" (blog)")
    return line


def _other_publisher(work: Work) -> str:
    """The publisher of a post or page, unless it only repeats the container's name."""
    return "" if work.publisher.casefold() == work.container.casefold() else work.publisher


def _imprint(work: Work) -> str:
    """ "Place: Publisher", or whichever of the two the record has."""
    if work.place and work.publisher:
        return f"{work.place}: {work.publisher}"
    return work.place or work.publisher


def _facts(work: Work, date: str) -> Line:
    """ "(Place: Publisher, date)"."""
    return Line("(").append(join([_imprint(work), date], ", ")).text(")")


def _journal(work: Work, date: str, after_colon: str) -> Line:
    """ "*Journal of Examples* 12, no. 3 (2020): 45–67"."""
    line = Line(work.container, italic=True)
    numbers = join([work.volume, f"no. {work.issue}" if work.issue else ""], ", ")
    if numbers:
        line.text(" ").append(numbers)
    line.text(f" ({date})")
    if after_colon:
        line.text(f": {after_colon}")
    return line


def _note_authors(work: Work) -> str:
    names = [display_name(n) for n in work.authors]
    if len(names) > NOTE_AUTHOR_LIMIT:
        return f"{names[0]} et al."
    return and_list(names)


def _short_authors(work: Work) -> str:
    names = [n.surname for n in work.authors]
    if len(names) > NOTE_AUTHOR_LIMIT:
        return f"{names[0]} et al."
    return and_list(names)


def _bibliography_authors(work: Work) -> str:
    if not work.authors:
        return ""
    first, rest = inverted_name(work.authors[0]), [display_name(n) for n in work.authors[1:]]
    if len(work.authors) > BIBLIOGRAPHY_AUTHOR_LIMIT:
        shown = [first] + rest[:BIBLIOGRAPHY_AUTHORS_SHOWN - 1]
        return ", ".join(shown) + ", et al."
    if not rest:
        return first
    return ", ".join([first] + rest[:-1]) + ", and " + rest[-1]


def _filing_key(work: Work) -> tuple:
    if work.authors:
        return tuple(sort_key(n) for n in work.authors)
    return ((fold_for_sorting(without_article(work.title)), ""),)
