# Makes the benchmark inputs for bench/scan (not committed: ~250 MB each):
#   OUT/bench.tar (≈ 250 MB, 50,000 regular files in 1,000 dirs, GNU tar format),
#   OUT/bench.tar.gz (gzip -6) and OUT/bench.tar.zst (zstd -3, the CLI default).
# File contents mix text and random bytes so gzip gets ≈ 2.5:1, like real layers.
# Usage: python3 bench/scan/make-bench-tar.py [OUT=/tmp/lsbench]
import io, os, random, subprocess, sys, tarfile

out = sys.argv[1] if len(sys.argv) > 1 else '/tmp/lsbench'
os.makedirs(out, exist_ok=True)
rng = random.Random(42)
words = [bytes(rng.choice(b'abcdefghijklmnopqrstuvwxyz') for _ in range(rng.randint(2, 10))) for _ in range(5000)]
target = 250_000_000
n = 50_000
with tarfile.open(f'{out}/bench.tar', 'w', format=tarfile.GNU_FORMAT) as t:
    for d in range(1000):
        ti = tarfile.TarInfo(f'usr/share/pkg{d:04d}'); ti.type = tarfile.DIRTYPE; ti.mode = 0o755; ti.mtime = 1700000000
        t.addfile(ti)
    for i in range(n):
        # log-normal sizes, mean ≈ target / n
        size = min(int(rng.lognormvariate(7.6, 1.3)), 4_000_000)
        if rng.random() < 0.5:
            body = b' '.join(rng.choice(words) for _ in range(size // 6 + 1))[:size]
        else:
            body = rng.randbytes(size // 2) + bytes(size - size // 2)
        ti = tarfile.TarInfo(f'usr/share/pkg{i % 1000:04d}/file-{i:06d}.dat'); ti.size = len(body); ti.mode = 0o644; ti.mtime = 1700000000
        t.addfile(ti, io.BytesIO(body))
subprocess.run(f'gzip -6 -c {out}/bench.tar > {out}/bench.tar.gz', shell=True, check=True)
subprocess.run(['zstd', '-q', '-f', '-3', f'{out}/bench.tar', '-o', f'{out}/bench.tar.zst'], check=True)
for f in ('bench.tar', 'bench.tar.gz', 'bench.tar.zst'):
    print(f, os.path.getsize(f'{out}/{f}'))
