"""Writes a UTF-8 text file as Word saves a document typed in a legacy font
(for tests/e2e/t17.sh): each line's legacy bytes (TCVN3 through iconv, or
VNI through to-vni.py) kept as the windows-1252 characters they look like.

    legacy-font.py tcvn3|vni IN OUT [--from-line N]

With --from-line N, lines before N stay Unicode: a document mixing fonts."""
import os
import subprocess
import sys
import unicodedata


def legacy_bytes(kind, text):
    if kind == 'tcvn3':
        return subprocess.run(['iconv', '-f', 'UTF-8', '-t', 'TCVN5712-1//TRANSLIT'],
                              input=text.encode('utf-8'), capture_output=True, check=True).stdout
    here = os.path.dirname(os.path.abspath(__file__))
    tmp = os.environ.get('TMPDIR', '/tmp') + '/legacy-font-%d.txt' % os.getpid()
    with open(tmp, 'w', encoding='utf-8') as f:
        f.write(text)
    try:
        return subprocess.run(['/usr/bin/python3', os.path.join(here, 'to-vni.py'), tmp],
                              capture_output=True, check=True).stdout
    finally:
        os.unlink(tmp)


def as_windows_1252(data):
    # the five bytes windows-1252 leaves undefined stand for themselves, as Word writes them
    return ''.join(bytes([b]).decode('cp1252', errors='ignore') or chr(b) for b in data)


kind, src, dst = sys.argv[1], sys.argv[2], sys.argv[3]
first = int(sys.argv[5]) if len(sys.argv) > 5 and sys.argv[4] == '--from-line' else 1
lines = unicodedata.normalize('NFC', open(src, encoding='utf-8').read()).split('\n')
keep, convert = lines[:first - 1], lines[first - 1:]
out = keep + as_windows_1252(legacy_bytes(kind, '\n'.join(convert))).split('\n')
with open(dst, 'w', encoding='utf-8') as f:
    f.write('\n'.join(out))
