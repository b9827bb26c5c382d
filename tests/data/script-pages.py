#!/usr/bin/python3
"""script-pages.py [DIR]: the text of the script fixtures (test-ocr-languages.sh reads it from
here); with DIR, writes DIR/script-ja.pdf and DIR/script-zh-hant.pdf (make-fixtures.sh)."""
import sys

# language: (heading face, body face, heading lines, body lines)
PAGES = {
    "ja": ("Noto Sans CJK JP", "Noto Serif CJK JP",
           ["第１章　予算の概要について", "市民の暮らしを守るための取り組み"],
           ["令和７年度の予算は、市民の暮らしを守るために編成されました。",
            "歳入の見込みは前年度と比べて増えており、財政の健全化を進めます。",
            "子育て支援と高齢者の福祉に重点を置き、地域の活力を高めます。",
            "道路や橋の維持管理についても、計画的に取り組んでまいります。",
            "市民の皆様のご理解とご協力をお願いいたします。",
            "予算の内容は、市のホームページでもご覧いただけます。"]),
    "zh-hant": ("AR PL UKai TW", "AR PL UMing TW",
                ["第一章　預算總說明與執行報告", "本報告說明各機關經費運用的實際情況"],
                ["本年度預算著重於經濟發展與社會福利，並持續推動數位轉型。",
                 "政府將加強對環境保護的投資，改善空氣品質與水資源管理。",
                 "各機關應依照規定辦理採購，確保資金運用的效率與透明。",
                 "教育經費逐年增加，以提升學校設備及師資的素質。",
                 "對於偏遠地區的交通建設，將優先編列經費並加速執行。",
                 "以上說明請參閱附表，各項數據均經會計單位審核。"]),
}


def write(path, language):
    import cairo
    heading_face, body_face, headings, body = PAGES[language]
    surface = cairo.PDFSurface(path, 595, 842)
    surface.set_metadata(cairo.PDFMetadata.CREATE_DATE, "2026-01-01T00:00:00Z")
    ctx = cairo.Context(surface)
    y = 90
    for face, size, lines in ((heading_face, 16, headings), (body_face, 12, body)):
        ctx.select_font_face(face)
        ctx.set_font_size(size)
        for line in lines:
            ctx.move_to(60, y)
            ctx.show_text(line)
            y += size * 2
    surface.finish()


if __name__ == "__main__":
    if len(sys.argv) == 2:
        for language in PAGES:
            write(f"{sys.argv[1]}/script-{language}.pdf", language)
    else:
        for language, (_, _, headings, body) in PAGES.items():
            print(language, "".join(body))
