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
    merge_plans)
        # Three plans split by NUL bytes: the example with its old and new ids.
        { cat ../tests/merge_fixtures/example-format-2.ron; printf "\0"; cat ../assets/examples/example-plan.ron; printf "\0"; cat ../assets/default-plan.ron; } > "corpus/$target/three-plans" ;;
    markdown_import) cp ../tests/markdown_fixtures/*.md "corpus/$target/" ;;
esac
if [ "$target" = parse_plan ]; then
    # The plans Yearplan ships, as they are today.
    cp ../assets/default-plan.ron "corpus/$target/default-plan.ron"
    cp ../assets/examples/example-plan.ron "corpus/$target/example-plan.ron"
    cp ../assets/templates/*.ron "corpus/$target/"
fi
# No sanitizer: Yearplan forbids unsafe code, so AddressSanitizer would only
# watch the dependencies, and without it a run makes about four times the
# executions. Pass -s address by hand to watch them too.
exec cargo +nightly fuzz run -s none "$target" "corpus/$target" "$@" -- -max_total_time="$seconds"
