#!/usr/bin/env python3
"""Locks and opens Kindred's locked share files, written from docs/share-format.md
("Locked files") alone, with Python's `cryptography`: a second implementation, so that the
tests know Kindred's files follow the document and not merely Kindred's own reading of it.

    locked.py lock PASSPHRASE IN OUT     lock the share file IN into OUT
    locked.py open PASSPHRASE IN OUT     open the locked file IN into OUT (exit 1 if refused)
"""

import base64
import json
import os
import sys

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

ITERATIONS = 600_000


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def key(passphrase: str, salt: bytes, iterations: int) -> bytes:
    kdf = PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=salt, iterations=iterations)
    return kdf.derive(passphrase.strip().encode("utf-8"))


def header(iterations: int, salt: bytes, iv: bytes) -> dict:
    return {
        "format": "kindred-locked",
        "version": 1,
        "kdf": "PBKDF2-HMAC-SHA256",
        "iterations": iterations,
        "salt": b64(salt),
        "cipher": "AES-256-GCM",
        "iv": b64(iv),
    }


def line(value: dict) -> str:
    return json.dumps(value, separators=(",", ":"))


def lock(passphrase: str, text: str) -> str:
    salt, iv = os.urandom(16), os.urandom(12)
    head = header(ITERATIONS, salt, iv)
    sealed = AESGCM(key(passphrase, salt, ITERATIONS)).encrypt(
        iv, text.encode("utf-8"), line(head).encode("utf-8")
    )
    return line({**head, "ciphertext": b64(sealed)})


def open_locked(passphrase: str, text: str) -> str:
    envelope = json.loads(text)
    head = {k: envelope[k] for k in header(0, b"", b"")}
    if line({**head, "ciphertext": envelope["ciphertext"]}) != text.rstrip("\n"):
        raise ValueError("not exactly as Kindred writes it")
    if head["format"] != "kindred-locked" or head["version"] != 1:
        raise ValueError("not a locked file of version 1")
    if not 600_000 <= head["iterations"] <= 2_000_000:
        raise ValueError("iterations out of bounds")
    salt, iv = unb64(head["salt"]), unb64(head["iv"])
    plain = AESGCM(key(passphrase, salt, head["iterations"])).decrypt(
        iv, unb64(envelope["ciphertext"]), line(head).encode("utf-8")
    )
    return plain.decode("utf-8")


def main() -> int:
    command, passphrase, source, target = sys.argv[1:5]
    with open(source, encoding="utf-8") as file:
        text = file.read()
    try:
        result = lock(passphrase, text) if command == "lock" else open_locked(passphrase, text)
    except (InvalidTag, ValueError, KeyError) as refused:
        print(f"refused: {refused!r}", file=sys.stderr)
        return 1
    with open(target, "w", encoding="utf-8") as file:
        file.write(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
