/* Unit tests of recto_numbering_match(): each scheme, its label length, and near misses. */
#include <string.h>

#include <recto/recto.h>

typedef struct
{
  const char *text;
  RectoNumbering numbering;
  const char *label; /* the label the match must cover */
} Case;

static const Case cases[] = {
  { "一、坚持问题导向", RECTO_NUMBERING_CJK_ENUM, "一、" },
  { "十二、其他", RECTO_NUMBERING_CJK_ENUM, "十二、" },
  { "（一）健全制度体系", RECTO_NUMBERING_CJK_PAREN, "（一）" },
  { "(三)加强领导", RECTO_NUMBERING_CJK_PAREN, "(三)" },
  { "（12）完善机制", RECTO_NUMBERING_ARABIC_PAREN, "（12）" },
  { "1.加强组织领导", RECTO_NUMBERING_ARABIC, "1." },
  { "2. 加强组织领导", RECTO_NUMBERING_ARABIC, "2. " },
  { "3、完善机制", RECTO_NUMBERING_ARABIC, "3、" },
  { "①组织保障", RECTO_NUMBERING_CIRCLED, "①" },
  { "第一章 总则", RECTO_NUMBERING_CHAPTER, "第一章" },
  { "第三节 方法", RECTO_NUMBERING_SECTION, "第三节" },
  { "第十二条 本办法", RECTO_NUMBERING_ARTICLE, "第十二条" },
  { "第二编", RECTO_NUMBERING_PART, "第二编" },
  { "第 1 节 模板", RECTO_NUMBERING_SECTION, "第 1 节" },
  { "第一部分 概况", RECTO_NUMBERING_PART, "第一部分" },
  { "Chapter 3 Findings", RECTO_NUMBERING_CHAPTER, "Chapter 3" },
  { "1 Introduction", RECTO_NUMBERING_DECIMAL_1, "1 " },
  { "2. Background", RECTO_NUMBERING_DECIMAL_1, "2. " },
  { "1.2 Scope", RECTO_NUMBERING_DECIMAL_2, "1.2 " },
  { "1.2 研究背景", RECTO_NUMBERING_DECIMAL_2, "1.2 " },
  { "1.1. 如何使用", RECTO_NUMBERING_DECIMAL_2, "1.1. " },
  { "3　实验", RECTO_NUMBERING_DECIMAL_1, "3　" },
  { "3.1.4 Method", RECTO_NUMBERING_DECIMAL_3, "3.1.4 " },
  { "１ 総 括", RECTO_NUMBERING_DECIMAL_1, "１ " },
  { "１２　歳出", RECTO_NUMBERING_DECIMAL_1, "１２　" },
  { "２．概要", RECTO_NUMBERING_ARABIC, "２．" },
  { "C.1 牌号命名的基本规则", RECTO_NUMBERING_DECIMAL_2, "C.1 " },
  { "C.1.1 分类", RECTO_NUMBERING_DECIMAL_3, "C.1.1 " },
  { "A.2.1.3 Sampling", RECTO_NUMBERING_DECIMAL_4, "A.2.1.3 " },
  { "(a) first item", RECTO_NUMBERING_LETTER, "(a) " },
  { "• bullet item", RECTO_NUMBERING_BULLET, "• " },
  /* Numbers that open ordinary sentences are not labels. */
  { "2022年以来，全区", RECTO_NUMBERING_NONE, "" },
  { "2022 年以来，全区", RECTO_NUMBERING_NONE, "" },
  { "２０２５年度予算", RECTO_NUMBERING_NONE, "" },
  { "２０２５ 年度予算", RECTO_NUMBERING_NONE, "" },
  { "12345政务服务", RECTO_NUMBERING_NONE, "" },
  { "98.5% of the", RECTO_NUMBERING_NONE, "" },
  { "1990 was a year", RECTO_NUMBERING_NONE, "" },
  { "U.S. exports", RECTO_NUMBERING_NONE, "" },
  { "B.1、加强", RECTO_NUMBERING_NONE, "" },
  { "A.1.2.3.4 Too deep", RECTO_NUMBERING_NONE, "" },
  { "一些单位", RECTO_NUMBERING_NONE, "" },
  { "第一次会议", RECTO_NUMBERING_NONE, "" },
  { "（注：略）", RECTO_NUMBERING_NONE, "" },
  { "", RECTO_NUMBERING_NONE, "" },
};

static void
test_cases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize length = 99;
      RectoNumbering numbering = recto_numbering_match (cases[i].text, &length);
      if (numbering != cases[i].numbering || length != strlen (cases[i].label))
        g_error ("'%s': scheme %d, label length %zu; expected %d and %zu", cases[i].text, numbering,
                 length, cases[i].numbering, strlen (cases[i].label));
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/numbering/cases", test_cases);
  return g_test_run ();
}
