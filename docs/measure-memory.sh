#!/usr/bin/env bash
# Peak memory of every user-facing command on the embedded default, one command at a time: prints a Markdown table.
#
#   docs/measure-memory.sh            # every row below (hours on 2 shared cores: rank-leads took 58 min at load 40)
#   docs/measure-memory.sh predict rank-leads   # only these rows (in the order below)
#
# Peak RSS is GNU time's "Maximum resident set size": the largest of the ./jbang launcher's own JVM (JBang resolving
# the script, ~0.1 GB: the "launcher" row) and the command's JVM, which includes libtorch's native memory. The heap
# columns come from the JVMs' GC logs (-Xlog:gc through JAVA_TOOL_OPTIONS): the largest occupancy before a collection
# (garbage included, a lower bound of the true peak) and the largest after one (what was live); the heap cap is the
# row's or the script's -Xmx (scripts/*.java, //JAVA_OPTIONS), else the JVM's default of 1/4 of RAM.
# Wall time is reported because it is free, not as a speed: read it together with the load average beside it.
# Outputs go to a temporary folder (MEASURE_TMP, default a fresh /tmp/measure-memory.*), never into runs/ or data/.
# Build the scripts once first (./jbang build scripts/NAME.java) so that no row includes JBang compiling lib.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 2
tmp=${MEASURE_TMP:-$(mktemp -d /tmp/measure-memory.XXXXXX)}
mkdir -p "$tmp"
ptbxl="$tmp/ptbxl-2000"

# name | script whose -Xmx applies (or the row's -Xmx) | what it runs (from the repository root; $tmp is the output folder)
rows=(
  "launcher|ecg-info|./jbang build scripts/ecg-info.java"
  "ecg-info|ecg-info|./jbang ecg-info data/synthetic/code15"
  "generate-data|generate-data|./jbang generate-data -o $tmp/generated"
  "predict|predict|./jbang predict data/synthetic/code-test -o $tmp/predict"
  "evaluate|evaluate|./jbang evaluate -o $tmp/evaluate"
  "train-1-epoch-256|train|./jbang train --epochs 1 --max-exams 256 -o $tmp/train"
  "rank-leads|rank-leads|./jbang rank-leads -o $tmp/rank-leads"
  "adapt|adapt|./jbang adapt --leads V1 --strategy reduced-channels --profile quick --epochs 1 --store $tmp/adapt"
  "subset-search-reduced|subset-search|./jbang subset-search --max-size 1 --max-exams 100 -o $tmp/subset-search"
  "compare-data|compare-data|./jbang compare-data data/real-ecg -o $tmp/compare-data"
  "bench-inference|bench|./jbang bench --only inference --csv $tmp/bench.csv"
  "cross-validate|evaluate|./jbang evaluate --cross-validate 3 --fine-tune-epochs 2 data/real-ecg -o $tmp/cross-validate"
  # *-xmx1g: heap-hungry commands again under a cap below a laptop's default (1/4 of 8 GB = 2 GB)
  "generate-data-xmx1g|-Xmx1g|./jbang --java-options -Xmx1g generate-data -o $tmp/generated-xmx1g"
  "generate-ptbxl-2000|generate-data|./jbang generate-data --layout ptbxl --exams 2000 -o $ptbxl"
  "ecg-info-ptbxl-2000|ecg-info|./jbang ecg-info $ptbxl"
  "predict-ptbxl-2000|predict|./jbang predict $ptbxl -o $tmp/predict-ptbxl"
  "evaluate-xmx1g|-Xmx1g|./jbang --java-options -Xmx1g evaluate -o $tmp/evaluate-xmx1g"
  "spark-rank-leads|spark|./jbang spark rank-leads -o $tmp/spark-rank-leads"
)

default_heap_mb=$(java -XX:+PrintFlagsFinal -version 2>/dev/null | awk '$2 == "MaxHeapSize" { print int($4 / 1048576) }')

heap_cap() { # -Xmx given in the row, else the -Xmx of scripts/$1.java, else the JVM default
  local xmx
  if [[ $1 == -Xmx* ]]; then echo "${1#-Xmx}"; return; fi
  xmx=$(grep -o -- '-Xmx[0-9]*[mMgG]' "scripts/$1.java" | head -1)
  if [[ -n $xmx ]]; then echo "${xmx#-Xmx}"; else echo "default ${default_heap_mb} MiB"; fi
}

peak_heap_mb() { # "B / A": the largest BEFORE and the largest AFTER of "BEFOREM->AFTERM(COMMITTEDM)" in one row's GC logs
  local pauses
  pauses=$(cat "$1"-gc-*.log 2>/dev/null | grep -o '[0-9]*M->[0-9]*M')
  [[ -n $pauses ]] || return 0
  echo "$(sed 's/M->.*//' <<<"$pauses" | sort -n | tail -1) / $(sed 's/.*->//; s/M//' <<<"$pauses" | sort -n | tail -1)"
}

measure() { # name script command...: runs the command, prints one table row
  local name=$1 script=$2; shift 2
  local log="$tmp/$name" load_before rss_kb wall status heap
  load_before=$(cut -d' ' -f1 /proc/loadavg)
  nice -n 5 /usr/bin/time -v -o "$log.time" env JAVA_TOOL_OPTIONS="-Xlog:gc:file=$log-gc-%p.log" \
      bash -c "$*" >"$log.out" 2>&1 </dev/null
  rss_kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$log.time")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { print $2 }' "$log.time")
  status=$(awk -F': ' '/Exit status/ { print $2 }' "$log.time")
  heap=$(peak_heap_mb "$log")
  printf '| %s | `%s` | %s | %s MiB | %s | %s | %s–%s | %s |\n' "$name" "${*//$tmp/\$TMP}" \
      "$(awk -v k="$rss_kb" 'BEGIN { printf "%.2f GiB", k / 1048576 }')" "${heap:-?}" "$(heap_cap "$script")" \
      "$wall" "$load_before" "$(cut -d' ' -f1 /proc/loadavg)" "${status:-?}"
}

echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores, $(free -g | awk '/Mem:/ { print $2 }') GB RAM;" \
     "commit $(git rev-parse --short HEAD); outputs in $tmp"
echo
echo '| row | command | peak RSS | heap before / after a GC, max | heap cap | wall (shared machine) | load avg before–after | exit |'
echo '|---|---|---|---|---|---|---|---|'
for row in "${rows[@]}"; do
  IFS='|' read -r name script command <<<"$row"
  if (($# > 0)) && [[ " $* " != *" $name "* ]]; then continue; fi
  measure "$name" "$script" "$command" | tee -a "$tmp/table.md"
done
