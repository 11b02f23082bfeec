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
