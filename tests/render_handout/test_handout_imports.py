"""What a handout costs to start: WeasyPrint only for PDFs, and no library probing when it loads."""

import subprocess
import sys


def _run(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_html_handouts_do_not_import_weasyprint():
    out = _run("import sys; from briefdeck.render.handout import deck_to_html; "
               "print('weasyprint' in sys.modules)")
    assert out == "False"


def test_pdf_module_loads_weasyprint_without_probing_for_libraries():
    # find_library runs ldconfig and gcc; the libraries load by their exact names without it.
    out = _run("import ctypes.util; calls = []; "
               "ctypes.util.find_library = lambda name: calls.append(name); "
               "from briefdeck.render.handout import html_to_pdf; "
               "import sys; print(len(calls), 'weasyprint' in sys.modules)")
    assert out == "0 True"


def test_the_pdf_worker_is_forked_before_weasyprint_or_jinja2_is_imported():
    # the build forks it first thing: whatever it imports the build's own process pays before checking
    out = _run("import sys; from briefdeck.render.handout.pdf_worker import start_pdf_worker; "
               "print(sorted(m for m in ('weasyprint', 'jinja2', 'pptx') if m in sys.modules))")
    assert out == "[]"
