"""Writes hostile bundles, one per kind of attack, for HostileBundleTests.

Usage: python3 make_hostile_bundles.py OUTPUT_FOLDER EVIL_TARGET

Each bundle starts like a real one (a top-level folder with a bagit.txt) so that the
attack, not an early structural error, is what must be caught. EVIL_TARGET is an absolute
path that a naive extractor would write to; the tests check it never appears.
"""
import gzip
import io
import os
import sys
import tarfile
import unicodedata

out, evil = sys.argv[1], sys.argv[2]
TOP = "ID-MOD-20250730T000000Z"


def info(name, data=b"", **fields):
    item = tarfile.TarInfo(name)
    item.size = len(data)
    item.mode = 0o644
    item.mtime = 1753833600
    for key, value in fields.items():
        setattr(item, key, value)
    return item, data


def start():
    return [info(TOP + "/", type=tarfile.DIRTYPE, mode=0o755), info(TOP + "/bagit.txt", b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n")]


def tar_bytes(members, format=tarfile.PAX_FORMAT):
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=format) as archive:
        for item, data in members:
            archive.addfile(item, io.BytesIO(data) if item.isreg() else None)
    return buffer.getvalue()


def body(raw):
    """A tar stream without its end-of-archive blocks and padding, to append more headers to."""
    return raw[: (len(raw.rstrip(b"\0")) + 511) // 512 * 512]


def write(name, raw_tar=None, members=None, gz=None, format=tarfile.PAX_FORMAT):
    if gz is None:
        gz = gzip.compress(raw_tar if raw_tar is not None else tar_bytes(members, format), mtime=0)
    with open(os.path.join(out, name + ".tar.gz"), "wb") as handle:
        handle.write(gz)


relative_evil = "../" * 12 + evil.lstrip("/")
write("dotdot-path", members=start() + [info(TOP + "/data/" + relative_evil, b"pwned\n")])
write("absolute-path", members=start() + [info(evil, b"pwned\n")])
write("backslash-path", members=start() + [info(TOP + "\\..\\evil.txt", b"pwned\n")])
write("drive-letter-path", members=start() + [info("C:/" + TOP + "/evil.txt", b"pwned\n")])
write("symlink", members=start() + [info(TOP + "/data/link", type=tarfile.SYMTYPE, linkname=evil)])
write("hard-link", members=start() + [info(TOP + "/data/hard", type=tarfile.LNKTYPE, linkname=TOP + "/bagit.txt")])
write("character-device", members=start() + [info(TOP + "/data/null", type=tarfile.CHRTYPE, devmajor=1, devminor=3)])
write("fifo", members=start() + [info(TOP + "/data/pipe", type=tarfile.FIFOTYPE)])
write("setuid-mode", members=start() + [info(TOP + "/data/run.sh", b"#!/bin/sh\n", mode=0o4755)])
write("duplicate-name", members=start() + [info(TOP + "/data/a.txt", b"one\n"), info(TOP + "/data/a.txt", b"two\n")])
write("case-colliding-names", members=start() + [info(TOP + "/data/Report.txt", b"one\n"), info(TOP + "/data/report.txt", b"two\n")])
write("unicode-colliding-names", members=start() + [
    info(TOP + "/data/" + unicodedata.normalize("NFC", "caf\u00e9.txt"), b"one\n"),
    info(TOP + "/data/" + unicodedata.normalize("NFD", "caf\u00e9.txt"), b"two\n")])
write("two-top-level-folders", members=start() + [info("OTHER/bagit.txt", b"x\n")])

# A pax header that renames an innocent-looking entry to an escaping path.
renamed, data = info(TOP + "/data/innocent.txt", b"pwned\n")
renamed.pax_headers = {"path": relative_evil}
write("pax-rename-escape", members=start() + [(renamed, data)])

# A pax path with a NUL byte inside.
nul = tarfile.TarInfo(TOP + "/data/x")
nul_tar = bytearray(tar_bytes(start()[:1]))
record = b"path=" + (TOP + "/data/a").encode() + b"\x00b.txt\n"
length = len(record) + 3
length = len(record) + len(str(length)) + 1
pax = str(length).encode() + b" " + record
header = tarfile.TarInfo("PaxHeaders/x")
header.type = tarfile.XHDTYPE
header.size = len(pax)
evil_file = tarfile.TarInfo(TOP + "/data/plain.txt")
evil_file.size = 6
blocks = header.tobuf(tarfile.USTAR_FORMAT) + pax + b"\0" * (-len(pax) % 512)
blocks += evil_file.tobuf(tarfile.USTAR_FORMAT) + b"pwned\n" + b"\0" * (512 - 6)
write("nul-in-pax-path", raw_tar=body(bytes(nul_tar)) + blocks + b"\0" * 1024)

# A header that declares more data than the archive holds.
good = tar_bytes(start())
lying = tarfile.TarInfo(TOP + "/data/big.bin")
lying.size = 10_000_000
write("declared-size-lies", raw_tar=body(good) + lying.tobuf(tarfile.USTAR_FORMAT) + b"x" * 1000)

# Damage in the tar header checksum.
damaged = bytearray(tar_bytes(start() + [info(TOP + "/data/a.txt", b"hello\n")], format=tarfile.USTAR_FORMAT))
damaged[1536 + 5] ^= 0x01  # a byte of the third header's name (after two headers and one data block)
write("bad-header-checksum", raw_tar=bytes(damaged))

# gzip-level damage.
whole = gzip.compress(tar_bytes(start() + [info(TOP + "/data/a.txt", os.urandom(4096).hex().encode())]), mtime=0)
write("truncated-gzip", gz=whole[: len(whole) - 200])
write("trailing-garbage", gz=whole + b"GARBAGE AFTER THE GZIP MEMBER")
bad_crc = bytearray(whole)
bad_crc[-8] ^= 0xFF
write("bad-gzip-crc", gz=bytes(bad_crc))
write("not-gzip", gz=b"PK\x03\x04 this is not a gzip file at all")

# A gzip bomb: 256 MiB of zeros in one entry (compresses about 1000:1).
bomb = io.BytesIO()
with gzip.GzipFile(fileobj=bomb, mode="wb", mtime=0) as compressed:
    compressed.write(body(tar_bytes(start())))
    entry = tarfile.TarInfo(TOP + "/data/zeros.bin")
    entry.size = 256 << 20
    compressed.write(entry.tobuf(tarfile.USTAR_FORMAT))
    chunk = b"\0" * (1 << 20)
    for _ in range(256):
        compressed.write(chunk)
    compressed.write(b"\0" * 1024)
write("gzip-bomb", gz=bomb.getvalue())

# Very many entries (the test lowers the entry limit to 1,000).
many = start() + [info(TOP + "/data/attachments/f%05d.txt" % index, b"") for index in range(5000)]
write("many-entries", members=many)
