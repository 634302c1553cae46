"""Name pools for the generator: people, communities and villages, firms, social organisations.

Everything here is fictitious; the pools only make names look like those of Rencheng District.
Pools are tuples (ordered), so picks from a seeded `random.Random` are reproducible.
"""

from __future__ import annotations

import random

# Common surnames, the most frequent first; `SURNAME_WEIGHTS` favours the head of the list.
SURNAMES = tuple(
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡"
    "贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段"
    "雷钱汤尹黎易常武乔贺赖龚文颜岳"
)
SURNAME_WEIGHTS = tuple(max(1.0, 30.0 - i) for i in range(len(SURNAMES)))

GIVEN_MALE = tuple(
    "伟强磊军勇杰涛明超鹏浩宇轩博文俊凯晨阳帅辉斌鑫健亮波峰飞龙刚志新建国华海振宏子梓睿泽一昊"
    "天铭嘉瑞家皓宸逸航成林立东平"
)
GIVEN_FEMALE = tuple(
    "芳娜敏静丽艳娟霞婷雪颖慧洁玲琳倩欣怡悦涵梓萱雨诗琪佳婧晶璐蕾丹萍红燕梅莉彤可馨妍思语晴钰"
    "曼瑶嘉欢月秀"
)

# Two-character words that name urban communities (社区) of the streets (街道).
_COMMUNITY_WORDS_TEXT = (
    "南门 北门 东门 西门 太白 运河 文化 建设 杨柳 红星 幸福 和平 光明 新华 振兴 阳光 "
    "翰林 宏祥 华侨 崇文 洸河 琵琶山 秀水 龙行 凤凰 唐城 兴隆 荷花 东方 城南 城北 府河 "
    "古槐 铁塔 竹竿巷 越河 南池 东大寺 打绳街 枣店 吉祥 金宇 永丰 柳行 王母阁 电厂 火炬 开源 "
    "洸府 济安 车站 八里 常青 春城 百花 世纪 明珠 北湖 如意 康乐 育才 福泰 正阳 环城 "
    "利民 新兴 富民 三里营 西苑 锦绣 学府 太和 汇丰 长虹 繁荣 解放 胜利 红旗 铁路 工人 "
    "银都 金桥 嘉和 泰和 鸿福 颐和 盛世 丽景 翠都 清河 浣笔泉 声远 仙营 京杭 同济 文昌 "
)
COMMUNITY_WORDS = tuple(_COMMUNITY_WORDS_TEXT.split())
COMMUNITY_SUFFIXES = ("社区", "东社区", "西社区", "南社区", "北社区", "新村社区", "花园社区")

# Villages (村) of the towns (镇): prefix + surname + settlement word + 村, e.g. 前李村, 王庄村.
VILLAGE_PREFIXES = ("", "前", "后", "东", "西", "南", "北", "大", "小", "新")
VILLAGE_SETTLEMENTS = ("", "庄", "楼", "营", "屯", "集", "桥", "店", "寨", "官庄", "洼", "堂", "口")

STREET_NAMES = (
    "太白路", "建设路", "共青团路", "洸河路", "红星路", "古槐路", "琵琶山路", "运河路", "济安桥路",
    "车站路", "任城大道", "吴泰闸路", "仙营路", "金宇路", "火炬路", "越河路", "南池路", "环城路",
)  # fmt: skip

# Firms: brand words, and the industry each name word belongs to.
FIRM_BRANDS = (
    "鑫源", "华通", "宏达", "恒远", "瑞丰", "金泰", "顺达", "润泽", "天成", "博远", "中诚", "永盛",
    "汇通", "嘉禾", "鼎盛", "信达", "聚力", "海川", "宇航", "德润", "兴业", "明阳", "正通", "安泰",
    "宏图", "同创", "康瑞", "万和", "新锐", "诚信", "泓泰", "运通", "佳润", "福源", "凯达", "恒信",
    "昌盛", "众鑫", "华瑞", "金诺", "盛泰", "鲁达", "运河", "圣源", "广聚", "志远", "丰泽", "创联",
)  # fmt: skip
FIRM_KINDS = (
    ("物流", "快递物流"), ("快递服务", "快递物流"), ("电子商务", "电子商务"),
    ("网络科技", "电子商务"), ("机械制造", "制造业"), ("工程机械", "制造业"),
    ("纺织", "制造业"), ("食品", "制造业"), ("商贸", "批发零售"), ("超市", "批发零售"),
    ("汽车销售服务", "批发零售"), ("餐饮管理", "餐饮住宿"), ("酒店管理", "餐饮住宿"),
    ("信息技术", "信息技术"), ("软件", "信息技术"), ("建筑工程", "建筑业"), ("建材", "建筑业"),
)  # fmt: skip
FIRM_KIND_WEIGHTS = (6, 3, 5, 3, 6, 3, 3, 3, 8, 3, 3, 5, 2, 4, 2, 4, 3)
FIRM_PREFIXES = ("济宁市任城区", "济宁", "山东")
FIRM_PREFIX_WEIGHTS = (5, 3, 2)
FIRM_SUFFIXES = ("有限公司", "有限责任公司")

# District-level social organisations with the services they offer. The report names the first
# two (区青年志愿者协会, 区书法家协会).
DISTRICT_SOCIAL_ORGS = (
    ("任城区青年志愿者协会", ("VOLUNTEERING", "CULTURE_SPORTS")),
    ("任城区书法家协会", ("CULTURE_SPORTS",)),
    ("任城区社会工作服务中心", ("CHILD_CARE", "PSYCHOLOGICAL_COUNSELING", "FINANCIAL_AID")),
    ("任城区心理咨询协会", ("PSYCHOLOGICAL_COUNSELING",)),
    ("任城区律师志愿服务队", ("LEGAL_AID",)),
    ("任城区爱心助学协会", ("TUTORING", "FINANCIAL_AID")),
    ("任城区大学生志愿服务联合会", ("TUTORING", "VOLUNTEERING")),
    ("任城区青年创业就业服务中心", ("EMPLOYMENT_SUPPORT",)),
    ("任城区红十字志愿服务队", ("HEALTH_CARE", "VOLUNTEERING")),
    ("任城区慈善义工协会", ("FINANCIAL_AID", "VOLUNTEERING")),
    ("任城区青少年体育协会", ("CULTURE_SPORTS",)),
    ("任城区家庭教育指导协会", ("CHILD_CARE", "PSYCHOLOGICAL_COUNSELING")),
    ("任城区巾帼志愿服务队", ("CHILD_CARE", "VOLUNTEERING")),
    ("任城区残疾人康复服务中心", ("HEALTH_CARE",)),
    ("任城区青年企业家协会", ("EMPLOYMENT_SUPPORT", "FINANCIAL_AID")),
)  # fmt: skip

# Local social organisations: "<community or town><kind>", with the services of the kind.
LOCAL_SOCIAL_ORG_KINDS = (
    ("社工服务站", ("CHILD_CARE", "PSYCHOLOGICAL_COUNSELING")),
    ("青年志愿服务队", ("VOLUNTEERING",)),
    ("爱心妈妈互助会", ("CHILD_CARE",)),
    ("四点半课堂", ("TUTORING", "CHILD_CARE")),
    ("法律服务工作室", ("LEGAL_AID",)),
    ("心理健康服务站", ("PSYCHOLOGICAL_COUNSELING",)),
    ("文体协会", ("CULTURE_SPORTS",)),
    ("就业服务驿站", ("EMPLOYMENT_SUPPORT",)),
    ("健康服务志愿队", ("HEALTH_CARE", "VOLUNTEERING")),
    ("助困互助会", ("FINANCIAL_AID",)),
    ("青少年书画社", ("CULTURE_SPORTS", "TUTORING")),
)  # fmt: skip


def person_name(rng: random.Random, gender: str) -> str:
    """A surname and one or two given-name characters of the gender's pool."""
    surname = rng.choices(SURNAMES, weights=SURNAME_WEIGHTS)[0]
    pool = GIVEN_MALE if gender == "MALE" else GIVEN_FEMALE
    given = rng.choice(pool) if rng.random() < 0.3 else rng.choice(pool) + rng.choice(pool)
    return surname + given


def community_name(rng: random.Random, used: set[str]) -> str:
    """An urban community name (e.g. 南门社区) not in `used`; adds it to `used`."""
    for _ in range(40):
        name = rng.choice(COMMUNITY_WORDS) + rng.choice(COMMUNITY_SUFFIXES)
        if name not in used:
            used.add(name)
            return name
    # The pool is nearly used up (large scales): number the communities of a word.
    word = rng.choice(COMMUNITY_WORDS)
    n = 2
    while f"{word}第{n}社区" in used:
        n += 1
    used.add(f"{word}第{n}社区")
    return f"{word}第{n}社区"


def village_name(rng: random.Random, used: set[str]) -> str:
    """A village name (e.g. 前李村, 王庄村) not in `used`; adds it to `used`."""
    for _ in range(40):
        prefix = rng.choice(VILLAGE_PREFIXES)
        settlement = rng.choice(VILLAGE_SETTLEMENTS)
        if not prefix and not settlement:
            continue  # a bare surname is no village name
        name = prefix + rng.choice(SURNAMES[:40]) + settlement + "村"
        if name not in used:
            used.add(name)
            return name
    surname = rng.choice(SURNAMES)
    n = 2
    while f"{surname}{n}村" in used:
        n += 1
    used.add(f"{surname}{n}村")
    return f"{surname}{n}村"


def firm_name(rng: random.Random, used: set[str]) -> tuple[str, str]:
    """A firm name not in `used` and its industry: ("济宁市任城区鑫源物流有限公司", "快递物流")."""
    while True:
        prefix = rng.choices(FIRM_PREFIXES, weights=FIRM_PREFIX_WEIGHTS)[0]
        kind, industry = rng.choices(FIRM_KINDS, weights=FIRM_KIND_WEIGHTS)[0]
        brand = rng.choice(FIRM_BRANDS)
        if rng.random() < 0.3:
            brand += rng.choice(FIRM_BRANDS)[0]
        name = prefix + brand + kind + rng.choice(FIRM_SUFFIXES)
        if name not in used:
            used.add(name)
            return name, industry
