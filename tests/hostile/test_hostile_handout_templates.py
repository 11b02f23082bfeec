"""A layout folder is someone else's code: its handout templates cannot reach Python, the machine or
files outside the layout, and every mistake in them is an error naming the template and line."""

from __future__ import annotations

import os

import pytest

from .helpers import assert_no_traceback, make_layout, write_brief

BASE = (__import__("pathlib").Path(__file__).resolve().parents[2] / "layouts" / "default" / "handout"
        / "base.html").read_text(encoding="utf-8")


def evil_base(line: str) -> str:
    """The default base.html with ``line`` as its line 3."""
    lines = BASE.splitlines(keepends=True)
    return "".join(lines[:2] + [line + "\n"] + lines[2:])


def build_html(cli, project):
    return cli(project, "build", "briefs/b.yaml", "--format", "html")


def test_the_os_system_template_runs_nothing_and_names_file_and_line(project, cli):
    payload = "{%- set _ = cycler.__init__.__globals__.os.system('touch PWNED') -%}"
    make_layout(project, "evil", files={"handout/base.html": evil_base(payload)})
    write_brief(project, layout="evil")
    result = build_html(cli, project)
    assert result.exit_code == 1
    assert "layouts/evil/handout/base.html:3: error: handout template reaches outside the handout" in result.stderr
    assert "'__init__'" in result.stderr
    assert_no_traceback(result.output)
    assert not (project / "PWNED").exists()
    assert not (project / "build").exists() or not list((project / "build").iterdir())


@pytest.mark.parametrize("expression, words", [
    ("{{ range.__globals__ }}", "reaches outside the handout: access to attribute '__globals__'"),
    ("{{ doc.__class__.__mro__ }}", "reaches outside the handout: access to attribute '__class__'"),
    ("{{ stylesheet.__class__.__base__.__subclasses__() }}", "access to attribute '__class__'"),
    ("{{ lipsum.__globals__ }}", "'lipsum' is undefined"),
    ("{{ 'x' * 1000000000 }}", "builds a value too large"),
    ("{{ [0] * 1000000000 }}", "builds a value too large"),
    ("{{ 2 ** 100000000 }}", "too large for a handout"),
    ("{{ '%0999999999d' % 1 }}", "formats a value too wide"),
    ("{{ 1 / 0 }}", "handout template failed: ZeroDivisionError"),
    ("{{ doc.title[99999] }}", "str object has no element 99999"),
    ("{{ doc.title + 1 }}", "handout template failed: TypeError"),
    ("{% include 'base.html' %}", "handout template failed: RecursionError"),
])
def test_a_template_reaching_outside_or_failing_is_an_error_at_its_line(project, cli, expression, words):
    make_layout(project, "evil", files={"handout/base.html": evil_base(expression)})
    write_brief(project, layout="evil")
    result = build_html(cli, project)
    assert result.exit_code == 1
    assert "layouts/evil/handout/base.html:3: error:" in result.stderr
    assert words in result.stderr
    assert_no_traceback(result.output)


def test_a_template_syntax_error_names_file_and_line(project, cli):
    make_layout(project, "evil", files={"handout/base.html": evil_base("{{ doc.title( }}")})
    write_brief(project, layout="evil")
    result = build_html(cli, project)
    assert result.exit_code == 1
    assert "layouts/evil/handout/base.html:3: error: handout template syntax error" in result.stderr
    assert_no_traceback(result.output)


def test_a_template_linked_to_a_file_outside_the_layout_is_refused(project, cli, tmp_path):
    secret = tmp_path / "secret.html"
    secret.write_text("SECRET {{ doc.title }}", encoding="utf-8")
    folder = make_layout(project, "evil")
    (folder / "handout").mkdir()
    os.symlink(secret, folder / "handout" / "reading.html")
    write_brief(project, layout="evil")
    result = build_html(cli, project)
    assert result.exit_code == 1
    assert (f"layouts/evil/handout/reading.html: error: the handout template layouts/evil/handout/reading.html "
            f"is a link to {secret.resolve()}, outside its layout folder layouts/evil") in result.stderr
    assert_no_traceback(result.output)
    assert not (project / "build").exists() or "SECRET" not in "".join(
        p.read_text(encoding="utf-8") for p in (project / "build").glob("*.html"))


def test_a_link_to_another_file_of_the_same_layout_is_fine(project, cli):
    folder = make_layout(project, "linked", files={"handout/own.html": BASE.replace("<main>", "<main>OWN")})
    os.symlink("own.html", folder / "handout" / "base.html")
    write_brief(project, layout="linked")
    result = build_html(cli, project)
    assert result.exit_code == 0, result.output
    assert "OWN" in (project / "build" / "b-all-handout.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("name, data, byte", [
    ("handout/handout.css", b"\xff\xfe body {}", 0),
    ("handout/reading.html", b"{{ doc.title }}\xff", 15),
])
def test_a_template_or_stylesheet_that_is_not_utf8_names_the_file(project, cli, name, data, byte):
    make_layout(project, "evil", files={name: data})
    write_brief(project, layout="evil")
    result = build_html(cli, project)
    assert result.exit_code == 1
    assert (f"layouts/evil/{name}: error: the handout template layouts/evil/{name} is not UTF-8 text (byte {byte})"
            in result.stderr)
    assert_no_traceback(result.output)


def test_a_stylesheet_linked_outside_the_layout_is_refused(project, cli):
    folder = make_layout(project, "evil")
    (folder / "handout").mkdir()
    os.symlink("/etc/passwd", folder / "handout" / "handout.css")
    write_brief(project, layout="evil")
    result = build_html(cli, project)
    assert result.exit_code == 1
    assert "layouts/evil/handout/handout.css is a link to /etc/passwd, outside its layout folder" in result.stderr
