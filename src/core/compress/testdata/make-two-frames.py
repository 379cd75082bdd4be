# Recipe for two-frames.tar.zst (see README.md). Run: python3 make-two-frames.py
import io, struct, subprocess, tarfile

buf = io.BytesIO()
with tarfile.open(fileobj=buf, mode='w', format=tarfile.GNU_FORMAT) as t:
    for i in range(40):
        data = (f'file {i}\n' * (i * 37 + 1)).encode()
        ti = tarfile.TarInfo(f'dir{i%4}/file-{i:03d}.txt'); ti.size = len(data); ti.mtime = 1700000000; ti.mode = 0o644
        t.addfile(ti, io.BytesIO(data))
    ti = tarfile.TarInfo('dir0/.wh.gone'); ti.size = 0; ti.mtime = 1700000000
    t.addfile(ti, io.BytesIO(b''))
raw = buf.getvalue()
cut = 20000
f1 = subprocess.run(['zstd', '-q', '-c', '-19'], input=raw[:cut], capture_output=True, check=True).stdout
f2 = subprocess.run(['zstd', '-q', '-c', '-3'], input=raw[cut:], capture_output=True, check=True).stdout
skippable = struct.pack('<II', 0x184D2A53, 5) + b'hello'
open('two-frames.tar.zst', 'wb').write(f1 + skippable + f2)
