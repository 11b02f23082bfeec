"""Loading a brief (``briefs/*.yaml``) into a validated `Outline`.

The file is read as UTF-8 (at most `MAX_BRIEF_BYTES`), composed into nodes
that keep their line and column (`briefdeck.outline.yaml_nodes`), and checked
against the schema of DESIGN.md, "The outline". Every problem is collected;
if there is any, one `BriefdeckError` carries them all. The problem codes are
listed, with what to do about each, in ``codes.md`` beside this file.

Reading rules worth knowing:

- Every value is text as written: ``title: no`` is the title "no". Only
  ``unsourced`` (``true``/``false``), ``limit`` (a whole number) and ``date``
  are read as anything else.
- An empty value (``key:`` or ``key: ~``) means the key was not given.
- ``date: 2026-11-22`` (``YYYY-MM-DD``) is a calendar date, which fixes file
  timestamps; any other text (``date: Autumn term 2026``) is shown as written
  and fixes nothing (`Outline.date` is None, `Outline.date_text` the text).
- Where a list of names is expected (``audiences``, ``omit_tags``,
  ``sources``, ``tags``), a single name may be written without brackets.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Collection, Iterable

from briefdeck.errors import BriefdeckError, Location, Problem, Problems, choices_hint, did_you_mean, display_path
from briefdeck.outline.charts import CHART_POINT_KEYS, CHART_SLIDE_KEYS, chart_datum, chart_spec
from briefdeck.outline.images import IMAGE_SLIDE_KEYS, image_spec
from briefdeck.outline.language import brief_language
from briefdeck.outline.model import (
    BRIEF_SLIDE_KINDS, CITATION_STYLES, DEFAULT_SLIDE_KIND, DEFAULT_TEXT_KEY, HANDOUTS,
    IMPLICIT_AUDIENCE_KEY, IMPLICIT_AUDIENCE_LABEL, ON_SLIDES, SELECT_LIMIT_DEFAULT, SELECT_LIMIT_MAX,
    AudienceSpec, CitationsSpec, EvidenceSpec, Outline, PerAudienceText, PointSpec, SelectSpec, SlideSpec,
)
from briefdeck.outline.yaml_nodes import MapNode, Node, ScalarNode, SeqNode, compose, describe, shorten
from briefdeck.sources.locators import Locator, parse_locator

MAX_BRIEF_BYTES = 1024 * 1024

# The keys of each place in a brief. A key found in the wrong place is
# reported with the places it does belong to (usually an indentation slip).
TOP_KEYS = ("title", "subtitle", "date", "sources", "layout", "citations", "audiences", "slides", "summary",
            "lang")
CITATION_KEYS = ("style", "on_slides")
AUDIENCE_KEYS = ("label", "handout", "omit_tags", "content_note")
_SLIDE_COMMON = ("kind", "title", "notes", "audiences")
SLIDE_KEYS = {
    "bullets": _SLIDE_COMMON + ("points", "select"),
    "figures": _SLIDE_COMMON + ("points", "select"),
    "section": ("section", "kind", "title", "notes", "audiences"),
    "quote": _SLIDE_COMMON + ("quote", "source", "speaker", "points"),
    "questions": _SLIDE_COMMON + ("questions",),
    "chart": _SLIDE_COMMON + CHART_SLIDE_KEYS,  # outline/charts.py
    "image": _SLIDE_COMMON + IMAGE_SLIDE_KEYS,  # outline/images.py
}
ALL_SLIDE_KEYS = tuple(dict.fromkeys(k for keys in SLIDE_KEYS.values() for k in keys))
EVIDENCE_KEYS = ("quote", "finding", "source")
POINT_KEYS = ("text",) + EVIDENCE_KEYS + ("evidence", "unsourced", "audiences") + CHART_POINT_KEYS
SELECT_KEYS = ("query", "sources", "section", "tag", "tags", "limit")

_PLACES: dict[str, tuple[str, ...]] = {
    "the top level": TOP_KEYS,
    "citations": CITATION_KEYS,
    "an audience": AUDIENCE_KEYS,
    **{f"a {kind} slide": keys for kind, keys in SLIDE_KEYS.items()},
    "a point": POINT_KEYS,
    "a select block": SELECT_KEYS,
}
_AUDIENCE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_WHOLE_NUMBER = re.compile(r"\+?[0-9]{1,6}")
LOCATOR_FORMS = "SOURCE, SOURCE:pN or SOURCE:pN.sM"
NO_EVIDENCE = "point has no evidence: add quote, finding, source or evidence, or mark it unsourced: true"


def load_outline(path: Path, *, known_tags: Collection[str] | None = None) -> Outline:
    """The validated outline of the brief at ``path``.

    ``known_tags`` (the findings lexicon's tags), when given, is what
    ``omit_tags`` and ``select`` tags are checked against. Raises
    `BriefdeckError` listing every problem found, each with file, line and
    column.
    """
    path = Path(path)
    shown = display_path(path)
    text = read_brief_text(path, shown)
    return _outline_from_text(text, path=str(path), filename=shown, known_tags=known_tags)


def outline_from_text(text: str, *, filename: str, known_tags: Collection[str] | None = None) -> Outline:
    """The validated outline of brief ``text``; ``filename`` is used in locations and as its path."""
    return _outline_from_text(text, path=filename, filename=filename, known_tags=known_tags)


def read_brief_text(path: Path, shown: str) -> str:
    """The brief's text: refused before reading when too large, and when not UTF-8."""
    try:
        if path.is_dir():
            raise BriefdeckError(Problem(f"{shown} is a folder, not a brief", Location(shown),
                                         "give the path of a .yaml file", code="file-unreadable"), usage=True)
        size = path.stat().st_size
        if size > MAX_BRIEF_BYTES:
            raise BriefdeckError(_too_large(size, shown))
        with path.open("rb") as handle:
            data = handle.read(MAX_BRIEF_BYTES + 1)  # the file may have grown since stat
    except FileNotFoundError:
        raise BriefdeckError(Problem(f"brief not found: {shown}", Location(shown),
                                     "check the path; briefs usually live in briefs/", code="file-not-found"),
                             usage=True) from None
    except OSError as exc:
        raise BriefdeckError(Problem(f"cannot read the brief: {exc.strerror or exc}", Location(shown),
                                     code="file-unreadable")) from None
    if len(data) > MAX_BRIEF_BYTES:
        raise BriefdeckError(_too_large(len(data), shown))
    return decode_brief(data, shown)


def decode_brief(data: bytes, shown: str) -> str:
    """UTF-8 bytes (a leading byte-order mark allowed) as text; otherwise an error naming the byte."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise BriefdeckError(Problem("the brief is UTF-16 text; briefdeck reads UTF-8",
                                     Location(shown, 1, 1), "save the file as UTF-8", code="not-utf8"))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        offset = exc.start
        line_start = data.rfind(b"\n", 0, offset) + 1
        line = data.count(b"\n", 0, offset) + 1
        column = len(data[line_start:offset].decode("utf-8", "replace")) + 1
        raise BriefdeckError(Problem(
            f"the brief is not UTF-8 text: byte 0x{data[offset]:02X} at byte offset {offset} "
            f"(line {line}, column {column}) is not valid UTF-8",
            Location(shown, line, column),
            "save the file as UTF-8 (in most editors: Save As, then choose the encoding UTF-8)",
            code="not-utf8")) from None


def _too_large(size: int, shown: str) -> Problem:
    return Problem(f"brief is {size / 1024 / 1024:.1f} MB; the limit is {MAX_BRIEF_BYTES // 1024 // 1024} MB",
                   Location(shown, 1), "a brief is an outline: keep long texts in the sources, and "
                   "split a very long brief into several", code="file-too-large")


def _outline_from_text(text: str, *, path: str, filename: str, known_tags: Collection[str] | None) -> Outline:
    # Checked before parsing, so a huge file costs nothing; a character count
    # over the limit is over it in bytes too.
    if len(text) > MAX_BRIEF_BYTES or len(text.encode("utf-8", "surrogatepass")) > MAX_BRIEF_BYTES:
        raise BriefdeckError(_too_large(len(text.encode("utf-8", "surrogatepass")), filename))
    if not text.strip():
        raise BriefdeckError(Problem("the brief is empty", Location(filename, 1, 1),
                                     "start with 'title: …' and 'slides:'; 'briefdeck new' writes a starter brief",
                                     code="empty-brief"))
    composed = compose(text, filename)
    if not composed.usable:
        raise BriefdeckError(composed.problems)
    if composed.root is None:
        raise BriefdeckError(composed.problems + [Problem(
            "the brief has only comments, no content", Location(filename, 1, 1),
            "start with 'title: …' and 'slides:'; 'briefdeck new' writes a starter brief", code="empty-brief")])
    problems = Problems(list(composed.problems))
    reader = _OutlineReader(filename, known_tags, problems)
    outline = reader.outline(composed.root, path)
    # Reported in file order, as the author reads the brief (the sort is stable).
    problems.items.sort(key=lambda p: (p.location.line or 0, p.location.column or 0) if p.location else (0, 0))
    problems.raise_if_errors()
    if outline is None:  # every path to None records an error; this guards that promise
        raise BriefdeckError(Problem("the brief could not be read", composed.root.location, code="invalid-brief"))
    return outline


class _OutlineReader:
    """Reads the node tree against the schema, recording every problem it meets.

    Each method returns what it could read (or None) and records problems as
    it goes, so that one pass reports everything; nothing raises until the end.
    """

    def __init__(self, filename: str, known_tags: Collection[str] | None, problems: Problems):
        self.filename = filename
        self.known_tags = frozenset(known_tags) if known_tags is not None else None
        self.problems = problems
        self.audience_keys: tuple[str, ...] = ()  # declared audiences; empty for the implicit one
        # (mapping, key) for each unknown key that looks like a misspelling of
        # `key`: a missing `key` there is not reported again.
        self.guessed: set[tuple[int, str]] = set()

    def error(self, message: str, location: Location, hint: str | None = None, *, code: str) -> None:
        self.problems.error(message, location, hint=hint, code=code)

    def misspelt(self, node: MapNode, *keys: str) -> bool:
        """Whether an unknown key of ``node`` was reported as a misspelling of one of ``keys``."""
        return any((id(node), key) in self.guessed for key in keys)

    # --- the parts of a brief -------------------------------------------------------------

    def outline(self, root: Node, path: str) -> Outline | None:
        if not isinstance(root, MapNode):
            self.error(f"the brief must be a mapping of keys (title:, slides:, …); found {describe(root)}",
                       root.location, "start the file with 'title: …' at the left margin, then 'slides:'",
                       code="top-level-not-mapping")
            return None
        fields = self.fields(root, "the top level")
        title = self.required_text(fields, "title", root, "the brief has no title", "add 'title: …' at the top")
        subtitle = self.text(fields.get("subtitle"), "subtitle")
        date, date_text = self.date(fields.get("date"))
        sources = self.text(fields.get("sources"), "sources")
        layout = self.text(fields.get("layout"), "layout") or "default"
        citations = self.citations(fields.get("citations"))
        audiences, implicit = self.audiences(fields.get("audiences"), root.location)
        slides = self.slides(fields.get("slides"), root)
        summary = self.text(fields.get("summary"), "summary")
        lang = brief_language(self, fields.get("lang"))  # outline/language.py
        if title is None or slides is None or audiences is None or citations is None:
            return None
        return Outline(path=path, title=title, subtitle=subtitle, date=date, sources=sources, layout=layout,
                       citations=citations, audiences=audiences, slides=slides, summary=summary,
                       location=root.location, date_text=date_text, implicit_audience=implicit, lang=lang)

    def date(self, node: Node | None) -> tuple[dt.date | None, str | None]:
        text = self.text(node, "date")
        if text is None or not _ISO_DATE.fullmatch(text):
            return None, text
        try:
            return dt.date.fromisoformat(text), text
        except ValueError:
            self.error(f"date: {text} looks like YYYY-MM-DD but is not a calendar date", node.location,
                       "correct the month or day, or write the date in words to show it as written",
                       code="bad-date")
            return None, text

    def citations(self, node: Node | None) -> CitationsSpec | None:
        if node is None or _is_empty(node):
            return CitationsSpec()
        if not isinstance(node, MapNode):
            self.wrong_type(node, "citations", "a mapping with style: and on_slides:",
                            "write 'citations: {style: chicago-note, on_slides: footnote}'")
            return None
        fields = self.fields(node, "citations")
        style = self.choice(fields.get("style"), "citation style", CITATION_STYLES, "styles")
        on_slides = self.choice(fields.get("on_slides"), "on_slides", ON_SLIDES, "placements")
        return CitationsSpec(style=style or "chicago-note", on_slides=on_slides or "footnote")

    def audiences(self, node: Node | None, root_location: Location) -> tuple[tuple[AudienceSpec, ...] | None, bool]:
        implicit = (AudienceSpec(key=IMPLICIT_AUDIENCE_KEY, label=IMPLICIT_AUDIENCE_LABEL, handout="reading",
                                 omit_tags=(), content_note=None, location=root_location),)
        if node is None or _is_empty(node) or (isinstance(node, MapNode) and not node.pairs):
            return implicit, True
        if not isinstance(node, MapNode):
            self.wrong_type(node, "audiences", "a mapping of audience names to their settings",
                            "write each audience as a name followed by its settings, e.g.\n"
                            "  audiences:\n    policy:\n      label: Policy staff")
            return None, False
        specs = []
        for key, value in node.pairs:
            name = key.value
            if not _AUDIENCE_NAME.fullmatch(name) or name == DEFAULT_TEXT_KEY:
                why = ("'default' names the text every audience reads" if name == DEFAULT_TEXT_KEY
                       else "audience names are used in file names")
                self.error(f"audience name '{name}' cannot be used: {why}", key.location,
                           "use letters, digits, '-' and '_' only, e.g. 'classroom' or 'policy-staff'",
                           code="bad-audience-name")
            spec = self.audience(name, key.location, value)
            if spec is not None:
                specs.append(spec)
        self.audience_keys = tuple(key.value for key, _ in node.pairs)
        return tuple(specs), False

    def audience(self, name: str, location: Location, node: Node) -> AudienceSpec | None:
        if _is_empty(node):
            fields: dict[str, Node] = {}
        elif isinstance(node, MapNode):
            fields = self.fields(node, "an audience")
        else:
            self.wrong_type(node, f"audience '{name}'", "a mapping of settings (label:, handout:, …)",
                            f"write the label as '{name}:' then, indented below it, 'label: …'")
            return None
        return AudienceSpec(
            key=name,
            label=self.text(fields.get("label"), "label") or name,
            handout=self.choice(fields.get("handout"), "handout", HANDOUTS, "handouts") or "reading",
            omit_tags=self.tags(fields.get("omit_tags"), "omit_tags"),
            content_note=self.text(fields.get("content_note"), "content_note"),
            location=location,
        )

    def slides(self, node: Node | None, root: MapNode) -> tuple[SlideSpec, ...] | None:
        if node is None:
            if not self.misspelt(root, "slides"):
                self.error("the brief has no slides", root.location,
                           "add 'slides:' followed by a list of slides ('- title: …')", code="missing-key")
            return None
        if not isinstance(node, SeqNode):
            self.wrong_type(node, "slides", "a list of slides ('- title: …')")
            return None
        if not node.items:
            self.error("slides: the list is empty", node.location, "add at least one slide ('- title: …')",
                       code="empty-value")
            return None
        slides = [self.slide(item) for item in node.items]
        return tuple(s for s in slides if s is not None) if all(slides) else None

    def slide(self, node: Node) -> SlideSpec | None:
        if not isinstance(node, MapNode):
            example = shorten(node.value, 30) if isinstance(node, ScalarNode) and node.value else "…"
            self.wrong_type(node, "slide", "a mapping (title:, points:, …)",
                            f"write '- title: {example}', or '- section: {example}' for a section slide")
            return None
        kind = self.slide_kind(node)
        place = f"a {kind} slide" if kind else "a slide"
        allowed = SLIDE_KEYS[kind] if kind else ALL_SLIDE_KEYS
        fields = self.fields(node, place, allowed=allowed)
        if kind == "section" and "section" in fields and "title" in fields:
            # The title is written either `section: T` or `kind: section` + `title: T`.
            title_key = next(key for key, _ in node.pairs if key.value == "title")
            self.error("a section slide takes its title from 'section:'; it cannot also have 'title:'",
                       title_key.location, "remove 'title:'", code="misplaced-key")
        audiences = self.audience_list(fields.get("audiences"), "slide audiences", "slide")
        shown = audiences if audiences is not None else self.audience_keys
        title_node = fields.get("section") or fields.get("title")
        if kind == "section" and title_node is None:
            self.error("a section slide needs a title", node.location,
                       "write '- section: Title'", code="missing-key")
        title = self.per_audience_text(title_node, "title", shown) if title_node is not None else None
        notes = self.text(fields.get("notes"), "notes") or ""
        points: tuple[PointSpec, ...] = ()
        questions: tuple[PointSpec, ...] = ()
        select = self.select(fields["select"]) if "select" in fields else None
        speaker = chart = image = None
        if kind == "chart":  # outline/charts.py
            points = self.point_list(fields.get("points"), kind, audiences)
            chart = chart_spec(self, fields, node, points)
        if kind == "image":  # outline/images.py
            image, points = image_spec(self, fields, node, audiences)
        if kind in ("bullets", "figures"):
            points = self.point_list(fields.get("points"), kind, audiences)
            if "select" not in fields and "points" not in fields and not self.misspelt(node, "points", "select"):
                self.error(f"a {kind} slide needs points: or select:", node.location,
                           "add 'points:' with a list of points, or 'select: {query: …}'", code="empty-slide")
        elif kind == "quote":
            points, speaker = self.quote_slide(fields, node, audiences)
        elif kind == "questions":
            if "questions" in fields or not self.misspelt(node, "questions"):
                questions = self.question_list(fields.get("questions"), node, audiences)
        if kind is None:
            # The kind is wrong (already reported): still check what the slide holds.
            self.point_list(fields.get("points"), DEFAULT_SLIDE_KIND, audiences)
            if "questions" in fields:
                self.question_list(fields["questions"], node, audiences)
            return None
        return SlideSpec(kind=kind, title=title, points=points, select=select, questions=questions,
                         notes=notes, audiences=audiences, location=node.location, speaker=speaker, chart=chart,
                         image=image)

    def slide_kind(self, node: MapNode) -> str | None:
        raw = {key.value: value for key, value in node.pairs}
        kind = DEFAULT_SLIDE_KIND
        if "kind" in raw:
            kind = self.choice(raw["kind"], "slide kind", BRIEF_SLIDE_KINDS, "kinds", code="unknown-kind")
            if kind is None and _is_empty(raw["kind"]):
                kind = DEFAULT_SLIDE_KIND
        if "section" in raw:
            if "kind" in raw and kind not in (None, "section"):
                self.error(f"a slide with 'section:' is a section slide, but its kind says '{kind}'",
                           raw["kind"].location, "remove 'kind:', or write 'title:' instead of 'section:'",
                           code="kind-conflict")
            return "section"
        return kind

    def quote_slide(self, fields: dict[str, Node], node: MapNode,
                    audiences: tuple[str, ...] | None) -> tuple[tuple[PointSpec, ...], str | None]:
        """A quote slide: ``quote:`` (+ ``source:``, ``speaker:``) or ``points:`` whose quotes are shown."""
        speaker = self.text(fields.get("speaker"), "speaker")
        if "quote" in fields:
            if "points" in fields:
                self.error("a quote slide has either 'quote:' or 'points:', not both", fields["points"].location,
                           "keep 'quote:' (with 'source:') for one quotation, or 'points:' for several",
                           code="quote-slide-shape")
            evidence = self.quote_evidence(fields["quote"], fields.get("source"))
            if evidence is None:
                return (), speaker
            point = PointSpec(text=None, evidence=(evidence,), unsourced=False, audiences=None,
                              location=fields["quote"].location)
            return (point,), speaker
        if "source" in fields:
            self.error("'source:' on a quote slide narrows its 'quote:', but there is no quote",
                       fields["source"].location, "add 'quote: the words to show'", code="quote-slide-shape")
        points = self.point_list(fields.get("points"), "quote", audiences)
        if "points" not in fields and not self.misspelt(node, "points", "quote"):
            self.error("a quote slide needs 'quote:' (the words to show) or 'points:'", node.location,
                       "write 'quote: …' and 'source: SOURCE' under the slide's title", code="empty-slide")
        return points, speaker

    def question_list(self, node: Node | None, slide: MapNode,
                      audiences: tuple[str, ...] | None) -> tuple[PointSpec, ...]:
        if node is None:
            self.error("a questions slide needs 'questions:'", slide.location,
                       "write 'questions: [First question?, Second question?]'", code="empty-slide")
            return ()
        items = self.list_items(node, "questions", "a list of questions")
        if items is not None and not items:
            self.error("questions: the list is empty", node.location, "add at least one question",
                       code="empty-value")
        specs = [self.point(item, "questions", audiences, question=True) for item in items or ()]
        return tuple(s for s in specs if s is not None)

    def point_list(self, node: Node | None, kind: str, audiences: tuple[str, ...] | None) -> tuple[PointSpec, ...]:
        if node is None:
            return ()
        items = self.list_items(node, "points", "a list of points ('- text: …')")
        specs = [self.point(item, kind, audiences) for item in items or ()]
        return tuple(s for s in specs if s is not None)

    def point(self, node: Node, slide_kind: str, slide_audiences: tuple[str, ...] | None, *,
              question: bool = False) -> PointSpec | None:
        noun = "question" if question else "point"
        if isinstance(node, ScalarNode):
            text = self.text(node, noun, required=True)
            if question:
                return PointSpec(PerAudienceText({DEFAULT_TEXT_KEY: text}), (), False, None, node.location) \
                    if text else None
            self.error(NO_EVIDENCE, node.location,
                       f"write it as '- text: {shorten(node.value, 30)}' with, on the next line, "
                       "'quote: …' (words of the source), 'source: …', or 'unsourced: true'",
                       code="point-no-evidence")
            return None
        if not isinstance(node, MapNode):
            self.wrong_type(node, noun, "a mapping (text:, quote:, …)")
            return None
        fields = self.fields(node, "a point")
        audiences = self.audience_list(fields.get("audiences"), f"{noun} audiences", noun)
        if audiences and slide_audiences is not None:
            never = [a for a in audiences if a not in slide_audiences]
            if never:
                self.error(f"{noun} is for {_quoted(never)}, but its slide is only for {_quoted(slide_audiences)}",
                           fields["audiences"].location,
                           "add them to the slide's audiences, or remove them here", code="audience-never-shown")
        shown = audiences or (slide_audiences if slide_audiences is not None else self.audience_keys)
        unsourced = self.boolean(fields.get("unsourced"), "unsourced")
        evidence = self.point_evidence(fields)
        cites = any(k in fields for k in ("evidence",) + EVIDENCE_KEYS)
        if unsourced and cites:
            self.error(f"a {noun} marked 'unsourced: true' also cites evidence", fields["unsourced"].location,
                       "remove 'unsourced: true', or remove the evidence", code="evidence-conflict")
        if (not cites and not unsourced and not question and "unsourced" not in fields
                and not self.misspelt(node, "evidence", "unsourced", *EVIDENCE_KEYS)):
            self.error(NO_EVIDENCE, node.location,
                       "'quote: …' gives words of a source, 'source: SOURCE:pN' a passage it paraphrases, "
                       "'finding: SOURCE:pN.sM' a sentence", code="point-no-evidence")
        datum = chart_datum(self, fields, node, slide_kind)  # outline/charts.py
        text = None
        if "text" in fields:
            text = self.per_audience_text(fields["text"], "text", shown)
        elif not _text_optional(fields, slide_kind) and not self.misspelt(node, "text"):
            self.error(f"a {noun} needs text" + ("" if question else ": the claim in your own words"),
                       node.location, "add 'text: …' (a 'finding:' point may leave it out: "
                       "the sentence is the point)" if not question else "add 'text: …'", code="missing-key")
        return PointSpec(text=text, evidence=tuple(evidence), unsourced=bool(unsourced), audiences=audiences,
                         location=node.location, datum=datum)

    def point_evidence(self, fields: dict[str, Node]) -> list[EvidenceSpec]:
        inline = {k: v for k, v in fields.items() if k in EVIDENCE_KEYS}
        if "evidence" not in fields:
            return self.evidence(inline)
        if inline:
            self.error("a point gives evidence both in an 'evidence:' list and as "
                       + _quoted(inline), next(iter(inline.values())).location,
                       "move them into the evidence list", code="evidence-conflict")
        items = self.list_items(fields["evidence"], "evidence",
                                "a list of evidence ('- quote: …', '- finding: …', '- source: …')")
        if items is not None and not items:
            self.error("evidence: the list is empty", fields["evidence"].location,
                       "add '- quote: …', '- finding: …' or '- source: …'", code="empty-value")
        found: list[EvidenceSpec] = []
        for item in items or ():
            if not isinstance(item, MapNode):
                self.wrong_type(item, "evidence item", "a mapping with quote:, finding: or source:",
                                "write '- quote: …' (with 'source: …' to narrow it), "
                                "'- finding: …' or '- source: …'")
                continue
            item_fields = self.fields(item, "an evidence item", allowed=EVIDENCE_KEYS)
            if not item.pairs:
                self.error("an evidence item needs quote:, finding: or source:", item.location, code="missing-key")
            found.extend(self.evidence(item_fields))
        return found

    def evidence(self, fields: dict[str, Node]) -> list[EvidenceSpec]:
        """One piece of evidence from ``quote`` (+ ``source``), ``finding`` or ``source`` (or none)."""
        if "quote" in fields and "finding" in fields:
            self.error("evidence has both 'quote:' and 'finding:'", fields["finding"].location,
                       "to cite both, use a list: evidence: [{quote: …}, {finding: …}]", code="evidence-conflict")
            return []
        if "finding" in fields:
            if "source" in fields:
                self.error("a finding names its own source: 'source:' cannot go with 'finding:'",
                           fields["source"].location, "remove 'source:'", code="evidence-conflict")
            spec = self.finding_evidence(fields["finding"])
        elif "quote" in fields:
            spec = self.quote_evidence(fields["quote"], fields.get("source"))
        elif "source" in fields:
            value = self.locator(fields["source"], "source")
            spec = EvidenceSpec("source", value, None, fields["source"].location) if value else None
        else:
            return []
        return [spec] if spec is not None else []

    def quote_evidence(self, quote: Node, source: Node | None) -> EvidenceSpec | None:
        words = self.text(quote, "quote", required=True)
        narrow = self.locator(source, "source") if source is not None else None
        if words is None or (source is not None and narrow is None):
            return None
        return EvidenceSpec("quote", words, narrow, quote.location)

    def finding_evidence(self, node: Node) -> EvidenceSpec | None:
        value = self.locator(node, "finding")
        if value is None:
            return None
        parsed = parse_locator(value)
        if parsed is None or parsed.sentence is None:
            self.error(f"finding: expected one sentence, SOURCE:pN.sM; found {value!r}", node.location,
                       f"to cite a passage, write 'source: {value}' with the point's text",
                       code="finding-not-sentence")
            return None
        return EvidenceSpec("finding", value, None, node.location)

    def select(self, node: Node) -> SelectSpec | None:
        if not isinstance(node, MapNode):
            self.wrong_type(node, "select", "a mapping with query: (and sources:, section:, tags:, limit:)",
                            "write 'select: {query: words to search for, limit: 3}'")
            return None
        fields = self.fields(node, "a select block")
        query = self.required_text(fields, "query", node, "select has no query",
                                   "add 'query: words to search for', e.g. select: {query: prison camps}")
        named_sources = self.named(fields.get("sources"), "select sources") or []
        sources = tuple(name for name, _ in named_sources)
        for name, where in named_sources:
            if not _is_source_id(name):
                self.error(f"select sources: {name!r} is not a source id", where,
                           "a source id is a name such as 'tip-2017-dprk' (lower-case letters, digits, '-', '_', '.')",
                           code="bad-locator")
        tags = self.tags(fields.get("tag"), "tag") + self.tags(fields.get("tags"), "tags")
        limit = self.integer(fields.get("limit"), "limit", 1, SELECT_LIMIT_MAX, SELECT_LIMIT_DEFAULT)
        if query is None:
            return None
        return SelectSpec(query=query, sources=sources, section=self.text(fields.get("section"), "section"),
                          tags=tuple(dict.fromkeys(tags)), limit=limit, location=node.location)

    # --- values -------------------------------------------------------------------------

    def fields(self, node: MapNode, place: str, *, allowed: tuple[str, ...] | None = None) -> dict[str, Node]:
        """The mapping's values by key; unknown and misplaced keys are reported and left out."""
        allowed = allowed if allowed is not None else _PLACES[place]
        out: dict[str, Node] = {}
        for key, value in node.pairs:
            if key.value in allowed:
                out[key.value] = value
                continue
            homes = _homes(key.value, exclude=place)
            if homes:
                self.error(f"'{key.value}' is not a key of {place}; it is a key of {homes}", key.location,
                           f"check the indentation of this line; the keys of {place} are: {', '.join(allowed)}",
                           code="misplaced-key")
            else:
                guess = did_you_mean(key.value, allowed)
                if guess:
                    self.guessed.add((id(node), guess.split("'")[1]))
                self.error(f"unknown key '{key.value}' in {place}", key.location,
                           choices_hint(key.value, allowed, "keys"), code="unknown-key")
        return out

    def wrong_type(self, node: Node, what: str, expected: str, hint: str | None = None) -> None:
        self.error(f"{what}: expected {expected}, found {describe(node)}", node.location, hint, code="wrong-type")

    def text(self, node: Node | None, what: str, *, required: bool = False) -> str | None:
        """Text as written, stripped; None when absent or empty (an error if ``required``)."""
        if node is None:
            return None
        if not isinstance(node, ScalarNode):
            self.wrong_type(node, what, "text")
            return None
        if node.is_empty or not node.value.strip():
            if required:
                self.error(f"{what} is empty", node.location, f"write the {what} after the colon",
                           code="empty-value")
            return None
        return node.value.strip()

    def required_text(self, fields: dict[str, Node], key: str, parent: MapNode, missing: str,
                      hint: str) -> str | None:
        if key not in fields:
            if not self.misspelt(parent, key):
                self.error(missing, parent.location, hint, code="missing-key")
            return None
        return self.text(fields[key], key, required=True)

    def per_audience_text(self, node: Node, what: str, shown: Iterable[str]) -> PerAudienceText | None:
        """Text, or a mapping of ``default`` and audience names to text."""
        if isinstance(node, ScalarNode):
            text = self.text(node, what, required=True)
            return PerAudienceText({DEFAULT_TEXT_KEY: text}) if text else None
        if not isinstance(node, MapNode):
            self.wrong_type(node, what, "text, or a mapping of text per audience (default:, classroom:, …)")
            return None
        if not node.pairs:
            self.error(f"{what} is empty", node.location, f"write the {what} after the colon", code="empty-value")
            return None
        valid = (DEFAULT_TEXT_KEY,) + self.audience_keys
        items = []
        for key, value in node.pairs:
            if key.value not in valid:
                hint = (choices_hint(key.value, valid, "keys") if self.audience_keys else
                        "the brief declares no audiences: declare them under 'audiences:', or use 'default:' only")
                self.error(f"{what} for audience '{key.value}', which the brief does not declare", key.location,
                           hint, code="unknown-audience")
                continue
            text = self.text(value, f"{what} for {key.value}", required=True)
            if text:
                items.append((key.value, text))
        written = {key.value for key, _ in node.pairs}
        missing = [a for a in shown if a not in written]
        if DEFAULT_TEXT_KEY not in written and missing:
            self.error(f"{what} has no '{DEFAULT_TEXT_KEY}:' and no text for {_quoted(missing)}", node.location,
                       f"add '{DEFAULT_TEXT_KEY}: …' (read by every audience without its own text)",
                       code="text-missing-audience")
        return PerAudienceText(tuple(items))

    def choice(self, node: Node | None, what: str, choices: tuple[str, ...], noun: str, *,
               code: str = "bad-choice") -> str | None:
        value = self.text(node, what)
        if value is None:
            return None
        if value not in choices:
            self.error(f"{what}: expected one of {', '.join(choices)}; found {value!r}", node.location,
                       choices_hint(value, choices, noun), code=code)
            return None
        return value

    def boolean(self, node: Node | None, what: str) -> bool | None:
        if node is None:
            return None
        value = node.value.strip().lower() if isinstance(node, ScalarNode) else None
        if value in ("true", "false"):
            return value == "true"
        self.error(f"{what}: expected true or false, found {describe(node)}", node.location,
                   f"write '{what}: true' or '{what}: false' (yes/no/on/off are not read as true or false)",
                   code="bad-bool")
        return None

    def integer(self, node: Node | None, what: str, low: int, high: int, default: int) -> int:
        if node is None or _is_empty(node):
            return default
        value = node.value.strip() if isinstance(node, ScalarNode) else ""
        if not _WHOLE_NUMBER.fullmatch(value):
            self.error(f"{what}: expected a whole number from {low} to {high}, found {describe(node)}",
                       node.location, f"write e.g. '{what}: {default}'", code="bad-integer")
            return default
        number = int(value)
        if not low <= number <= high:
            self.error(f"{what}: expected a whole number from {low} to {high}, found {number}", node.location,
                       f"write a number from {low} to {high}", code="out-of-range")
            return default
        return number

    def named(self, node: Node | None, what: str) -> list[tuple[str, Location]] | None:
        """A list of names with where each is written (a single name may stand alone); None when absent."""
        if node is None or _is_empty(node):
            return None
        items = node.items if isinstance(node, SeqNode) else (node,) if isinstance(node, ScalarNode) else None
        if items is None:
            self.wrong_type(node, what, "a list of names ([a, b])")
            return None
        named = [(self.text(item, f"{what} item", required=True), item.location) for item in items]
        return [(name, where) for name, where in named if name]

    def list_items(self, node: Node, what: str, expected: str) -> tuple[Node, ...] | None:
        if _is_empty(node):
            return ()
        if not isinstance(node, SeqNode):
            self.wrong_type(node, what, expected)
            return None
        return node.items

    def audience_list(self, node: Node | None, what: str, noun: str) -> tuple[str, ...] | None:
        if node is None:
            return None
        named = self.named(node, what)
        if not named:
            if named is not None or _is_empty(node) or isinstance(node, SeqNode):
                self.error(f"{what} is empty: the {noun} would be shown to no audience", node.location,
                           "name at least one audience, or remove 'audiences:' to show it to all",
                           code="empty-value")
            return None
        for name, where in named:
            if name in self.audience_keys:
                continue
            hint = (choices_hint(name, self.audience_keys, "audiences") if self.audience_keys else
                    "the brief declares no audiences: declare them under 'audiences:' at the top level")
            self.error(f"{what}: unknown audience '{name}'", where, hint, code="unknown-audience")
        return tuple(name for name, _ in named)

    def tags(self, node: Node | None, what: str) -> tuple[str, ...]:
        named = self.named(node, what) or []
        if self.known_tags is not None:
            for name, where in named:
                if name not in self.known_tags:
                    self.error(f"{what}: unknown tag '{name}'", where,
                               choices_hint(name, self.known_tags, "tags"), code="unknown-tag")
        return tuple(name for name, _ in named)

    def locator(self, node: Node, what: str) -> str | None:
        value = self.text(node, what, required=True)
        if value is None:
            return None
        if parse_locator(value) is None:
            guess = suggest_locator(value)
            self.error(f"{what}: malformed locator {value!r}: expected {LOCATOR_FORMS}", node.location,
                       (f"did you mean '{guess}'? " if guess else "")
                       + "N and M count paragraphs and sentences from 1", code="bad-locator")
            return None
        return value


def _is_source_id(text: str) -> bool:
    parsed = parse_locator(text)
    return parsed is not None and parsed.paragraph is None


def suggest_locator(text: str) -> str | None:
    """A well-formed locator the author probably meant: ``tip:paragraph4`` → ``tip:p4``."""
    source, colon, rest = text.strip().partition(":")
    source = re.sub(r"\s+", "-", source.strip()).lower()
    if not _is_source_id(source):
        return None
    if not colon or not rest.strip():
        return source if source != text.strip() else None
    numbers = [int(n) for n in re.findall(r"[0-9]+", rest)]
    if not numbers or len(numbers) > 2:
        return None
    return str(Locator(source, *numbers))


def _is_empty(node: Node) -> bool:
    return isinstance(node, ScalarNode) and node.is_empty


def _text_optional(fields: dict[str, Node], slide_kind: str) -> bool:
    """A point may go without text when a source's words are the point (a chart point has a label)."""
    if slide_kind == "chart":
        return True
    if "evidence" in fields:
        return False
    return "finding" in fields or (slide_kind == "quote" and "quote" in fields)


def _homes(key: str, *, exclude: str) -> str:
    """The places (other than ``exclude``) where ``key`` belongs, for a misplaced-key message."""
    places = [place for place, keys in _PLACES.items() if key in keys and place != exclude]
    kinds = [place.split()[1] for place in places if place.endswith(" slide")]
    others = [place for place in places if not place.endswith(" slide")]
    other_kinds = len(SLIDE_KEYS) - (1 if exclude.endswith(" slide") else 0)
    if len(kinds) == other_kinds:
        others.append("a slide")
    elif kinds:
        others.append(f"a {', '.join(kinds[:-1])} or {kinds[-1]} slide" if len(kinds) > 1 else f"a {kinds[0]} slide")
    return " or ".join(others)


def _quoted(names: Iterable[str]) -> str:
    return ", ".join(f"'{n}'" for n in names)
