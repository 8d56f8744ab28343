#!/usr/bin/env python3
"""Writes word_grouping.pdf: the cases of poppler's word grouping the PDF reader's own collector
must reproduce (tests/pdf_word_collector_test.cpp compares it with TextOutputDev page by page).
Page 1: spacing (Tc, Tw, Tz, TJ kerning), fake bold, the four rotations, mirrored text, a font
or size change inside a word, text off the page, /ActualText spans, a Type 3 font, invisible
text, a scaled matrix, tiny text, a raised superscript, WinAnsi accents, vertical writing (a
Type 0 font with Identity-V), strokes and fills. Page 2: spacing accents (´ ¨ `) that poppler
merges with their letter, which the collector leaves to TextOutputDev. Page 3: contents in two
parts with what the reader's content parser leaves to poppler's Parser (a string over the parts'
end, an inline image, a name with # escapes, a reference), and a Q after that closing a q before
it. Page 4: a form XObject drawn between words the content parser reads. Page 5: filled and
stroked cells whose colour is set again, changed, and brought back by Q (the reader skips an rg
or RG that repeats the colour in use). Run: python3 make.py"""
import pathlib
import zlib

PAGE1 = rb"""
BT /F1 10 Tf 72 700 Td (Plain words here) Tj ET
q BT /F1 10 Tf 2 Tc 72 680 Td (Spaced out) Tj ET Q
q BT /F1 10 Tf 5 Tw 72 660 Td (Word spacing test) Tj ET Q
q BT /F1 10 Tf 150 Tz 72 640 Td (Wide words) Tj ET Q
BT /F1 10 Tf 72 620 Td [(Ker) -120 (ning) 500 (gap) 80 (close)] TJ ET
BT /F1 10 Tf 72 600 Td (Bold) Tj ET BT /F1 10 Tf 72.3 600 Td (Bold) Tj ET
BT /F1 10 Tf 0 1 -1 0 300 300 Tm (Up text) Tj ET
BT /F1 10 Tf -1 0 0 -1 300 200 Tm (Down text) Tj ET
BT /F1 10 Tf 0 -1 1 0 400 300 Tm (Side text) Tj ET
BT /F1 10 Tf -1 0 0 1 500 500 Tm (Mirror) Tj ET
BT /F1 10 Tf 72 560 Td (Mix) Tj /F2 10 Tf (ed) Tj ET
BT /F1 10 Tf 72 540 Td (Big) Tj /F1 14 Tf (ger) Tj ET
BT /F1 10 Tf 700 540 Td (Gone) Tj ET
BT /F1 10 Tf -50 540 Td (Cut off) Tj ET
/Span <</ActualText (fi)>> BDC BT /F1 10 Tf 72 520 Td (X) Tj ET EMC
BT /F1 10 Tf 72 500 Td (pre) Tj ET
/Span <</ActualText (\376\377\000A\000B)>> BDC BT /F1 10 Tf 87 500 Td (zz) Tj ET EMC
BT /F3 10 Tf 72 480 Td (abba) Tj ET
q BT 3 Tr /F1 10 Tf 72 460 Td (Hidden) Tj ET Q
q 2 0 0 2 0 0 cm BT /F1 5 Tf 36 220 Td (Scaled) Tj ET Q
BT /F1 1 Tf 72 420 Td (tiny) Tj ET
BT /F1 10 Tf 72 400 Td (x) Tj 0 3 Td (2) Tj ET
BT /F1 10 Tf 72 380 Td (Secretar\355a a\361o \(2022\)) Tj ET
BT /F4 10 Tf 550 700 Td <0041004200430020004400450046> Tj ET
BT /F1 10 Tf 72 360 Td (tab\011sep) Tj ET
0 0 0 RG 1 w 72 350 m 300 350 l S
0.8 g 72 320 100 20 re f
"""

PAGE2 = rb"""
BT /F1 10 Tf 72 700 Td (caf\264 e\250 \140a) Tj ET
BT /F1 10 Tf 72 680 Td (Plain) Tj ET
"""

# Split in two content streams: "(Split" ends the first.
PAGE3_PARTS = (
    rb"""
BT /F1 10 Tf 72 700 Td (Before) Tj ET
q 1 0 0 1 0 -20 cm
BT /F1 10 Tf 72 700 Td (Split""",
    rb""" string) Tj ET
q BI /W 2 /H 2 /BPC 8 /CS /G ID """ + b"\x00\xff\xff\x00" + rb""" EI Q
BT /F1 10 Tf 72 660 Td (After image) Tj ET
Q
BT /F1 10 Tf 72 640 Td (Unshifted) Tj ET
/Sp#61n <</MCID 3 0 R>> BDC BT /F1 10 Tf 72 620 Td (Marked) Tj ET EMC
BT /F1 10 Tf 72 600 Td (Last) Tj ET
""",
)

PAGE4 = rb"""
BT /F1 10 Tf 72 700 Td (Before form) Tj ET
q 1 0 0 1 0 -40 cm /Fm1 Do Q
BT /F1 10 Tf 72 640 Td (After form) Tj ET
"""

PAGE5 = rb"""
BT /F1 10 Tf 72 700 Td (Colours) Tj ET
0 0 1 rg 72 600 50 20 re f
0 0 1 rg 132 600 50 20 re f
1 0 0 rg 192 600 50 20 re f
q 0 1 0 rg 252 600 50 20 re f Q
312 600 50 20 re f
1 0 0 rg 0.5 0.5 0.5 RG 372 600 50 20 re f 72 560 m 300 560 l S
0.5 0.5 0.5 RG 72 540 m 300 540 l S
0 0 0 RG 72 520 m 300 520 l S
0.2 g 72 480 50 20 re f 0.2 0.2 0.2 rg 132 480 50 20 re f
"""

FORM = rb"""BT /F1 10 Tf 72 700 Td (In form) Tj ET 0 0 0 RG 72 690 m 200 690 l S"""

TO_UNICODE = b"""/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def /CMapType 2 def
1 begincodespacerange <0000> <FFFF> endcodespacerange
1 beginbfrange <0020> <005A> <0020> endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end
"""


def stream(data, compress=True):
    if compress:
        data = zlib.compress(data)
        return b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def main():
    glyph = b"600 0 0 0 600 700 d1 0 0 600 700 re f"
    resources = (b"<< /Font << /F1 5 0 R /F2 6 0 R /F3 7 0 R /F4 10 0 R >>"
                 b" /XObject << /Fm1 20 0 R >> >>")
    objs = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R 4 0 R 16 0 R 17 0 R 22 0 R] /Count 5 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources " + resources
        + b" /Contents 14 0 R >>",
        4: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources " + resources
        + b" /Contents 15 0 R >>",
        5: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        6: b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier-Bold /Encoding /WinAnsiEncoding >>",
        7: b"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1000 1000] /FontMatrix [0.001 0 0 0.001 0 0]"
        b" /CharProcs << /a 8 0 R /b 9 0 R >> /Encoding << /Type /Encoding /Differences [97 /a /b] >>"
        b" /FirstChar 97 /LastChar 98 /Widths [600 500] /Resources << >> >>",
        8: stream(glyph, False),
        9: stream(glyph, False),
        10: b"<< /Type /Font /Subtype /Type0 /BaseFont /Vertical /Encoding /Identity-V"
        b" /DescendantFonts [11 0 R] /ToUnicode 13 0 R >>",
        11: b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Vertical /CIDSystemInfo"
        b" << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 12 0 R"
        b" /DW 1000 /CIDToGIDMap /Identity >>",
        12: b"<< /Type /FontDescriptor /FontName /Vertical /Flags 4 /FontBBox [0 -200 1000 800]"
        b" /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>",
        13: stream(TO_UNICODE),
        14: stream(PAGE1),
        15: stream(PAGE2),
        16: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources " + resources
        + b" /Contents [18 0 R 19 0 R] >>",
        17: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources " + resources
        + b" /Contents 21 0 R >>",
        18: stream(PAGE3_PARTS[0]),
        19: stream(PAGE3_PARTS[1]),
        20: b"<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources " + resources
        + stream(FORM)[2:],
        21: stream(PAGE4),
        22: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources " + resources
        + b" /Contents 23 0 R >>",
        23: stream(PAGE5),
    }
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for num in sorted(objs):
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + objs[num] + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for num in sorted(objs):
        out += b"%010d 00000 n \n" % offsets[num]
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    path = pathlib.Path(__file__).with_name("word_grouping.pdf")
    path.write_bytes(bytes(out))


if __name__ == "__main__":
    main()
