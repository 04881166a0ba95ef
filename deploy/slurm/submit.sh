#!/usr/bin/env bash
# Submits a sharded stress test: an array of SHARDS tasks and the merge job, chained with --dependency=afterok.
#
#   SHARDS=32 deploy/slurm/submit.sh SCENARIO OUT_ROOT [stress options...]
#
# Prints the two job ids. With WAIT=1 it returns when the merge job has ended, with its exit code. Extra sbatch
# options (partition, account, time limit) go in SBATCH_OPTIONS, for example SBATCH_OPTIONS="--partition=short".
set -euo pipefail
[[ $# -ge 2 ]] || { echo "usage: SHARDS=N $0 SCENARIO OUT_ROOT [stress options...]" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
shards=${SHARDS:-4}
read -ra extra <<<"${SBATCH_OPTIONS:-}"
root=$2
mkdir -p "$root"
array=$(sbatch --parsable "${extra[@]}" --array="0-$((shards - 1))" --output="$root/stress-%A_%a.out" "$here/stress-array.sbatch" "$@")
wait=()
[[ ${WAIT:-0} == 1 ]] && wait=(--wait)
echo "stress array: job $array ($shards tasks)"
merge=$(sbatch --parsable "${extra[@]}" "${wait[@]}" --dependency="afterok:${array%%;*}" --kill-on-invalid-dep=yes --output="$root/merge-%j.out" "$here/merge.sbatch" "$root")
echo "merge: job $merge, results in $root/merged"
