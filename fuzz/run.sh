#!/bin/sh
# Runs one fuzz target from its seeds: fuzz/run.sh TARGET [SECONDS] [EXTRA_CORPUS_DIR...]
# The corpus (fuzz/corpus/TARGET) keeps what a run found, for the next run;
# extra directories are read as seeds and never written to.
set -eu
cd "$(dirname "$0")"
target=$1
seconds=${2:-600}
shift
[ $# -gt 0 ] && shift
mkdir -p "corpus/$target"
cp seeds/"$target"/* "corpus/$target/"
# The fixtures the tests read, with each tool's and each writer's quirks.
case "$target" in
    import_table) cp ../tests/import_fixtures/* "corpus/$target/" ;;
    markdown_import) cp ../tests/markdown_fixtures/*.md "corpus/$target/" ;;
esac
if [ "$target" = parse_plan ]; then
    # The plans Yearplan ships, as they are today.
    cp ../assets/default-plan.ron "corpus/$target/default-plan.ron"
    cp ../assets/examples/example-plan.ron "corpus/$target/example-plan.ron"
fi
exec cargo +nightly fuzz run "$target" "corpus/$target" "$@" -- -max_total_time="$seconds"
