#!/usr/bin/env python3
"""Where a method of the simulator waits: perf samples by instruction, next to the JIT's listing.

A sampling profile names the method; this names the instruction a sample landed after, which in code that waits for
memory is the load that missed (docs/performance.md, tenth session). Record both in one process:

    DOTNET_PerfMapEnabled=3 DOTNET_EnableWriteXorExecute=0 \
    DOTNET_JitDisasm="ReceivedMinKey StartJob AdvanceCell Produce" DOTNET_JitDisasmWithCodeBytes=1 \
    DOTNET_JitStdOutFile=/tmp/jit.txt \
    perf record -F 5000 -o /tmp/perf.data dotnet Benchmarks/bin/Release/net10.0/Benchmarks.dll scenario large

    python3 Benchmarks/hot-instructions.py /tmp/jit.txt /tmp/perf.data ReceivedMinKey

It prints, for each optimized method whose name contains the third argument, its samples and its twelve busiest
offsets with the instruction that ends there.
"""
import collections
import re
import subprocess
import sys


def listings(path):
    """Instructions (start, end, text) of every optimized listing, by (method, tier); the last listing of a tier wins."""
    found = {}
    for chunk in open(path, encoding="utf-8").read().split("; Assembly listing for method ")[1:]:
        head = chunk.split("\n", 1)[0]
        name = head.split("(")[0]
        tier = head.rsplit("(", 1)[1].rstrip(")")
        if tier not in ("Tier1", "Tier1-OSR", "FullOpts"):
            continue
        instructions, offset = [], 0
        for line in chunk.split("\n"):
            group = re.search(r"offset=0x([0-9A-F]+)", line)
            if group:
                offset = int(group.group(1), 16)
                continue
            code = re.match(r"\s+([0-9A-F]{2,})\s{2,}(\S.*)$", line)
            if code:
                size = len(code.group(1)) // 2
                instructions.append((offset, offset + size, code.group(2).strip()))
                offset += size
        if instructions:
            found[(name, tier)] = instructions
    return found


def samples(path):
    """Samples by (Class:Method, offset) in optimized code, from perf script."""
    counts = collections.Counter()
    out = subprocess.run(["perf", "script", "-i", path, "-F", "ip,sym,symoff"], capture_output=True, text=True).stdout
    for line in out.split("\n"):
        hit = re.search(r"\] (\S+)::(\S+?)\(.*\)\[(OptimizedTier1|OptimizedTier1OSR)\]\+0x([0-9a-f]+)", line)
        if hit:
            counts[(hit.group(1).split(".")[-1] + ":" + hit.group(2), int(hit.group(4), 16))] += 1
    return counts


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    code, counts, wanted = listings(sys.argv[1]), samples(sys.argv[2]), sys.argv[3]
    totals = collections.Counter()
    for (method, _), n in counts.items():
        totals[method] += n
    for method, total in totals.most_common():
        if wanted not in method:
            continue
        cls, name = method.split(":")
        keys = [k for k in code if k[0].split(":")[0].split(".")[-1] == cls and k[0].split(":")[1].split("(")[0] == name]
        print(f"== {method}: {total} samples")
        if not keys:
            continue
        instructions = code[keys[-1]]
        busiest = sorted(((off, n) for (m, off), n in counts.items() if m == method), key=lambda kv: -kv[1])[:12]
        for offset, n in busiest:
            before = [text for start, end, text in instructions if end == offset]
            print(f"{n:6d}  +0x{offset:x}  after: {before[0] if before else '?'}")


if __name__ == "__main__":
    main()
