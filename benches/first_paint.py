#!/usr/bin/env python3
"""Times a window's start from outside, as a person sees it.

    first_paint.py NAME_PREFIX [--ready TITLE_PART] -- COMMAND...

Starts COMMAND and polls the X server (DISPLAY):
when a window whose name starts with NAME_PREFIX is mapped, when it first
holds more than 20 colours (something is painted: a blank window has one
or two), and, with --ready, when its name first contains TITLE_PART (the
app says its work is in the window). Prints the milliseconds since the
start, as `mapped=… painted=… ready=…`, then ends COMMAND.

Looks every two milliseconds; a look at a blank window costs about one.
"""

from array import array
import signal
import subprocess
import sys
import time

from Xlib import X, display
from Xlib.error import XError


def windows(disp, root):
    """Every window under root, depth first."""
    stack = [root]
    while stack:
        window = stack.pop()
        try:
            children = window.query_tree().children
        except XError:
            continue
        stack.extend(children)
        yield window


def name_of(disp, window):
    try:
        net_name = window.get_full_property(
            disp.intern_atom("_NET_WM_NAME"), disp.intern_atom("UTF8_STRING")
        )
        if net_name is not None:
            return net_name.value.decode("utf-8", "replace")
        name = window.get_wm_name()
        return name if isinstance(name, str) else None
    except XError:
        return None


def find(disp, root, prefix):
    for window in windows(disp, root):
        name = name_of(disp, window)
        if name is None or not name.startswith(prefix):
            continue
        try:
            if window.get_attributes().map_state == X.IsViewable:
                return window
        except XError:
            continue
    return None


def painted_now(window):
    """Whether the window holds more than 20 colours. A blank window is one
    colour, which is told at the cost of one comparison; only a window that
    is not blank has its colours counted."""
    try:
        geometry = window.get_geometry()
        data = window.get_image(
            0, 0, geometry.width, geometry.height, X.ZPixmap, 0xFFFFFFFF
        ).data
    except XError:
        return False
    if data == data[:4] * (len(data) // 4):
        return False
    return len(set(array("I", data)[::3])) > 20


def main():
    args = sys.argv[1:]
    if "--" not in args or not args:
        print(__doc__, file=sys.stderr)
        return 2
    split = args.index("--")
    options, command = args[:split], args[split + 1 :]
    prefix = options[0]
    ready_part = None
    if "--ready" in options:
        ready_part = options[options.index("--ready") + 1]

    disp = display.Display()
    root = disp.screen().root
    start = time.monotonic()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def since():
        return (time.monotonic() - start) * 1000

    mapped = painted = ready = None
    window = None
    deadline = start + 60
    try:
        while time.monotonic() < deadline:
            if window is None:
                window = find(disp, root, prefix)
                if window is not None:
                    mapped = since()
            if window is not None:
                if painted is None and painted_now(window):
                    painted = since()
                if ready_part is None:
                    ready = painted
                elif ready is None:
                    name = name_of(disp, window) or ""
                    if ready_part in name:
                        ready = since()
                if painted is not None and ready is not None:
                    break
            time.sleep(0.002)
    finally:
        child.send_signal(signal.SIGTERM)
        try:
            child.wait(timeout=5)
        except subprocess.TimeoutExpired:
            child.kill()

    def show(value):
        return "none" if value is None else f"{value:.1f}"

    print(f"mapped={show(mapped)} painted={show(painted)} ready={show(ready)}")
    return 0 if painted is not None and ready is not None else 1


if __name__ == "__main__":
    sys.exit(main())
