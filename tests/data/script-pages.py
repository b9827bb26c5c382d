#!/usr/bin/python3
"""script-pages.py [DIR]: the text of the script fixtures (test-ocr-languages.sh reads it from
here); with DIR, writes DIR/script-ja.pdf and DIR/script-zh-hant.pdf, pages with a text layer,
and DIR/scan-ja.pdf and DIR/scan-ko.pdf, the same kind of page as a scan: one grey image at
150 dpi, no text layer (make-fixtures.sh)."""
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
    "ko": ("Noto Sans CJK KR", "Noto Serif CJK KR",
           ["제1장 예산안의 개요", "국민의 삶을 지키기 위한 재정 운용"],
           ["올해 예산은 국민의 삶을 지키기 위하여 편성되었습니다.",
            "세입은 전년도에 비하여 늘어났으며 재정의 건전성을 높입니다.",
            "아동 지원과 노인 복지에 중점을 두어 지역의 활력을 높입니다.",
            "도로와 교량의 유지 관리도 계획에 따라 추진하겠습니다.",
            "국민 여러분의 이해와 협조를 부탁드립니다.",
            "예산의 내용은 누리집에서도 보실 수 있습니다."]),
}
SCANS = ("ja", "ko")


def draw(ctx, language):
    heading_face, body_face, headings, body = PAGES[language]
    y = 90
    for face, size, lines in ((heading_face, 16, headings), (body_face, 12, body)):
        ctx.select_font_face(face)
        ctx.set_font_size(size)
        for line in lines:
            ctx.move_to(60, y)
            ctx.show_text(line)
            y += size * 2


def write_scan(path, language):
    import cairo
    dpi = 150
    image = cairo.ImageSurface(cairo.FORMAT_RGB24, 595 * dpi // 72, 842 * dpi // 72)
    ctx = cairo.Context(image)
    ctx.set_source_rgb(1, 1, 1)
    ctx.paint()
    ctx.set_source_rgb(0, 0, 0)
    ctx.scale(dpi / 72, dpi / 72)
    draw(ctx, language)
    surface = cairo.PDFSurface(path, 595, 842)
    surface.set_metadata(cairo.PDFMetadata.CREATE_DATE, "2026-01-01T00:00:00Z")
    ctx = cairo.Context(surface)
    ctx.scale(72 / dpi, 72 / dpi)
    ctx.set_source_surface(image)
    ctx.paint()
    surface.finish()


def write(path, language):
    import cairo
    surface = cairo.PDFSurface(path, 595, 842)
    surface.set_metadata(cairo.PDFMetadata.CREATE_DATE, "2026-01-01T00:00:00Z")
    draw(cairo.Context(surface), language)
    surface.finish()


if __name__ == "__main__":
    if len(sys.argv) == 2:
        for language in ("ja", "zh-hant"):
            write(f"{sys.argv[1]}/script-{language}.pdf", language)
        for language in SCANS:
            write_scan(f"{sys.argv[1]}/scan-{language}.pdf", language)
    else:
        for language, (_, _, headings, body) in PAGES.items():
            print(language, "".join(body))
