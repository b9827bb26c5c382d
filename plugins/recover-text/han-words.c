/* han-words.c: see han-words.h. */
#include "han-words.h"

#include <stdlib.h>

/* The commonest words of modern Chinese prose, reports and accounts, simplified then
 * traditional forms; what matters is only which pairs of ideographs they hold. */
static const char common_words[] =
  "我们 他们 你们 自己 这个 那个 一个 一些 一样 一定 一起 一般 "
  "一直 一次 一步 一年 第一 之一 不是 不能 不会 不同 不断 不要 "
  "不得 没有 已经 可以 可能 应该 应当 需要 必须 进行 进一 通过 "
  "根据 按照 关于 对于 由于 因为 所以 但是 而且 并且 或者 如果 "
  "虽然 因此 同时 以及 以上 以下 以后 以前 之后 之前 之间 其中 "
  "其他 其它 什么 怎么 这样 那样 这些 那些 这种 就是 还是 也是 "
  "都是 只是 还有 时候 时间 现在 目前 今年 去年 明年 全年 当年 "
  "上年 本年 年度 年底 年初 今后 以来 期间 工作 发展 建设 经济 "
  "社会 国家 中国 人民 政府 管理 服务 推进 加强 加快 实施 实现 "
  "开展 完善 提高 提升 促进 坚持 落实 深化 推动 全面 重点 重要 "
  "主要 重大 积极 有效 进一步 创新 改革 开放 体系 机制 制度 政策 "
  "法律 规定 条例 标准 规范 规划 计划 项目 企业 公司 产业 行业 "
  "市场 投资 资金 财政 预算 支出 收入 增长 同比 比上 亿元 万元 "
  "合计 总计 小计 资产 负债 利润 收益 成本 费用 营业 经营 业务 "
  "销售 生产 产品 技术 科技 研究 教育 文化 卫生 医疗 健康 安全 "
  "环境 生态 保护 能源 农业 农村 城市 城乡 地区 区域 基础 设施 "
  "交通 水平 能力 质量 结构 情况 问题 方面 部门 单位 机构 组织 "
  "领导 干部 群众 代表 委员 会议 委员会 人大 政协 党委 党的 思想 "
  "理论 学习 习近平 新时代 特色 社会主义 中央 省委 市委 县委 人员 "
  "职工 员工 学生 学校 大学 医院 公共 基本 具体 相关 有关 各类 "
  "各项 各级 各地 全国 全省 全市 全县 地方 中心 信息 数据 统计 "
  "指标 比例 比重 总额 金额 数量 规模 范围 内容 方式 方法 过程 "
  "结果 目标 任务 措施 要求 意见 办法 通知 报告 公告 说明 决定 "
  "解决 处理 保障 支持 鼓励 引导 监督 检查 考核 评价 培训 宣传 "
  "调查 分析 设计 系统 网络 平台 应用 使用 利用 运行 运营 维护 "
  "提供 获得 取得 形成 成为 作为 具有 包括 包含 涉及 属于 存在 "
  "发生 出现 增加 减少 扩大 降低 达到 超过 完成 开始 继续 保持 "
  "确保 加大 强化 优化 巩固 健全 深入 扎实 持续 稳定 协调 统筹 "
  "融合 合作 交流 参与 共同 人才 队伍 精神 文明 和谐 民主 法治 "
  "依法 治理 监管 执法 司法 行政 审批 登记 注册 申请 办理 公开 "
  "透明 群体 家庭 儿童 老年 妇女 就业 创业 收费 价格 税收 税务 "
  "金融 银行 保险 证券 股份 股东 董事 监事 董事会 有限 责任 义务 "
  "权利 合同 协议 交易 关系 影响 作用 意义 价值 原则 条件 环节 "
  "阶段 水资源 土地 建筑 工程 施工 建成 完工 改造 提质 绿色 低碳 "
  "数字 智能 现代 现代化 高质量 新型 传统 特别 尤其 非常 比较 最大 "
  "最高 较大 较高 以内 以外 左右 之内 全部 部分 大部 多数 少数 "
  "每年 每月 每日 本次 本市 本省 本县 本区 本单位 我国 我市 我省 "
  "我区 我县 各个 各种 多种 多个 几个 两个 三个 第二 第三 经济社会 "
  "发展改革 發展 國家 經濟 社會 我們 他們 這個 這些 沒有 時間 時候 "
  "現在 服務 推進 實施 實現 開展 問題 會議 報告 說明 關於 對於 "
  "進行 應該 應當 國際 學生 學校 醫院 環境 質量 資金 財政 預算 "
  "增長 產業 企業 項目 經營 業務 銷售 生產 產品 技術 規定 條例 "
  "標準 規劃 計劃 資料 數據 統計 單位 機構 組織 領導 人員 員工 "
  "監事 責任 義務 權利 協議 關係 影響 意義 價值 原則 條件 因為 "
  "雖然 同時 一個 一樣 不會 必須 通過 根據 由於 已經 建設 中國 "
  "重點 進一步 加強 發揮 開放 體系 機制 "  ;

/* A pair of basic-block ideographs as one key: 15 bits each. The keys sit in a static array,
 * sorted, not on the heap: the module may be unloaded while the process runs on. */
#define MAX_PAIRS 2048
static guint32 keys[MAX_PAIRS];
static guint n_keys;

static guint32
pair_key (gunichar first, gunichar second)
{
  return (first - 0x4E00) << 15 | (second - 0x4E00);
}

static int
compare_keys (const void *a, const void *b)
{
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;
  return x < y ? -1 : x > y;
}

static void
build_keys (void)
{
  gunichar previous = 0;

  for (const char *p = common_words; *p != '\0' && n_keys < MAX_PAIRS; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (han_words_is_ideograph (previous) && han_words_is_ideograph (c))
        keys[n_keys++] = pair_key (previous, c);
      previous = c;
    }
  qsort (keys, n_keys, sizeof (guint32), compare_keys);
}

gboolean
han_words_is_common_pair (gunichar first, gunichar second)
{
  static gsize built = 0;
  guint32 key;

  if (!han_words_is_ideograph (first) || !han_words_is_ideograph (second))
    return FALSE;
  if (g_once_init_enter (&built))
    {
      build_keys ();
      g_once_init_leave (&built, 1);
    }
  key = pair_key (first, second);
  return bsearch (&key, keys, n_keys, sizeof (guint32), compare_keys) != NULL;
}
