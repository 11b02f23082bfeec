"""Refresh on save, without a browser: what each kind of change redoes, seen through the running server."""

from __future__ import annotations

from preview.support import BRIEF, wait_for

TIP = "seeds/001_8626f1c1c84b5475.txt"


def body(server, audience="policy"):
    return server.builder.snapshot.bodies.get(audience, "")


def save(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_brief_edit_reuses_the_open_index(example, serve):
    server = serve(example / BRIEF)
    index = server.builder._index[1]
    version = server.builder.snapshot.version
    save(example / BRIEF, "Tier 3, the lowest ranking", "Tier 3 (the lowest ranking)")
    wait_for(lambda: "Tier 3 (the lowest ranking)" in body(server), what="the new title")
    assert server.builder.snapshot.version > version and server.builder._index[1] is index


def test_a_changed_source_is_read_again_and_its_points_marked_stale(example, serve):
    server = serve(example / BRIEF)
    index = server.builder._index[1]
    assert 'data-stale="1"' not in body(server)
    save(example / TIP, "During the reporting period, there were no known investigations",
         "In the reporting period, there were no known investigations")
    wait_for(lambda: 'data-stale="1"' in body(server), what="the stale marker")
    assert "the sentence this point quotes (tip-2017-dprk:p4.s1) changed" in body(server)
    assert server.builder._index[1] is not index


def test_a_changed_record_is_read_again(example, serve):
    server = serve(example / BRIEF)
    save(example / "seeds/sources.yaml", "title: Democratic People's Republic of Korea",
         "title: Democratic People's Republic of Korea (DPRK)")
    wait_for(lambda: "“Democratic People’s Republic of Korea (DPRK).”" in body(server),
             what="the new title in the bibliography")
    assert "<th>Source</th><td>Democratic People&#x27;s Republic of Korea (DPRK)</td>" in body(server)


def test_a_project_layout_change_is_drawn(example, serve):
    layout = example / "layouts" / "mine"
    layout.mkdir(parents=True)
    (layout / "layout.yaml").write_text("extends: default\ncolours:\n  title: 0B2545\n", encoding="utf-8")
    save(example / BRIEF, "layout: default", "layout: mine")
    server = serve(example / BRIEF)
    assert "color:#0B2545" in body(server)
    (layout / "layout.yaml").write_text("extends: default\ncolours:\n  title: 5A1F00\n", encoding="utf-8")
    wait_for(lambda: "color:#5A1F00" in body(server), what="the new title colour")


def test_a_lexicon_change_is_read(example, serve):
    server = serve(example / BRIEF)
    lexicon = server.builder._lexicon
    (example / "lexicon.yaml").write_text("not: [a lexicon\n", encoding="utf-8")
    wait_for(lambda: "lexicon.yaml" in body(server) and not server.builder.snapshot.ok, what="the lexicon error")
    (example / "lexicon.yaml").unlink()
    wait_for(lambda: server.builder.snapshot.ok, what="the brief building again with the bundled lexicon")
    assert server.builder._lexicon is not lexicon and "Tier 3, the lowest ranking" in body(server)
