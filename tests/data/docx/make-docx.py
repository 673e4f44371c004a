#!/usr/bin/python3
"""Writes the .docx fixtures of tests/e2e/t14_extract_docx.sh (deterministic bytes).

usage: make-docx.py OUTDIR [TEXT...]

plan.docx: a short plan as Word writes it: runs split inside a symbol, a tab, a
footnote whose text cites an instrument, a deleted revision, a field code, a
text box in mc:AlternateContent (its fallback repeats the text), a table, a
decomposed (non-NFC) tone mark.  not-word.docx: a ZIP without word/document.xml
(an .xlsx renamed); broken.docx: plan.docx cut in half; bad-xml.docx: a
document.xml that is not well-formed.  Each TEXT file given becomes
OUTDIR/texts/NAME.docx and NAME.odt, one paragraph a line, so that their
citations can be compared with the text's.
"""
import html, os, sys, zipfile

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'

def p(*runs):
    return '<w:p>' + ''.join(runs) + '</w:p>'

def r(text, space=False):
    attr = ' xml:space="preserve"' if space else ''
    return f'<w:r><w:t{attr}>{text}</w:t></w:r>'

body = ''.join([
    p(r('ỦY BAN NHÂN DÂN'), '<w:r><w:tab/></w:r>', r('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')),
    p(r('TỈNH QUẢNG NAM')),
    p(r('Số: 12/KH-UBND')),
    p(r('Quảng Nam, ngày 10 tháng 01 năm 2025')),
    p(r('KẾ HOẠCH')),
    p(r('Thực hiện dân chủ ở cơ sở năm 2025')),
    '<w:p/>',
    p(r('Căn cứ Nghị định số 59/2023/', True), r('NĐ-CP'), r(' ngày 14/8/2023 của Chính phủ;', True),
      '<w:r><w:footnoteReference w:id="1"/></w:r>'),
    p(r('Căn cứ Kết luận số 120-KL/TW', True),
      '<w:del w:id="9" w:author="A"><w:r><w:delText> và Chỉ thị số 99/CT-TTg</w:delText></w:r></w:del>',
      '<w:ins w:id="10" w:author="A"><w:r><w:t xml:space="preserve"> ngày 07/01/2016 của Bộ Chính trị;</w:t></w:r></w:ins>'),
    p('<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
      '<w:r><w:instrText xml:space="preserve"> HYPERLINK "Quyết định số 88/QĐ-UBND" </w:instrText></w:r>',
      '<w:r><w:fldChar w:fldCharType="separate"/></w:r>', r('Luật Tiếp công dân'),
      '<w:r><w:fldChar w:fldCharType="end"/></w:r>', r(' năm 2013;', True)),
    p('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>',
      p(r('Kế hoạch số 26-KH/BCĐ ngày 23/02/2024')),
      '</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>',
      p(r('Kế hoạch số 26-KH/BCĐ ngày 23/02/2024')),
      '</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>'),
    '<w:tbl><w:tr><w:tc>', p(r('1')), '</w:tc><w:tc>',
    p(r('Quy định số 11-QĐi/TW ngày 18/02/2019')), '</w:tc></w:tr></w:tbl>',
    p(r('Tiếp tục thực hie\u0302̣n tốt.')),
])
document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:document {W} {MC}><w:body>{body}<w:sectPr/></w:body></w:document>')
footnotes = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes {W}>'
             '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
             '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
             '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>'
             '<w:r><w:t xml:space="preserve"> Gồm: Chỉ thị số 30/CT-TTg ngày 26/11/2021.</w:t></w:r></w:p></w:footnote>'
             '</w:footnotes>')
content_types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 '<Default Extension="xml" ContentType="application/xml"/>'
                 '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                 '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
                 '</Types>')
rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        '</Relationships>')

def write(path, parts):
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        for name, text in parts:
            info = zipfile.ZipInfo(name, date_time=(2025, 1, 10, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode('utf-8'))

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
parts = [('[Content_Types].xml', content_types), ('_rels/.rels', rels),
         ('word/document.xml', document), ('word/footnotes.xml', footnotes)]
write(os.path.join(out, 'plan.docx'), parts)
write(os.path.join(out, 'not-word.docx'), [('[Content_Types].xml', content_types), ('xl/workbook.xml', '<workbook/>')])
write(os.path.join(out, 'bad-xml.docx'), [('word/document.xml', document[:len(document) // 2])])
data = open(os.path.join(out, 'plan.docx'), 'rb').read()
open(os.path.join(out, 'broken.docx'), 'wb').write(data[:len(data) // 2])

texts = os.path.join(out, 'texts')
for path in sys.argv[2:]:
    os.makedirs(texts, exist_ok=True)
    lines = open(path, encoding='utf-8').read().split('\n')
    runs = ''.join(p(r(html.escape(line, quote=False), True)) for line in lines)
    stem = os.path.splitext(os.path.basename(path))[0]
    write(os.path.join(texts, stem + '.docx'),
          parts[:2] + [('word/document.xml', f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                                             f'<w:document {W}><w:body>{runs}</w:body></w:document>')])
    # the same as an OpenDocument text: blanks that OpenDocument would collapse as text:s
    def odt_line(line):
        out, k = [], 0
        while k < len(line):
            j = k
            while j < len(line) and line[j] in ' \t':
                j += 1
            if j > k:
                for ch in line[k:j]:
                    out.append('<text:tab/>' if ch == '\t' else '<text:s/>')
                k = j
            else:
                out.append(html.escape(line[k], quote=False))
                k += 1
        return '<text:p>' + ''.join(out) + '</text:p>'
    content = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>'
               + ''.join(odt_line(line) for line in lines) +
               '</office:text></office:body></office:document-content>')
    write(os.path.join(texts, stem + '.odt'),
          [('mimetype', 'application/vnd.oasis.opendocument.text'), ('content.xml', content)])
