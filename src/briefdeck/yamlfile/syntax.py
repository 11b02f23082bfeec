"""YAML syntax errors explained for a person: what went wrong, where, and what to do."""

from __future__ import annotations

import yaml

from briefdeck.errors import Location, Problem


def location_of_offset(text: str, offset: int, filename: str) -> Location:
    """The 1-based line and column of a character offset."""
    line_start = text.rfind("\n", 0, offset) + 1
    return Location(filename, text.count("\n", 0, offset) + 1, offset - line_start + 1)


def shorten(text: str, width: int = 60) -> str:
    """``text`` on one line, cut to ``width`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _line_text(text: str, line: int) -> str:
    lines = text.splitlines()
    return lines[line] if 0 <= line < len(lines) else ""


def syntax_problem(exc: yaml.MarkedYAMLError, text: str, filename: str, the: str = "the brief") -> Problem:
    """A YAML syntax error as a `Problem`; ``the`` names the file in messages ("the brief")."""
    problem = exc.problem or ""
    context = exc.context or ""
    mark = exc.problem_mark or exc.context_mark
    where = Location(filename, mark.line + 1, mark.column + 1) if mark else Location(filename, 1, 1)
    context_mark = exc.context_mark
    opened = (f"line {context_mark.line + 1}, column {context_mark.column + 1}" if context_mark else "")
    line = _line_text(text, mark.line) if mark else ""
    indent = line[: len(line) - len(line.lstrip(" \t"))]

    if mark is not None and ("\t" in indent or (mark.column < len(line) and line[mark.column] == "\t")):
        in_indent = "\t" in indent
        column = (indent.index("\t") if in_indent else mark.column) + 1
        return Problem("a tab is used for indentation; YAML indents with spaces only" if in_indent
                       else "a tab where YAML expects spaces",
                       Location(filename, mark.line + 1, column),
                       "replace the tab with spaces (set your editor to insert spaces for Tab)",
                       code="yaml-tab")
    if "quoted scalar" in context and context_mark is not None:
        return Problem("a quoted text that starts here is never closed: found the end of the file "
                       "before its closing quote mark",
                       Location(filename, context_mark.line + 1, context_mark.column + 1),
                       "add the closing quote mark, or remove the opening one "
                       "(inside '…' write a single quote as '')",
                       code="yaml-unclosed-quote")
    if ("flow mapping" in context or "flow sequence" in context) and context_mark is not None:
        bracket = "{" if "mapping" in context else "["
        closing = "}" if bracket == "{" else "]"
        return Problem(f"a '{bracket}' opened at {opened} is not closed where expected; found "
                       f"{_found_at(text, mark)}",
                       where, f"close it with '{closing}' and separate items with ', '",
                       code="yaml-unclosed-bracket")
    if "mapping values are not allowed" in problem:
        return Problem("a ':' where no new key can start: this line is indented more than the keys "
                       "around it, or a value contains ': ' and needs quotes",
                       where, "line the key up with the keys above it, or put the value in quotes",
                       code="yaml-indentation")
    if "block end" in problem or "expected key" in problem or "'-' indicator" in problem:
        block = f"the block that starts at {opened}" if opened else "the block above"
        return Problem(f"bad indentation: expected this line to line up with {block}; found "
                       f"{_found_at(text, mark)}",
                       where, "indent keys of the same mapping (and items of the same list) "
                       "by exactly the same number of spaces",
                       code="yaml-indentation")
    detail = f"{context} at {opened}: {problem}" if context and opened else (problem or str(exc))
    at_sign = mark is not None and line[mark.column:mark.column + 1] == "@"
    return Problem(f"{the} is not valid YAML: {detail}", where,
                   # pandoc's [@key, para. 8] unquoted: YAML reserves '@'
                   "a citation key must be in quotes: source: \"[@key, para. 8]\"" if at_sign else
                   "check the punctuation at that place (quotes, colons, brackets, indentation)",
                   code="yaml-syntax")


def _found_at(text: str, mark: yaml.Mark | None) -> str:
    if mark is None:
        return "the end of the file"
    rest = _line_text(text, mark.line)[mark.column:].strip()
    if not rest and mark.line >= len(text.splitlines()):
        return "the end of the file"
    return f"{shorten(rest, 40)!r}" if rest else "an empty line"
