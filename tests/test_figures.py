"""DATE, MONEY, PERCENT and QUANTITY spans found by grammar, on sentences from the newspaper."""

import pytest

import pinghu_nlp
from pinghu_nlp.recognise.figures import find_figures


def figures(text: str) -> list[tuple[str, str]]:
    return [(text[c.start : c.end], c.label) for c in find_figures(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("本报讯 7月29日上午,我市召开", ("7月29日上午", "DATE")),
        ("本报讯 昨天下午,市委书记", ("昨天下午", "DATE")),
        ("今年前10个月,全市", ("今年前10个月", "DATE")),
        ("今年上半年工程已完成投资", ("今年上半年", "DATE")),
        ("围绕“三季度”工作总目标", ("三季度", "DATE")),
        ("平湖市“腾笼换鸟”整治提升三年行动(2022—2024年)", ("2022—2024年", "DATE")),
        ("明天早晨最低气温24℃", ("明天早晨", "DATE")),
        ("工程自2022年9月启动建设", ("2022年9月", "DATE")),
        ("本届大会于上午9时开幕", ("上午9时", "DATE")),
        ("力争2025年底前完成", ("2025年底", "DATE")),
        ("今年1至8月,全市", ("今年1至8月", "DATE")),
        ("12日上午,记者从市发改局获悉", ("12日上午", "DATE")),
        ("上世纪80年代建成的老厂房", ("上世纪80年代", "DATE")),
        ("二〇二三年九月十二日", ("二〇二三年九月十二日", "DATE")),
    ],
)
def test_dates(text, expected):
    assert expected in figures(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("充分利用“七一”“八一”、春节等重要节日", ["七一", "八一", "春节"]),
        ("项目预计“十一”前完工", ["十一"]),
        ("以“9·12”为契机", ["9·12"]),
        ("八一建军节前夕", ["八一建军节"]),
        ("中秋、国庆双节期间", ["中秋", "国庆"]),
    ],
)
def test_holidays_are_dates(text, expected):
    assert [span for span, label in figures(text) if label == "DATE"] == expected


@pytest.mark.parametrize("text", ["近年来,平湖坚持", "日前,记者获悉", "近日,目前,当前,此前"])
def test_vague_times_are_not_dates(text):
    assert figures(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("项目投资5000万美元", [("5000万美元", "MONEY")]),
        ("今年上半年工程已完成投资2.4亿元", [("今年上半年", "DATE"), ("2.4亿元", "MONEY")]),
        ("投资200多万元建设", [("200多万元", "MONEY")]),
        ("总投资3—5亿元", [("3—5亿元", "MONEY")]),
        ("占全市规上工业总产值的23.9%", [("23.9%", "PERCENT")]),
        ("同比提高3个百分点", [("3个百分点", "PERCENT")]),
        ("增长百分之十", [("百分之十", "PERCENT")]),
        ("涨幅在5%—10%之间", [("5%—10%", "PERCENT")]),
    ],
)
def test_money_and_percent(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text, span",
    [
        ("获取每年10%的固定收益;投资近200万元", "200万元"),
        ("超20亿元", "20亿元"),
        ("建设未来社区30个左右", "30个"),
        ("吸引约1.2万平方米", "1.2万平方米"),
        ("逾137家企业", "137家"),
    ],
)
def test_hedges_stay_outside(text, span):
    assert span in [s for s, _ in figures(text)]


@pytest.mark.parametrize(
    "text, span",
    [
        ("我市利用腾出来的9000多亩土地", "9000多亩"),
        ("百余名施工人员紧盯目标任务", "百余名"),
        ("吸引10余万人次参观", "10余万人次"),
        ("东到东南风4到6级", "4到6级"),
        ("今天白天最高气温31℃", "31℃"),
        ("庆祝中国人民解放军建军95周年", "95周年"),
        ("全市人才资源总量达15.98万人", "15.98万人"),
        ("扎根基层三十五年", "三十五年"),
        ("总用地46205平方米", "46205平方米"),
        ("装机容量20MW", "20MW"),
        ("以总指标值98\n分的成绩", "98\n分"),
    ],
)
def test_quantities(text, span):
    assert (span, "QUANTITY") in figures(text)


@pytest.mark.parametrize(
    "text",
    [
        "紧盯三张清单",
        "打通两个市场,落实四项内容",
        "我市举行第121期创新学堂",
        "总第5262期",
        "排名第9",
        "“十四五”规划",
        "以“2+2+1”系列",
        "拨打12345热线",
        "落实省十五次党代会精神",
        "这件事十分重要,千家万户都受益",
        "数十家企业参与",
        "四项监督贯通融合“平湖12条”",
    ],
)
def test_not_figures(text):
    assert [label for _, label in figures(text) if label != "DATE"] == []


@pytest.mark.parametrize(
    "text, span",
    [
        ("周三夜间有雷阵雨", "周三夜间"),
        ("周五，活动正式开始", "周五"),
        ("本周五将举行开幕式", "本周五"),
        ("下周一开始实施", "下周一"),
        ("上周三下午,市领导调研", "上周三下午"),
        ("星期三上午在市民中心", "星期三上午"),
        ("礼拜天休息", "礼拜天"),
        ("下礼拜二开会", "下礼拜二"),
        ("周日上午9时开幕", "周日上午9时"),
        ("周五深夜，气温下降", "周五深夜"),
        ("周六凌晨", "周六凌晨"),
        ("周日傍晚，", "周日傍晚"),
        ("上周五晚,", "上周五晚"),
        ("这周三举行", "这周三"),
        ("这周内完成", "这周"),
        ("这个星期完成", "这个星期"),
        ("本周末将迎来降温", "本周末"),
        ("上周末,市民纷纷出游", "上周末"),
        ("下周末举行", "下周末"),
        ("这个周末去哪儿", "这个周末"),
        ("上个周末", "上个周末"),
        ("本周末上午", "本周末上午"),
        ("开放时间为周一至周五", "周一至周五"),
        ("活动周一至五，", "周一至五"),
        ("上周一至周三晚上", "上周一至周三晚上"),
        ("活动周五将在广场举行", "周五"),  # before an adverb
        ("周日在家休息", "周日"),
        ("周二举行签约仪式", "周二"),  # before a verb of two characters
    ],
)
def test_weekdays_and_weekends(text, span):
    assert figures(text) == [(span, "DATE")]


@pytest.mark.parametrize(
    "text",
    [
        "周边地区",
        "建党100周年",  # a QUANTITY, not a DATE
        "一个周期",
        "用时一周",
        "服务周到",
        "市长周军波说",
        "周五星说",
        "周三说",
        "周一鸣",
        "周一鸣在会上发言",  # 周一|鸣: a one-character verb
        "每周三下午开展志愿服务",  # habitual: no date, not even 下午
        "每周一至周五上午",
        "每逢周末",
        "每个周末",
        "周末，市民纷纷出游",  # a bare 周末 is vague
        "做礼拜",
    ],
)
def test_not_weekday_dates(text):
    assert [span for span, label in figures(text) if label == "DATE"] == []


def test_year_is_a_date_not_a_quantity():
    assert figures("平湖市2022年“腾笼换鸟”") == [("2022年", "DATE")]


def test_nothing_inside_a_work_title():
    assert figures("印发《三年行动方案(2022—2024年)》") == []


def test_spans_are_flat_and_sorted():
    text = "今年前10个月,全市完成投资53.3亿元,增长23.9%,新增企业137家。" * 20
    spans = find_figures(text)
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:], strict=False))
    assert {(c.source, c.priority) for c in spans} == {("figures", 50)}


def test_a_weekday_after_another_closes_a_range():
    assert [span for span, label in figures("周三夜间到周四有中到大雨") if label == "DATE"] == [
        "周三夜间",
        "周四",
    ]


@pytest.mark.parametrize(
    "sentence, time",
    [("报名时间为8:30—16:00。", "8:30—16:00"), ("展馆9:00-17:30开放。", "9:00-17:30")],
)
def test_a_range_of_clock_times_is_a_date(sentence, time):
    assert (time, "DATE") in [(sentence[c.start : c.end], c.label) for c in find_figures(sentence)]


def test_a_score_is_no_time():
    assert not find_figures("主队以2:1获胜，比分定格在2:1。")


@pytest.mark.parametrize(
    "sentence, figure",
    [("补助标准为每人800元至1500元。", "800元至1500元"), ("水温保持在18℃到22℃之间。", "18℃到22℃")],
)
def test_a_range_with_its_unit_on_both_sides_is_one_figure(sentence, figure):
    spans = [sentence[c.start : c.end] for c in find_figures(sentence)]
    assert spans == [figure]


def test_the_value_of_a_range_with_its_unit_on_both_sides():
    result = pinghu_nlp.extract(["补助标准为每人800元至1500元。"]).mentions
    assert (result["value"].iloc[0], result["value_high"].iloc[0]) == (800, 1500)


def test_a_temperature_below_zero_takes_its_sign():
    mentions = pinghu_nlp.extract(["夜间最低气温零下4℃。"]).mentions
    assert list(zip(mentions["text"], mentions["value"], strict=True))[-1] == ("零下4℃", -4)
