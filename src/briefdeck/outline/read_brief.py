"""Reading a brief's structure: the top level, audiences, slides, points and their evidence.

`BriefReader` walks the node tree against the places of
`briefdeck.outline.fields` with the generic `ValueReader`, and adds what
depends on more than one key: a slide's kind decides its keys, a point's
evidence is one of several forms, per-audience text must cover the audiences
that see it. Every problem is recorded; nothing raises.
"""

from __future__ import annotations

import re

from briefdeck.errors import Location
from briefdeck.outline.charts import chart_datum, chart_spec
from briefdeck.outline.fields import AUDIENCE, CITATIONS, EVIDENCE, EVIDENCE_KEYS, SELECT, SLIDE, SLIDES, TOP
from briefdeck.outline.model import (
    BRIEF_SLIDE_KINDS, DEFAULT_SLIDE_KIND, DEFAULT_TEXT_KEY, IMPLICIT_AUDIENCE_KEY, IMPLICIT_AUDIENCE_LABEL,
    SELECT_LIMIT_DEFAULT, AudienceSpec, CitationsSpec, EvidenceSpec, Outline, PerAudienceText, PointSpec,
    SelectSpec, SlideSpec,
)
from briefdeck.outline.images import image_spec
from briefdeck.outline.read_values import ValueReader, is_empty, quoted
from briefdeck.sources.locators import parse_locator
from briefdeck.yamlfile import MapNode, Node, ScalarNode, SeqNode, describe, shorten

_AUDIENCE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")
NO_EVIDENCE = "point has no evidence: add quote, finding, source or evidence, or mark it unsourced: true"


class BriefReader(ValueReader):
    """Reads a brief's node tree into an `Outline` (None when something essential is wrong)."""

    def outline(self, root: Node, path: str) -> Outline | None:
        if not isinstance(root, MapNode):
            self.error(f"the brief must be a mapping of keys (title:, slides:, …); found {describe(root)}",
                       root.location, "start the file with 'title: …' at the left margin, then 'slides:'",
                       code="top-level-not-mapping")
            return None
        fields, values = self.read_place(root, TOP)
        title = self.required_text(fields, "title", root, "the brief has no title", "add 'title: …' at the top")
        date, date_text = values.get("date", (None, None))
        citations = self.citations(fields.get("citations"))
        audiences, implicit = self.audiences(fields.get("audiences"), root.location)
        slides = self.slides(fields.get("slides"), root)
        if title is None or slides is None or audiences is None or citations is None:
            return None
        return Outline(path=path, title=title, subtitle=values.get("subtitle"), date=date,
                       sources=values.get("sources"), layout=values.get("layout") or "default",
                       citations=citations, audiences=audiences, slides=slides, summary=values.get("summary"),
                       location=root.location, date_text=date_text, implicit_audience=implicit,
                       layout_location=fields["layout"].location if "layout" in fields else None,
                       lang=values.get("lang"))

    def citations(self, node: Node | None) -> CitationsSpec | None:
        if node is None or is_empty(node):
            return CitationsSpec()
        if not isinstance(node, MapNode):
            self.wrong_type(node, "citations", "a mapping with style: and on_slides:",
                            "write 'citations: {style: chicago-note, on_slides: footnote}'")
            return None
        _, values = self.read_place(node, CITATIONS)
        return CitationsSpec(style=values.get("style") or "chicago-note",
                             on_slides=values.get("on_slides") or "footnote")

    def audiences(self, node: Node | None, root_location: Location) -> tuple[tuple[AudienceSpec, ...] | None, bool]:
        implicit = (AudienceSpec(key=IMPLICIT_AUDIENCE_KEY, label=IMPLICIT_AUDIENCE_LABEL, handout="reading",
                                 omit_tags=(), content_note=None, location=root_location),)
        if node is None or is_empty(node) or (isinstance(node, MapNode) and not node.pairs):
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
        if is_empty(node):
            values: dict = {}
        elif isinstance(node, MapNode):
            _, values = self.read_place(node, AUDIENCE)
        else:
            self.wrong_type(node, f"audience '{name}'", "a mapping of settings (label:, handout:, …)",
                            f"write the label as '{name}:' then, indented below it, 'label: …'")
            return None
        return AudienceSpec(
            key=name,
            label=values.get("label") or name,
            handout=values.get("handout") or "reading",
            omit_tags=values.get("omit_tags", ()),
            content_note=values.get("content_note"),
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
        place = SLIDES[kind].name if kind else SLIDE.name
        allowed = SLIDES[kind].keys if kind else SLIDE.keys
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
        elif kind == "image":  # outline/images.py
            image, points = image_spec(self, fields, node, audiences)
        elif kind in ("bullets", "figures"):
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
            if kind is None and is_empty(raw["kind"]):
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
                self.error(f"{noun} is for {quoted(never)}, but its slide is only for {quoted(slide_audiences)}",
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
                       + quoted(inline), next(iter(inline.values())).location,
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
            item_fields = self.fields(item, EVIDENCE.name, allowed=EVIDENCE.keys)
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
        fields, values = self.read_place(node, SELECT)
        query = self.required_text(fields, "query", node, "select has no query",
                                   "add 'query: words to search for', e.g. select: {query: prison camps}")
        if query is None:
            return None
        tags = values.get("tag", ()) + values.get("tags", ())
        return SelectSpec(query=query, sources=values.get("sources", ()), section=values.get("section"),
                          tags=tuple(dict.fromkeys(tags)), limit=values.get("limit", SELECT_LIMIT_DEFAULT),
                          location=node.location)


def _text_optional(fields: dict[str, Node], slide_kind: str) -> bool:
    """A point may go without text when a source's words are the point (a chart point has a label)."""
    if slide_kind == "chart":
        return True
    if "evidence" in fields:
        return False
    return "finding" in fields or (slide_kind == "quote" and "quote" in fields)
