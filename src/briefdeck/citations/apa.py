"""APA author-date citations and reference list (Publication Manual, 7th ed.).

Decisions this module makes, each in one place:

- Titles are printed in the case the record gives. APA wants sentence case
  for titles of works, but proper nouns cannot be told apart automatically
  ("North Korea", "State Department"), and lower-casing them would be wrong.
  The CSL APA style likewise prints a title in the case it is stored in.
- Reference dates: year alone for books, reports and journal articles; year,
  month and day for blog posts, news articles and web pages.
  "(n.d.)" when there is no date. Access dates are not printed (APA asks for
  them only for pages designed to change).
- The publisher is left out when it is the author or repeats the
  container's name; a blog post keeps its organization after the blog's name
  so the post can be found without a URL.
- A part of a larger report is cited like a chapter: "Title. In *Report*."
  Titles of books, reports and web pages are italic; of posts and articles, roman.
- Locators are body-paragraph numbers: "para. 8".
- In text: one or two surnames ("King & Author"), "et al." for three or more.
- `full_note` (speaker notes) is the parenthetical citation followed by the
  reference-list entry; `short_note` (a slide's footnote band) is the
  narrative form "King (2019, para. 17)".
- Not done: "2019a/2019b" letters for one author's works of the same year
  (needs the whole reference list; the deck builder could add them).
"""

from __future__ import annotations

from typing import Iterable

from briefdeck.citations.compose import Line, concat, join
from briefdeck.citations.dates import year_first_date, year_only
from briefdeck.citations.names import apa_name, fold_for_sorting, sort_key
from briefdeck.citations.text import Formatted
from briefdeck.citations.work import (Work, page_label, paragraph_label, short_title, speaker_of, without_article,
                                      work_of)
from briefdeck.deck.model import Citation
from briefdeck.sources.model import SourceRecord

REFERENCE_AUTHOR_LIMIT = 20  # more: the first nineteen, ". . .", the last
IN_TEXT_AUTHOR_LIMIT = 2  # more: "First et al."

_DATED_TO_THE_DAY = frozenset({"post-weblog", "post", "article-newspaper", "article-magazine", "webpage",
                               "broadcast", "interview", "speech", "personal_communication"})
_PERIODICALS = frozenset({"post-weblog", "post", "article-newspaper", "article-magazine"})


class Apa:
    """APA 7: author-date citations in the text and a reference list."""

    name = "apa"
    bibliography_heading = "References"
    author_date = True

    def note(self, citation: Citation, *, first: bool) -> Formatted:
        """The handout's footnote: the in-text citation without its parentheses."""
        return _citation_body(citation, self.locator_label(citation)).spans()

    def short_note(self, citation: Citation) -> Formatted:
        """The narrative form for a slide's footnote band: "King (2019, para. 17)"."""
        work = work_of(citation.record)
        inside = join([year_only(work.issued), self.locator_label(citation)], ", ")
        line = join([_in_text_authors(work, narrative=True), Line("(").append(inside).text(")")], " ")
        speaker = speaker_of(citation)
        return (Line(f"{speaker}, as cited in ").append(line) if speaker else line).spans()

    def full_note(self, citation: Citation) -> Formatted:
        """For speaker notes: "(King, 2019, para. 17) King, R. R. (2019, July 24). …"."""
        line = Line("(").append(_citation_body(citation, self.locator_label(citation))).text(") ")
        return concat(line.spans(), self.bibliography_entry(citation.record))

    def in_text(self, citation: Citation) -> Formatted:
        """The parenthetical citation: "(King, 2019, para. 17)"."""
        return Line("(").append(_citation_body(citation, self.locator_label(citation))).text(")").spans()

    def bibliography_entry(self, record: SourceRecord) -> Formatted:
        """ "King, R. R. (2019, July 24). Title. *The Peninsula*. Korea Economic Institute of America." """
        work = work_of(record)
        date = Line(f"({year_first_date(work.issued, precise=work.type in _DATED_TO_THE_DAY)})")
        title = Line(work.title, italic=_stands_alone(work))
        head = [_reference_authors(work), date, title] if work.authors else [title, date]
        entry = join([*head, _source(work), _publisher(work)], ". ").punct(".")
        if work.url:
            entry.text(" ").link(work.url)  # APA: no period after a URL
        return entry.spans()

    def sort_bibliography(self, records: Iterable[SourceRecord]) -> tuple[SourceRecord, ...]:
        """By author (or title when there is none), then date, undated first, then title."""
        def key(record: SourceRecord):
            work = work_of(record)
            title = fold_for_sorting(without_article(work.title))
            authors = tuple(sort_key(n) for n in work.authors) or ((title, ""),)
            date = work.issued.sort_key if work.issued else (0, 0, 0)
            return (authors, date, title, record.id)
        return tuple(sorted(records, key=key))

    def locator_label(self, citation: Citation) -> str:
        """ "p. 212" for a paginated source, "para. 8" for another, or "" for a whole-source citation."""
        return page_label(citation, "p.") or paragraph_label(citation, "para.")


def _stands_alone(work: Work) -> bool:
    """True when APA italicizes the title: a book, a report, a web page (not a post or article)."""
    return not work.is_part or work.type == "webpage"


def _citation_body(citation: Citation, locator: str) -> Line:
    """ "King, 2019, para. 17", with "CNN, as cited in " before it for a relayed speaker."""
    work = work_of(citation.record)
    line = join([_in_text_authors(work, narrative=False), year_only(work.issued), locator], ", ")
    speaker = speaker_of(citation)
    return Line(f"{speaker}, as cited in ").append(line) if speaker else line


def _in_text_authors(work: Work, *, narrative: bool) -> Line:
    """Surnames as cited in text; the short title when there is no author."""
    if not work.authors:
        title = short_title(work)
        return Line(title, italic=True) if _stands_alone(work) else Line().quoted(title)
    names = [n.surname for n in work.authors]
    if len(names) > IN_TEXT_AUTHOR_LIMIT:
        return Line(f"{names[0]} et al.")
    return Line(f" {'and' if narrative else '&'} ".join(names))


def _reference_authors(work: Work) -> Line:
    """ "King, R. R.", "A, B., & C, D.", up to twenty; then ". . ." and the last."""
    names = [apa_name(n) for n in work.authors]
    if len(names) == 1:
        return Line(names[0])
    if len(names) > REFERENCE_AUTHOR_LIMIT:
        return Line(", ".join(names[:REFERENCE_AUTHOR_LIMIT - 1]) + ", . . . " + names[-1])
    return Line(", ".join(names[:-1]) + ", & " + names[-1])


def _source(work: Work) -> Line:
    """Where a part was published: the journal with volume and pages, the blog, "In *Report*"."""
    if not work.container:
        return Line()
    if work.type == "article-journal":
        line = Line(work.container, italic=True)
        if work.volume:
            line.text(", ").text(work.volume, italic=True)
        if work.issue:
            line.text(f"({work.issue})" if work.volume else f", ({work.issue})")
        if work.page:
            line.text(f", {work.page}")
        return line
    if work.type in _PERIODICALS:
        return Line(work.container, italic=True)
    if work.type == "webpage":
        return Line(work.container)
    return Line("In ").text(work.container, italic=True)


def _publisher(work: Work) -> str:
    if work.type in ("article-journal", "article-newspaper", "article-magazine") or work.publisher_is_author:
        return ""
    if work.publisher.casefold() == work.container.casefold():
        return ""
    return work.publisher
