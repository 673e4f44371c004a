"""Writes a UTF-8 text file in VNI-Windows (for tests/e2e/t17.sh): each
letter's marks as the byte VNI writes after it, the five standing-alone
letters (đ ơ ư, the i's, ỵ) as their own bytes, the rest windows-1252."""
import sys
import unicodedata

TONE = {0x301: 'ù', 0x300: 'ø', 0x309: 'û', 0x303: 'õ', 0x323: 'ï'}
CIRCUMFLEX = {None: 'â', 0x301: 'á', 0x300: 'à', 0x309: 'å', 0x303: 'ã', 0x323: 'ä'}
BREVE = {None: 'ê', 0x301: 'é', 0x300: 'è', 0x309: 'ú', 0x303: 'ü', 0x323: 'ë'}
I_TONE = {0x301: 'í', 0x300: 'ì', 0x309: 'æ', 0x303: 'ó', 0x323: 'ò'}
ALONE = {'đ': 'ñ', 'ơ': 'ô', 'ư': 'ö', 'ỵ': 'î'}


def vni(ch):
    low = ch.lower()
    cased = (lambda s: s.upper()) if ch != low else (lambda s: s)
    if low in ALONE:
        return cased(ALONE[low])
    decomposed = unicodedata.normalize('NFD', low)
    base, marks = decomposed[0], [ord(m) for m in decomposed[1:]]
    if not marks or not base.isascii():
        return ch
    shape = next((m for m in marks if m in (0x302, 0x306, 0x31B)), None)
    tone = next((m for m in marks if m not in (0x302, 0x306, 0x31B)), None)
    if shape == 0x31B:
        return cased({'o': 'ô', 'u': 'ö'}[base] + TONE.get(tone, ''))
    if base == 'i':
        return cased(I_TONE[tone])
    if shape == 0x302:
        return cased(base + CIRCUMFLEX[tone])
    if shape == 0x306:
        return cased(base + BREVE[tone])
    return cased(base + TONE[tone])


text = unicodedata.normalize('NFC', open(sys.argv[1], encoding='utf-8').read())
sys.stdout.buffer.write(''.join(vni(c) for c in text).encode('cp1252', errors='replace'))
