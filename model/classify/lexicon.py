"""The words the classifier recognises, grouped by what they signal, in English and Chinese.

Each group is a plain list below, so extending the classifier is usually adding a word.
Chinese is written once, in Traditional characters, with mainland vocabulary included
(視頻, 搭建, 質量); the Simplified spelling of every entry is derived at import
(:mod:`model.classify.hanzi`). English verbs are listed in their base form; their
``-s``/``-ed``/``-ing`` forms are derived. Everything compiles, at import, into one
regular expression whose alternation is a trie, so a line is scanned once, longest
match first ("conversion rate" before "conversion").
"""

from __future__ import annotations

import re
from typing import NamedTuple

from model.classify.hanzi import to_simplified
from model.classify.quantities import EN_CUE_WORDS

# Categories are bit flags: one word can signal more than one thing ("leads" is a noun
# counting an outcome and a form of the verb "lead").
ACTION = 1
"""A verb for work the team does itself (write, hire, 舉辦): the mark of an initiative."""
DIRECTION = 2
"""A verb that moves something up or down (raise, reduce, 提升): objective or key result."""
ASPIRATION = 4
"""A verb describing where to get to (become, help, 成為, 讓): the mark of an objective."""
OUTCOME = 8
"""A verb naming a result reached (reach, maintain, 達到): key result when a target follows."""
LAUNCH = 16
"""A verb for bringing something out (launch, 推出): a task, or a goal when the thing is big."""
METRIC = 32
"""A measured quantity (conversion rate, churn, 留存率)."""
OUTCOME_NOUN = 64
"""Things a team wins but does not make (customers, leads, 訂單): counting them is a result."""
OUTPUT_NOUN = 128
"""Things a team makes or does (blog posts, webinars, 說明會): counting them is an output."""
INSPIRING = 256
"""Aspirational wording (best, #1, go-to, 首選, 最)."""
QUALITATIVE = 512
"""Qualities and abstract aims (culture, trust, reliable, 文化, 穩定)."""
STATE = 1024
"""Words stating an all-or-nothing outcome at the start (zero, no, all, 零, 所有)."""
FREQUENCY = 2048
"""How often (weekly, a month, 每週)."""
PRODUCT = 4096
"""A whole product or business, whose launch is a goal in itself (product, app, 新產品)."""
BINARY = 8192
"""A result that is reached or not (break-even, SOC 2 certification, 認證): measurable as yes/no."""
ABSTRACT = 16384
"""An abstract aim (culture, trust, 文化): building one is an objective, not a task."""
CUE = 32768
"""An English word where a deadline or a number may start ("by", "in", "q3", "three", "half")."""

VERB = ACTION | DIRECTION | ASPIRATION | OUTCOME | LAUNCH
NOUN = METRIC | OUTCOME_NOUN | OUTPUT_NOUN


def _words(text: str) -> list[str]:
    """Entries separated by commas or new lines (so multi-word entries are possible)."""
    return [w.strip() for w in re.split(r"[,\n]", text) if w.strip()]


# --- English ------------------------------------------------------------------------

EN_ACTION = _words("""
add, adopt, analyse, analyze, answer, archive, arrange, assess, attend, audit, automate,
back up, benchmark, book, brief, build, buy, call, clean up, code, coach, collect, compile,
conduct, configure, consolidate, contact, create, customise, customize, debug,
decommission, define, demo, deploy, deprecate, design, develop, digitise, digitize,
document, draft, draw, edit, email, encrypt, evaluate, film, fix, follow up, gather,
hire, host, hold, implement, install, instrument, integrate, interview, introduce,
invite, kick off, label, localise, localize, mail, map, mentor, migrate, move,
negotiate, onboard, order, organise, organize, outline, pair, patch, phone, pilot,
pitch, plan, post, prepare, present, price, print, produce, prototype, publish,
purchase, qualify, rebuild, record, recruit, redesign, refactor, refresh, reorganise,
reorganize, renegotiate, replace, reply, research, restructure, retire, review,
rewrite, roll out, run, schedule, scope, send, set, set up, share, ship, shoot, sponsor,
spin up, stand up, start, standardise, standardize, submit, survey, switch, tag, test,
track, train, translate, tweet, update, upgrade, upload, visit, write, optimise,
optimize, offer, replace, remove, interview, a/b test, survey, draft, install,
adapt, adjust, allocate, apply, appoint, approve, assemble, assign, backfill, calibrate,
capture, catalogue, centralise, centralize, check, choose, clarify, classify, clean,
close out, co-host, commission, compare, compose, connect, convene, coordinate, correct,
craft, cross-train, curate, demo, detect, distribute, do, embed, enrich, enrol, enroll,
establish, estimate, examine, execute, experiment, export, extract, facilitate, file,
fill, finalise, finalize, fine-tune, flag, formalise, formalize, hand off, harden,
identify, import, incorporate, initiate, inspect, inventory, investigate, issue,
iterate, join, lay out, list, log, manage, measure, merge, mock up, moderate, monitor,
name, notify, open, operate, outsource, overhaul, package, perform, photograph, pick,
polish, prioritise, prioritize, procure, program, promote, proofread, propose, provide,
provision, prune, put together, read, rebrand, recalculate, recommend, reconcile, redo,
refine, register, relaunch, relocate, remind, remodel, rename, renew, repair, repackage,
replicate, reprice, request, reroute, reschedule, resend, reset, respond, restart,
restore, retarget, retrain, retrofit, reuse, revamp, revise, revisit, rework, roll back,
rotate, route, sample, scan, screen, script, segment, select, sequence, shadow,
shortlist, showcase, sign off, simulate, sketch, sort, source, specify, split, staff,
stage, stock, structure, study, summarise, summarize, supply, sync, tailor, teach,
transcribe, transfer, transition, triage, tune, unify, use, validate, verify, vet,
walk through, warm up, wireframe, workshop, draft, roll out, release, introduce, hire,
digitalise, gamify, localise, brainstorm, visualise, visualize, chart, diagram, spec,
partner with, team up with, collaborate with, work with, kick-start, set out, spin off
""")
EN_DIRECTION = _words("""
raise, increase, grow, boost, lift, improve, reduce, lower, decrease, cut, shrink,
shorten, double, triple, halve, accelerate, expand, strengthen, enhance, maximise,
maximize, minimise, minimize, slash, trim, speed up, climb, rise, fall, drop, decline,
widen, deepen, broaden, extend, simplify, streamline, tighten, step up, scale,
bring down, push, go up, go down, amplify, bolster, curb, cut back, diminish, elevate,
fortify, heighten, intensify, lessen, magnify, narrow, ramp up, reinforce, revive, slow,
slow down, spur, stabilise, stabilize, drive up, drive down, bring up, enlarge, boost,
improve, shrink, lengthen, increase, decrease
""")
EN_ASPIRATION = _words("""
become, be, make, help, delight, dominate, own, lead, transform, turn, give, bring,
empower, enable, inspire, deserve, attract, put, break into, double down, foster,
nurture, champion, protect, safeguard, wow, reinvent, modernise, modernize, unlock,
pioneer, redefine, rethink, create a culture, earn the trust, win back, win over,
amaze, cement, cultivate, democratise, democratize, differentiate, disrupt, embrace,
energise, energize, excel, future-proof, ignite, impress, innovate, master, perfect,
position, reclaim, regain, reimagine, revolutionise, revolutionize, shape, stand out,
thrive, unleash, wow, evolve, mature, professionalise, professionalize, move upmarket,
become known, grow into, make sure
""")
EN_OUTCOME = _words("""
reach, hit, achieve, attain, exceed, surpass, beat, maintain, keep, stay, remain, sign,
close, win, land, acquire, convert, retain, gain, generate, get, secure, pass, deliver,
resolve, earn, come, average, top, cross, break even, hold at, drive, sell, save,
recover, sign up, attain, outperform, outgrow, overtake, collect payments, ensure, see,
receive, grow to, reach out to
""")
EN_LAUNCH = _words("launch, go live, unveil")
EN_METRIC = _words("""
rate, ratio, conversion, conversions, conversion rate, retention, churn, churn rate,
attrition, turnover, revenue, arr, mrr, acv, arpu, arpa, bookings, margin, gross margin,
profit, profitability, income, ebitda, cost, costs, cac, cpa, cpl, cpc, cpm, ltv, clv,
lifetime value, roas, roi, nps, enps, csat, ces, traffic, pageviews, page views, ctr,
click-through rate, click-to-open rate, open rate, bounce rate, engagement, adoption,
activation, uptime, latency, availability, downtime, mttr, mean time to recovery,
lead time, cycle time, sales cycle, time to fill, time to first value, response time,
first response time, handle time, resolution time, resolution rate, backlog, coverage,
accuracy, variance, error rate, errors, defects, defect rate, defect age, incidents,
satisfaction, score, rating, index, share of voice, market share, awareness, volume,
frequency, velocity, throughput, runway, dso, days sales outstanding, attainment,
quota, quota attainment, pipeline, pipeline coverage, win rate, deal size, order value,
average order value, aov, basket size, gmv, gross merchandise value, spend, savings,
tenure, utilisation, utilization, productivity, yield, scrap rate, stockouts, no-show,
no-show rate, readmissions, completion rate, abandonment, cart abandonment, load time,
p95, p99, sla, mentions, dau, wau, mau, active users, weekly active users,
monthly active users, time on page, scroll depth, fulfillment, fulfilment,
on-time delivery, picking errors, return rate, refund rate, reopen rate,
escalation rate, unsubscribe rate, forecast accuracy, return on equity,
net revenue retention, operating costs, burn, burn rate, headcount, sales, growth,
cost per lead, cost per hire, cost per acquisition, search volume, branded search,
click rate, open rates, lead-to-opportunity, trial-to-paid, free-to-paid, test coverage,
build time, deployment frequency, change failure rate, offer acceptance rate,
time to value, average handle time, health score, effort score, email open rate,
turnaround, wait time, delivery time, leads per month, email click-to-open rate,
fill rate, hit rate, acceptance rate, approval rate, penetration, impressions, views,
clicks, likes, shares, comments, reply rate, response rate, show rate,
cancellation rate, reviews score, crash rate, crash-free, crash-free sessions,
outages, p50, p90, ttfb, core web vitals, page speed, apdex, mttd, mtbf, oee,
first pass yield, otif, days of inventory, cash conversion cycle, working capital,
opex, capex, cogs, gross profit, net profit, operating margin, ebit, eps, roa, irr,
payback, payback period, cac payback, burn multiple, quick ratio, logo churn,
gross retention, grr, nrr, ndr, expansion revenue, upsell, cross-sell rate,
attach rate, take rate, repeat rate, units per transaction, sell-through, footfall,
foot traffic, dwell time, engagement rate, pass rate, graduation rate, enrolment,
enrollment, attendance, absenteeism, overtime, time to hire, time to productivity,
ramp time, billings, collections, write-offs, bad debt, fraud rate, chargebacks,
dispute rate, approval time, wip, story points, lead time for changes, code coverage,
flaky tests, ci time, ticket volume, first contact resolution, fcr, aht,
abandonment rate, sentiment, share of wallet, brand awareness, recall, watch time,
domain authority, rankings, ranking, keyword rankings, organic traffic,
pages per session, session duration, signup rate, sign-up rate, activation rate,
stickiness, reactivation, emissions, carbon emissions, energy use, energy consumption,
recycling rate, water use, injuries, ltifr, trir, safety incidents, near misses,
rework, warranty claims, shrinkage, donations, volunteer hours, length of stay,
occupancy, bed occupancy, utilization rate, net promoter score, customer satisfaction,
employee satisfaction, engagement score, time to resolution, error budget, slo,
cost per click, cost per acquisition, cost per order, revenue per user, unit economics,
contribution margin, average deal size, close rate, pipeline value, forecast,
run rate, arr growth, mrr growth, minutes, hours, number of, amount of, share of,
percentage of, proportion of, count of, gross margin, sales velocity, quota attainment,
""")
EN_OUTCOME_NOUN = _words("""
customers, customer, clients, users, accounts, subscribers, followers, leads, mqls, sqls,
sign-ups, signups, trials, downloads, installs, orders, deals, visitors, members,
partners, resellers, donors, volunteers, students, patients, reviews, backlinks,
opportunities, registrations, attendees, applicants, candidates, referrals, responses,
paying users, paying customers, logos, wins, sessions, visits, tickets, meetings,
requests, applications, inquiries, enquiries, reservations, demo requests, purchases
""")
EN_OUTPUT_NOUN = _words("""
posts, blog posts, articles, emails, email, newsletters, videos, video, webinars, events,
meetups, workshops, talks, podcasts, episodes, case studies, case study, stories,
guides, ebooks, whitepapers, landing page, landing pages, pages, page, ads, ad,
creatives, variants, tests, a/b tests, experiments, interviews, calls, demos, surveys,
campaigns, features, bugs, hires, engineers, designers, reps, account executives,
agents, roles, trade shows, conferences, booths, offsite days, trainings, courses,
templates, reports, dashboards, playbooks, battle cards, checklist, checklists, steps,
fields, form, forms, layouts, mockups, prototypes, screens, integrations, scripts,
docs, documents, help center articles, help articles, macros, rfqs, machines,
stations, cities, sequence, sequences, lessons, modules, slides, deck, decks,
reminders, flow, flows, tour, calculator, library, roadmap, report, dashboard,
program, programme, offer, bundle, catalogue, catalog, guide, handbook, manual,
script, template, toolkit, feature, chatbot, policy, procedure, sop, scorecard,
release notes, runbooks, style guide, answers, meetups, items, questions, headlines,
contracts, vendors, suppliers, playbook, model, models, article, post, webinar, event,
survey, interview, campaign, newsletter, podcast, course, workshop, video series
""")
EN_INSPIRING = _words("""
best, #1, number one, no. 1, first choice, go-to, leading, leader, world-class, most,
fastest, easiest, safest, smoothest, simplest, top-rated, favourite, favorite, loved,
love, trusted, most trusted, joy, delight, delightful, effortless, seamless, rave,
amazing, great, exceptional, remarkable, iconic, premier, first name, destination,
dream, proud, boring, predictable, smooth, sustainable, resilient, reliable,
sustainably, responsibly, profitably, safely, reliably, effortlessly, seamlessly,
customer-centric, customer-first, people-first, at the centre, at the center,
consistent, safe, simple, easy, fast, clear, smarter, known, people want, on the map,
the conversation, count, non-event, faster, everyone, everyone's
""")
EN_ABSTRACT = _words("""
culture, trust, relationships, relationship, reputation, mindshare, reliability,
discipline, footing, habit, mindset, confidence, loyalty, excellence, morale, ownership,
operational excellence, presence, customer experience, look and feel, workplace
""")
EN_QUALITATIVE = _words("""
culture, trust, relationships, relationship, presence, reputation, brand, mindshare,
experience, customer experience, reliability, quality, discipline, footing, voice,
engine, place, path, way, habit, mindset, confidence, loyalty, community, advantage,
view, morale, ownership, excellence, market, segment, sector, region, technical debt,
awareness, look and feel, workplace, carbon footprint, footprint, paperwork,
decisions, data safe, spreadsheets, partner channel, play, regulators
""")
EN_STATE = _words("zero, no, none, all, every, each, nobody, nothing, 100%")
EN_FREQUENCY = _words("""
weekly, monthly, quarterly, daily, yearly, annually, biweekly, fortnightly,
every week, every month, every quarter, every year, every day, each week, each month,
each quarter, each day, per week, per month, per quarter, per year, per day, a week,
a month, a quarter, a year, a day, twice a month, twice a week, once a month,
once a week
""")
EN_BINARY = _words("""
break-even, breakeven, break even, certification, certified, soc 2, soc2, iso 27001,
iso 9001, iso certification, profitability, gdpr compliance, accreditation, accredited,
pass, passes, passed, get certified
""")
EN_PRODUCT = _words("""
product, our product, new product, products, app, mobile app, platform, business,
company, brand, new market
""")

# Verbs whose base form is also a noun ("Email open rate", "Test coverage", "Build time"):
# at the start of a line they are read as a noun when no object follows them.
EN_NOUN_VERBS = frozenset(
    _words("""
email, test, survey, call, design, review, record, build, post, release, report, search,
support, run, pilot, demo, plan, document, schedule, price, order, map, audit, interview,
track, sign, deploy, ship, launch, update, host, lead, land, win, trial, set, code,
purchase, book, spend, pay, process, request, contract, forecast, budget, training,
change, perfect, average, top, stock, inventory, content, display, feature, market,
staff, rate, sample, program, project, package, screen, source, supply, stage,
experiment, estimate, transfer, segment, workshop, sequence, tag, chart, study, spec
""")
)
EN_DETERMINERS = frozenset(
    _words("""
a, an, the, our, their, your, my, his, her, its, this, these, those, that, all, every,
each, some, any, new, more, fewer, no, one, two, three, four, five, six, seven, eight,
nine, ten, twelve, twenty, fifty, hundred, a/b, up, out, back, down, in, on, to, for,
with, about, and, weekly, monthly, quarterly, daily, both, several, first, second
""")
)

# Verbs of finishing a piece of work: with no target, what they finish is an initiative
# ("完成新官網上線", "Finish the migration").
FINISH_VERBS = frozenset(_words("complete, finish, wrap up, 完成, 做完, 完成了"))

# Words that, after an unknown first word, show the line opens with an instruction
# ("Revamp the pricing page", "Onboard 20 partners").
EN_OBJECT_STARTERS = frozenset(
    _words("""
a, an, the, our, their, your, my, all, every, each, this, these, those, new, two, three,
four, five, six, seven, eight, nine, ten, twelve, twenty, fifty, hundred
""")
)

# Irregular forms worth knowing: past forms read as states ("Build time cut in half").
EN_IRREGULAR = {
    "write": "wrote written",
    "build": "built",
    "run": "ran",
    "hold": "held",
    "send": "sent",
    "make": "made",
    "grow": "grew grown",
    "become": "became",
    "win": "won",
    "keep": "kept",
    "rise": "rose risen",
    "fall": "fell fallen",
    "lead": "led",
    "bring": "brought",
    "get": "got gotten",
    "give": "gave given",
    "drive": "drove driven",
    "be": "is are was were been",
    "shoot": "shot",
    "draw": "drew drawn",
    "pay": "paid",
    "beat": "beaten",
    "come": "came",
    "buy": "bought",
}


def _verb_forms(base: str) -> set[str]:
    """``base`` with its third-person, past and -ing forms (good enough for matching)."""
    if " " in base:
        first, rest = base.split(" ", 1)
        return {f"{form} {rest}" for form in _verb_forms(first)}
    forms = {base, *EN_IRREGULAR.get(base, "").split()}
    if base.endswith("e"):
        forms |= {base + "s", base + "d", base[:-1] + "ing"}
    elif base.endswith("y") and len(base) > 2 and base[-2] not in "aeiou":
        forms |= {base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
    elif base.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {base + "es", base + "ed", base + "ing"}
    else:
        forms |= {base + "s", base + "ed", base + "ing"}
    short_cvc = (
        len(base) >= 3
        and base[-1] in "bdgmnprt"
        and base[-2] in "aeiou"
        and base[-3] not in "aeiou"
        and base not in ("open", "visit", "develop", "edit", "audit", "pilot", "target")
    )
    if short_cvc:
        forms |= {base + base[-1] + "ed", base + base[-1] + "ing"}
    return forms


# --- Chinese (Traditional spelling; Simplified is derived) ---------------------------

ZH_ACTION = _words("""
寫, 撰寫, 編寫, 改寫, 重寫, 發佈, 發布, 刊登, 張貼, 發文, 發, 建立, 建置, 搭建, 製作, 做,
開發, 設計, 重新設計, 訪問, 訪談, 面試, 蒐集, 收集, 參加, 出席, 聘請, 聘用, 招募, 招聘,
發送, 寄送, 寄, 舉辦, 舉行, 召開, 主辦, 安排, 規劃, 導入, 上線, 遷移, 升級, 重構, 安裝,
設定, 設置, 配置, 加入, 加上, 增設, 移除, 刪除, 替換, 更換, 修復, 修正, 測試, 試辦, 試行,
訓練, 培訓, 輔導, 盤點, 稽核, 審查, 檢視, 檢討, 評估, 調查, 翻譯, 錄製, 拍攝, 剪輯, 優化,
整理, 制定, 訂定, 擬定, 導向, 畫出, 發起, 執行, 實施, 串接, 整合, 自動化, 標準化,
重新議價, 議價, 談判, 洽談, 拜訪, 致電, 邀請, 贊助, 提交, 提供, 準備, 更新, 改版,
補上, 設立, 開設, 開辦, 部署, 上架, 整併, 外包, 採購, 購買, 追蹤, 監控, 記錄, 分析,
研究, 比價, 挑選, 選定, 找出, 編列, 組織, 建檔, 開, 辦, 畫, 測, 找,
重新整理, 引入, 合作, 接入, 裝設, 跑, 招, 辦一場, 開一個, 改用, 換成, 轉用, 切換, 草擬,
製定, 编制, 推播, 投放, 錄, 印製, 宣傳, 出版, 發行, 架設, 開通, 上傳,
匯入, 匯出, 清理, 清查, 修訂, 修改, 調整, 重整, 汰換, 淘汰, 試做, 試驗, 實驗, 驗證, 審核,
覆核, 核對, 對帳, 建模, 排程, 派遣, 指派, 簽署, 回訪, 電訪, 約訪, 面談, 座談, 辦理, 開課,
授課, 宣導, 示範, 展示, 參展, 佈置, 設攤, 寄發, 派發, 發放, 贈送, 印刷, 起草, 翻新, 裝修,
維修, 保養, 巡檢, 點檢, 進貨, 補貨, 下單, 採買, 委外, 委託, 聘任, 徵才, 甄選, 輪調, 交接,
簽核, 申請, 提報, 彙整, 歸檔, 數位化, 電子化, 系統化, 模組化, 重新規劃, 盤整, 梳理, 訂購,
購置, 添購, 佈建, 串連, 對接, 搬遷, 改造, 改建, 重建, 做出, 推動, 落實, 稽查, 監測, 量測,
測量, 統計, 調研, 研發, 改良, 加開, 釋出, 公告, 通知, 推送, 召集, 主持, 錄影, 製播, 架構,
拍攝, 上稿, 投稿, 撰稿, 剪片, 發信, 寄信, 打電話, 建立起, 規畫, 盤查, 列出, 擬訂
""")
ZH_DIRECTION = _words("""
提升, 提高, 增加, 增長, 成長, 降低, 減少, 縮短, 擴大, 改善, 強化, 加強, 加速, 拉高, 拉升,
壓低, 削減, 加倍, 倍增, 精簡, 簡化, 擴展, 推升, 下降, 上升, 增至, 降到, 降至, 升至, 改進,
提昇, 增, 降, 減, 擴增, 翻升, 推高, 減低, 減輕, 縮減, 精進, 擴充, 拓寬, 加深, 深化, 提速,
加快, 放大, 壓縮, 增強, 增進, 促進, 帶動, 拉抬, 衝高, 改進
""")
ZH_ASPIRATION = _words("""
成為, 稱霸, 幫, 幫助, 讓, 使, 打造, 塑造, 贏回, 開拓, 深耕, 搶佔, 搶攻, 進軍, 壯大, 守護,
保護, 引領, 帶領, 轉型, 變成, 打響, 協助, 打入, 站穩, 鞏固, 確立, 樹立, 建構, 創造, 培養,
營造, 凝聚, 激發, 成就, 邁向, 走向, 轉變, 擺脫, 告別, 重塑, 重新定義, 顛覆, 取代, 追上, 領跑,
做好, 贏得信任, 建立信任
""")
ZH_OUTCOME = _words("""
達到, 達成, 達, 突破, 超過, 超越, 維持, 保持, 壓在, 控制在, 維持在, 保持在, 新增, 獲得,
取得, 簽下, 簽約, 贏得, 累積, 通過, 實現, 做到, 完成, 新簽, 守住, 賣出, 售出, 成交,
拿下, 爭取, 吸引, 招攬, 留住, 挽回, 回收, 收回, 節省, 省下, 衝到, 衝上, 站上, 擠進, 登上,
打進, 帶來, 創下, 回升, 來自
""")
ZH_LAUNCH = _words("推出, 發表, 問世, 上市")
ZH_METRIC = _words("""
率, 轉換率, 轉化率, 留存率, 流失率, 營收, 收入, 業績, 毛利, 毛利率, 淨利, 利潤, 成本,
獲客成本, 客單價, 回購率, 複購率, 點擊率, 開信率, 跳出率, 流量, 月流量, 搜尋量, 聲量,
知名度, 滿意度, 評分, 分數, 淨推薦分數, 淨推薦值, 可用率, 可用性, 回應時間, 回覆時間,
響應時間, 處理時間, 處理時長, 交期, 週期, 天數, 人數, 次數, 件數, 金額, 數量, 佔比, 占比,
比例, 市佔率, 續約率, 續捐率, 接受率, 離職率, 完課率, 爽約率, 報廢率, 不良率, 退貨率,
退款率, 出貨率, 交貨率, 達成率, 參與度, 活躍用戶, 月活, 日活, 月活躍用戶, 下載量, 積壓量,
頻率, 覆蓋率, 準確率, 差異, 預算差異, 週轉率, 週轉天數, 投資報酬率, 回報率, 效率, 品質,
質量, 業務力, 採用, 留存, 流失, 可用率, 經常性收入, 營業額, 銷售額, 成交金額, 訂單數,
用戶數, 客戶數, 粉絲數, 訂閱數, 會員數, 時間, 時長, 速度, 穩定度, 評價, 點閱率, 轉付費率,
招聘率, 成交率, 開啟率, 訪客數, 客訴, 資安事件, 安全事故, 事故, 工安事故, 質量事故, 事件,
導入流量, 支出回報率, 留任率, 人數, 筆數, 單數, 台數, 戶數, 家數, 時數, 指數, 點數, 銷量,
用量, 使用量, 銷售量, 出貨量, 產量, 庫存, 週轉, 交易額, 毛利額, 客單, 曝光, 曝光數, 觸及,
觸及率, 互動率, 觀看數, 觀看次數, 瀏覽量, 瀏覽數, 停留時間, 排名, 市佔, 好評率, 評論數,
客訴率, 良率, 稼動率, 產能, 工時, 出勤率, 流動率, 到職率, 報到率, 錄取率, 通過率, 完成率,
參與率, 出席率, 報名人數, 募款金額, 碳排, 碳排放, 用電量, 能耗, 回收率, 延遲, 準時率,
前置時間, 等待時間, 解決率, 首次解決率, 營運成本, 人力成本, 廣告費, 預算, 現金流,
應收帳款, 存貨週轉, 毛利潤, 淨利率, 營業利益, 每股盈餘, 股東權益報酬率, 投資報酬率,
生命週期價值, 顧客終身價值, 平均訂單價值, 廣告支出回報率, 網站流量, 自然流量, 搜尋排名,
開發票, 點閱, 訂閱率, 註冊率, 啟用率, 試用率, 付費率, 升級率, 續訂率, 流失數, 客訴件數,
工單數, 回覆率, 準確度, 延誤率, 缺貨率, 退貨件數, 事故率, 誤差
""")
ZH_OUTCOME_NOUN = _words("""
客戶, 顧客, 用戶, 使用者, 會員, 訂閱, 訂閱者, 訂閱用戶, 粉絲, 名單, 潛在客戶, 訂單, 下載,
訪客, 試用, 有效試用, 經銷夥伴, 夥伴, 捐款人, 志工, 學員, 學生, 病患, 患者, 企業客戶,
付費用戶, 商機, 註冊, 報名, 人次, 訂戶
""")
ZH_OUTPUT_NOUN = _words("""
文章, 貼文, 電子報, 影片, 視頻, 短視頻, 說明會, 研討會, 講座, 直播, 活動, 展覽, 展會,
沙龍, 聚會, 問卷, 訪談, 工程師, 人員, 設計師, 分析師, 報表, 看板, 儀表板, 手冊, 指南,
範本, 模板, 功能, 頁面, 表單, 欄位, 步驟, 素材, 廣告, 案例, 教學影片, 教學, 課程, 培訓會,
機台, 合約, 文件, 說明文章, 簡訊, 提醒, 報告, 會議, 檢討會, 大會, 黑客松, 流程, 評分卡,
說明書, 風格指南, 資料目錄, 電表, 掃描器, 小程序, 文檔, 幫助中心, 會員中心, 說明中心,
結帳頁, 定價頁, 首頁, 主旨, 組合, 系統, 工具, 常青文, 公眾號文章, 宣傳視頻, 前端工程師,
客服人員, 資深工程師, 教學影片, 對比表, 條碼掃描器, 業務員, 主管, 版本, 頁, 詳情頁, 文案,
方案, 專案, 計畫, 滲透測試, 壓力測試, 整合測試, 端對端測試, 單元測試, 測試案例
""")
ZH_INSPIRING = _words("""
最, 最佳, 最好, 最高, 第一的, 第一名, 第一品牌, 第一個想到, 首選, 領先, 領導, 一流, 頂尖,
標竿, 喜愛, 信賴, 愛上, 好用,
有趣, 加分, 穩定, 可靠, 簡單, 快速, 又快又穩, 上手, 想加入, 願意, 清楚, 看清, 想逛,
放心, 為中心, 為核心, 為導向, 為本, 安心, 驕傲, 卓越, 領頭羊, 受信賴
""")
ZH_ABSTRACT = _words("""
文化, 信任, 關係, 形象, 口碑, 競爭優勢, 優勢, 品牌形象, 士氣, 向心力, 影響力, 卓越
""")
ZH_QUALITATIVE = _words("""
文化, 信任, 關係, 形象, 口碑, 體驗, 市場, 方向, 競爭優勢, 優勢, 效率, 社群, 決策, 碳足跡,
資料安全, 知名度, 品牌形象, 供應鏈, 下沉市場, 海外市場, 就醫體驗, 決策依據,
遊戲, 加分項, 品質, 業務力
""")
ZH_STATE = _words("零, 沒有, 無, 不再, 所有, 全部, 全數, 百分之百, 沒有任何, 無任何")
ZH_FREQUENCY = _words("""
每週, 每月, 每季, 每季度, 每年, 每天, 每日, 每兩週, 每雙週, 隔週, 每半年, 每個月,
每星期, 每周
""")
ZH_PRODUCT = _words("新產品, 產品, 新品, 新服務, 平台, 品牌")
ZH_BINARY = _words("損益兩平, 損益平衡, 認證, 轉虧為盈, 上市櫃, 通過")


class Hit(NamedTuple):
    """One lexicon word found in a line: where, which word, and what it signals."""

    start: int
    end: int
    word: str
    categories: int


def _build_table() -> dict[str, int]:
    table: dict[str, int] = {}

    def add(words: list[str], category: int) -> None:
        for word in words:
            table[word] = table.get(word, 0) | category

    for verbs, category in (
        (EN_ACTION, ACTION),
        (EN_DIRECTION, DIRECTION),
        (EN_ASPIRATION, ASPIRATION),
        (EN_OUTCOME, OUTCOME),
        (EN_LAUNCH, LAUNCH),
    ):
        add([form for verb in verbs for form in _verb_forms(verb)], category)
    for words, category in (
        (EN_METRIC, METRIC),
        (EN_OUTCOME_NOUN, OUTCOME_NOUN),
        (EN_OUTPUT_NOUN, OUTPUT_NOUN),
        (EN_INSPIRING, INSPIRING),
        (EN_QUALITATIVE, QUALITATIVE),
        (EN_STATE, STATE),
        (EN_FREQUENCY, FREQUENCY),
        (EN_PRODUCT, PRODUCT),
        (EN_BINARY, BINARY),
        (EN_ABSTRACT, ABSTRACT | QUALITATIVE),
        (sorted(EN_CUE_WORDS - {"the", "at"}), CUE),
    ):
        add(words, category)
    for words, category in (
        (ZH_ACTION, ACTION),
        (ZH_DIRECTION, DIRECTION),
        (ZH_ASPIRATION, ASPIRATION),
        (ZH_OUTCOME, OUTCOME),
        (ZH_LAUNCH, LAUNCH),
        (ZH_METRIC, METRIC),
        (ZH_OUTCOME_NOUN, OUTCOME_NOUN),
        (ZH_OUTPUT_NOUN, OUTPUT_NOUN),
        (ZH_INSPIRING, INSPIRING),
        (ZH_QUALITATIVE, QUALITATIVE),
        (ZH_STATE, STATE),
        (ZH_FREQUENCY, FREQUENCY),
        (ZH_PRODUCT, PRODUCT),
        (ZH_BINARY, BINARY),
        (ZH_ABSTRACT, ABSTRACT | QUALITATIVE),
    ):
        add(words, category)
        add([to_simplified(word) for word in words], category)
    return table


def trie_pattern(words: list[str] | set[str]) -> str:
    """A regular expression matching any of ``words``, longest first, as a character trie.

    A flat ``a|ab|abc`` alternation retries every word at every position; a trie
    shares prefixes, so the engine rejects most positions on their first character.
    """
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return (body if len(branches) > 1 else f"(?:{body})") + "?"
        return body

    return emit(trie)


EN_BASE_VERBS = frozenset([*EN_ACTION, *EN_DIRECTION, *EN_ASPIRATION, *EN_OUTCOME, *EN_LAUNCH])
"""English verbs in their base form: the only form an English line can start with as an order."""

CATEGORIES: dict[str, int] = _build_table()
"""Every known word (lower case) and its category flags."""

_ENGLISH = re.compile(
    rf"(?<![a-z0-9])(?:{trie_pattern([w for w in CATEGORIES if w.isascii()])})(?![a-z0-9])"
)

# Chinese words are found by first character: a dictionary lookup beats a regular
# expression alternation of hundreds of first characters tried at every position.
_CHINESE_LENGTHS: dict[str, tuple[int, ...]] = {}
for _word in CATEGORIES:
    if not _word.isascii():
        assert not _word[0].isascii(), (
            f"a Chinese entry must start with a Chinese character: {_word}"
        )
        _CHINESE_LENGTHS[_word[0]] = (*_CHINESE_LENGTHS.get(_word[0], ()), len(_word))
_CHINESE_LENGTHS = {c: tuple(sorted(set(n), reverse=True)) for c, n in _CHINESE_LENGTHS.items()}
_CHINESE_START = re.compile("[" + re.escape("".join(sorted(_CHINESE_LENGTHS))) + "]")


_new_hit = tuple.__new__  # builds a Hit without NamedTuple's slower keyword-aware __new__


def scan(text: str) -> list[Hit]:
    """Every lexicon word in ``text`` (already lower case), left to right, longest first."""
    table = CATEGORIES
    hits = [
        _new_hit(Hit, (*m.span(), word, table[word]))
        for m in _ENGLISH.finditer(text)
        for word in (m[0],)
    ]
    if text.isascii():
        return hits
    chinese: list[Hit] = []
    lengths = _CHINESE_LENGTHS
    covered = 0
    for match in _CHINESE_START.finditer(text):
        start = match.start()
        if start < covered:
            continue
        for length in lengths[text[start]]:
            word = text[start : start + length]
            if word in table:
                chinese.append(_new_hit(Hit, (start, start + length, word, table[word])))
                covered = start + length
                break
    if not hits:
        return chinese
    return sorted(hits + chinese) if chinese else hits
