#!/usr/bin/env bash
# How long the window takes to start, from outside: a bare eframe window of
# the same eframe build against Yearplan with the heavy plan (2,000 tasks,
# 20,000 entries, 5,000 expenses), taken in turns in the same run under Xvfb.
#
#   bash benches/startup.sh [RUNS]        (default 15 of each)
#
# YEARPLAN=path/to/yearplan times another build of it (an older one, say).
# Needs Xvfb and python3 with python-xlib (installed for the user if
# missing). Prints, per program, the median and range of: exec to window
# mapped, exec to first painted frame, and for Yearplan exec to the plan
# being in the window (its title names the plan); then the ratio of the
# first painted frames.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-15}

python3 -c 'import Xlib' 2>/dev/null || python3 -m pip install --user --quiet python-xlib
# Each run has a throw-away HOME: keep finding the user's packages.
PYTHONPATH=$(python3 -c 'import site; print(site.getusersitepackages())')${PYTHONPATH:+:$PYTHONPATH}
export PYTHONPATH
cargo build --release --quiet --bin yearplan --example bare_window --example heavy_plan
yearplan=${YEARPLAN:-target/release/yearplan}

work=$(mktemp -d)
display=:95
Xvfb "$display" -screen 0 1280x860x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true; rm -rf "$work"' EXIT
export DISPLAY=$display
for _ in $(seq 100); do [ -e /tmp/.X11-unix/X${display#:} ] && break; sleep 0.1; done
sleep 0.3

target/release/examples/heavy_plan "$work/heavy.plan.ron"
plan_title=$(grep -m1 -o 'title: *"[^"]*"' "$work/heavy.plan.ron" | sed 's/.*"\(.*\)"/\1/')

# A fresh home each run: no remembered window place, no recovery copy.
run() {
    local home="$work/home"
    rm -rf "$home"
    mkdir -p "$home"
    HOME=$home XDG_CONFIG_HOME=$home/.config XDG_DATA_HOME=$home/.local/share \
        python3 benches/first_paint.py "$@"
}

: >"$work/bare" && : >"$work/yearplan"
# One of each first, not counted: the page cache and the GL driver warm up.
run "Bare eframe" -- target/release/examples/bare_window >/dev/null || true
run "Yearplan" --ready "$plan_title" -- "$yearplan" "$work/heavy.plan.ron" >/dev/null || true
for _ in $(seq "$runs"); do
    run "Bare eframe" -- target/release/examples/bare_window >>"$work/bare"
    run "Yearplan" --ready "$plan_title" -- "$yearplan" "$work/heavy.plan.ron" >>"$work/yearplan"
done

python3 - "$work/bare" "$work/yearplan" <<'EOF'
import statistics, sys

def read(path):
    rows = [dict(field.split("=") for field in line.split()) for line in open(path)]
    return {key: sorted(float(row[key]) for row in rows) for key in rows[0]}

def show(values):
    return f"{statistics.median(values):6.1f} ms ({values[0]:.1f}–{values[-1]:.1f})"

bare, yearplan = read(sys.argv[1]), read(sys.argv[2])
print(f"runs: {len(bare['painted'])} of each")
print(f"bare eframe window   mapped {show(bare['mapped'])}   first frame painted {show(bare['painted'])}")
print(f"Yearplan, heavy plan mapped {show(yearplan['mapped'])}   first frame painted {show(yearplan['painted'])}   plan in the window {show(yearplan['ready'])}")
ratio = statistics.median(yearplan["painted"]) / statistics.median(bare["painted"])
ready = statistics.median(yearplan["ready"]) / statistics.median(bare["painted"])
print(f"first painted frame: {ratio:.2f}x the bare window's; plan in the window: {ready:.2f}x")
EOF
