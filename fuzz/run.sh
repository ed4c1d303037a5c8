#!/usr/bin/env bash
# Builds the libFuzzer target with clang and runs it for a bounded time over the
# checked-in seed corpus. Exit 1 when clang or libFuzzer is not installed: a fuzz run that
# cannot happen is a failure, never a skip.
# Usage: fuzz/run.sh [SECONDS] [BUILD_DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
seconds="${1:-30}"
out="${2:-$root/build/fuzz}"
command -v clang++ >/dev/null 2>&1 || { echo "fuzz: clang++ not found (scripts/bootstrap installs clang)" >&2; exit 1; }
mkdir -p "$out/new"
probe="$out/probe.cpp"
echo 'extern "C" int LLVMFuzzerTestOneInput(const char*, unsigned long) { return 0; }' > "$probe"
if ! clang++ -fsanitize=fuzzer "$probe" -o "$out/probe" 2>/dev/null; then
  echo "fuzz: libFuzzer not available (scripts/bootstrap installs libclang-rt-dev)" >&2; exit 1
fi
rm -f "$probe" "$out/probe"
sources=("$here/yaml_fuzz.cpp" "$root"/src/{util,model,yaml,schema}/*.cpp)
bin="$out/yaml_fuzz"
stamp_newer=0
for s in "${sources[@]}" "$here"/*.hpp "$root"/src/*/*.hpp "$root"/include/crm/*/*.hpp; do
  [ "$s" -nt "$bin" ] && stamp_newer=1
done
if [ ! -x "$bin" ] || [ "$stamp_newer" = 1 ]; then
  clang++ -std=c++20 -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    -I"$root/include" "${sources[@]}" -lyaml-cpp -lfmt -o "$bin"
fi
# New inputs go to a scratch folder; the seed corpus in git stays as it is.
"$bin" -max_total_time="$seconds" -timeout=5 -rss_limit_mb=1024 -max_len=4096 \
  -print_final_stats=1 -dict="$here/yaml.dict" -artifact_prefix="$out/" "$out/new" "$here/corpus"
