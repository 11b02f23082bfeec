"""The console script and ``python -m briefdeck``: the command line, loaded under a Ctrl-C handler.

Loading the command line takes a few dozen milliseconds; a Ctrl-C pressed
then would print Python's traceback. It is answered as `briefdeck.cli`
answers one during a command: "interrupted", exit status 130.

The objects loaded then (modules, classes, compiled expressions) live as
long as the process, so the garbage collector is kept from walking them:
paused while they load, then told to leave them be (`gc.freeze`). Every
collection after that looks only at what the command itself makes; this
takes about a tenth off a small build.
"""

import gc
import sys


def main() -> None:
    gc.disable()
    try:
        from briefdeck.cli import main as run_command_line
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        raise SystemExit(130) from None
    finally:
        gc.freeze()
        gc.enable()
    run_command_line()
