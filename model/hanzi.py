"""Traditional to Simplified Chinese, for the characters the classifier and the KPI catalog use.

The classifier's Chinese vocabulary is written once, in Traditional characters; at
import, every entry and pattern also gets its Simplified spelling, so a line typed in
either script (or both) matches. The KPI catalog's search folds names and queries the same
way. Only characters that occur in the word lists, the patterns and the catalog's Chinese
names need an entry here.
"""

from __future__ import annotations

from collections.abc import Iterable

# Pairs of (Traditional, Simplified), written as one string each for readability.
_TRADITIONAL = (
    "佈佔併係個備傳價儀優兩冊刪劃動務勢協參員問啟單團執報場壓壯夥學實審寫尋對導師帳帶幫"
    "廢廣張強復愛應戲戶掃採換搶擊據擬擴攝數昇時書會條業構標機檔檢欄決沒淨減測準滿潛潤為"
    "無營爭獲現產畫異發監盤眾確碼稱積穩競範簡簽約級組結統絲經維線編練縮績織續聲職與舉蒐"
    "蓋薦處號補裝製複規視覽訂計訊討訓記訪設訴註評試詳說課調談請講譯議護變讓貨買費貼資質"
    "賴購贊贏跡蹤躍軍載輔輯轉辦週進遊過達遷選醫銷錄鏈長開間閱關隊雙離電響頁頂項預領頭頻"
    "額願顧風驕驗驟體點龍內從萬億屆歲階樣險許連際陣隨難飛鐘鄉純紀紅綠貴繪來衝"
    "傷別創勵區卻國圖壞寬幾庫後徵捲損擁於東桿棄槓權滾瀏獎獨獻當稅筆節終絡給綜網總義聯興術觀觸話誇認誠論諾識讀讚貢賣賺趨車較這運適還邊郵錢題類齊齡"
)
_SIMPLIFIED = (
    "布占并系个备传价仪优两册删划动务势协参员问启单团执报场压壮伙学实审写寻对导师账带帮"
    "废广张强复爱应戏户扫采换抢击据拟扩摄数升时书会条业构标机档检栏决没净减测准满潜润为"
    "无营争获现产画异发监盘众确码称积稳竞范简签约级组结统丝经维线编练缩绩织续声职与举搜"
    "盖荐处号补装制复规视览订计讯讨训记访设诉注评试详说课调谈请讲译议护变让货买费贴资质"
    "赖购赞赢迹踪跃军载辅辑转办周进游过达迁选医销录链长开间阅关队双离电响页顶项预领头频"
    "额愿顾风骄验骤体点龙内从万亿届岁阶样险许连际阵随难飞钟乡纯纪红绿贵绘来冲"
    "伤别创励区却国图坏宽几库后征卷损拥于东杆弃杠权滚浏奖独献当税笔节终络给综网总义联兴术观触话夸认诚论诺识读赞贡卖赚趋车较这运适还边邮钱题类齐龄"
)
assert len(_TRADITIONAL) == len(_SIMPLIFIED), "every Traditional character needs its pair"

TRADITIONAL_TO_SIMPLIFIED: dict[str, str] = dict(zip(_TRADITIONAL, _SIMPLIFIED, strict=True))
"""Each Traditional character the word lists use that is spelled differently in Simplified."""

_TABLE = str.maketrans(TRADITIONAL_TO_SIMPLIFIED)


def to_simplified(text: str) -> str:
    """``text`` with the known Traditional characters replaced by their Simplified forms."""
    return text.translate(_TABLE)


def in_both_scripts(words: Iterable[str]) -> frozenset[str]:
    """``words`` and the Simplified spelling of each: a set of words to look a word up in,
    whichever script it was typed in (word lists are written in Traditional)."""
    words = list(words)
    return frozenset((*words, *map(to_simplified, words)))


def both_scripts(pattern: str) -> str:
    """A regular expression matching ``pattern`` written in Traditional or Simplified.

    Each Traditional character with a Simplified form becomes a class of the two
    (``個`` becomes ``[個个]``; inside an existing class it just gains the other form).
    """
    out: list[str] = []
    in_class = escaped = False
    for char in pattern:
        simplified = TRADITIONAL_TO_SIMPLIFIED.get(char)
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class:
            in_class = False
        elif simplified:
            out.append(char + simplified if in_class else f"[{char}{simplified}]")
            continue
        out.append(char)
    return "".join(out)
