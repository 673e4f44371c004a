#!/usr/bin/env python3
"""Writes the test HTML pages: each text given as a page Word's "Save as Web
Page" would write (head with styles and an XML island, conditional comments,
one <p> a line, list bullets in Word's downlevel conditionals, characters as
references), into OUT/texts/NAME.html.

usage: make-html.py OUT TEXT...
"""
import html, os, sys

HEAD = """<html xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word">
<head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<title>Kế hoạch số 99/KH-UBND</title>
<!--[if gte mso 9]><xml>
 <o:DocumentProperties><o:Author>Nghị định số 98/2099/NĐ-CP</o:Author></o:DocumentProperties>
</xml><![endif]-->
<style>
p.MsoNormal {mso-style-name:"Quyết định số 97/QĐ-UBND"; font-family:"Times New Roman";}
</style>
<script>var note = "Thông tư số 96/2099/TT-BTC";</script>
</head>
<body lang=VI>
<div class=WordSection1>
"""
TAIL = "</div>\n</body>\n</html>\n"


def reference(ch):
    """Vietnamese letters as numeric references, as older converters write them."""
    return f'&#{ord(ch)};' if ord(ch) > 0x7F and ch not in 'àáâãèéêìíòóôõùúý' else ch


def page(text):
    out = [HEAD]
    for line in text.split('\n'):
        bullet = ''
        if line.startswith('- '):      # a list item: Word writes its bullet in a conditional
            bullet = ("<![if !supportLists]><span>-<span style='font:7.0pt'>&nbsp;</span>"
                      "</span><![endif]>")
            line = line[2:]
        body = html.escape(line, quote=False)
        body = ''.join(reference(c) for c in body)
        out.append(f'<p class=MsoNormal>{bullet}{body}<o:p></o:p></p>\n')
    out.append(TAIL)
    return ''.join(out)


def main():
    out = os.path.join(sys.argv[1], 'texts')
    os.makedirs(out, exist_ok=True)
    for path in sys.argv[2:]:
        name = os.path.splitext(os.path.basename(path))[0]
        with open(path, encoding='utf-8') as f:
            text = f.read().rstrip('\n')
        with open(os.path.join(out, name + '.html'), 'w', encoding='utf-8') as f:
            f.write(page(text))


main()
