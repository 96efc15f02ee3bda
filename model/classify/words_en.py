"""The English words the classifier knows, by what they signal (see :mod:`model.classify.lexicon`).

Verbs are listed in their base form; their other forms are derived. Entries are separated
by commas or new lines, so an entry may be a phrase ("set up", "conversion rate").
"""

from __future__ import annotations

import re


def word_list(text: str) -> list[str]:
    """Entries separated by commas or new lines (so multi-word entries are possible)."""
    return [w.strip() for w in re.split(r"[,\n]", text) if w.strip()]


EN_SPEND_VERBS = word_list("spend, invest, allocate")
"""Action verbs that put the team's own money into the work ("Spend $50k on LinkedIn
ads"): the amount they spend is an input the team decides, not a result."""
EN_ACTION = word_list("""
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
adapt, adjust, apply, appoint, approve, assemble, assign, backfill, calibrate,
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
""") + list(EN_SPEND_VERBS)
EN_DIRECTION = word_list("""
raise, increase, grow, boost, lift, improve, reduce, lower, decrease, cut, shrink,
shorten, double, triple, halve, accelerate, expand, strengthen, enhance, maximise,
maximize, minimise, minimize, slash, trim, speed up, climb, rise, fall, drop, decline,
widen, deepen, broaden, extend, simplify, streamline, tighten, step up, scale,
bring down, push, go up, go down, amplify, bolster, curb, cut back, diminish, elevate,
fortify, heighten, intensify, lessen, magnify, narrow, ramp up, reinforce, revive, slow,
slow down, spur, stabilise, stabilize, drive up, drive down, bring up, enlarge, boost,
improve, shrink, lengthen, increase, decrease
""")
EN_ASPIRATION = word_list("""
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
EN_OUTCOME = word_list("""
reach, hit, achieve, attain, exceed, surpass, beat, maintain, keep, stay, remain, sign,
close, win, land, acquire, convert, retain, gain, generate, get, secure, pass, deliver,
resolve, earn, come, average, top, cross, break even, hold at, drive, sell, save,
recover, sign up, attain, outperform, outgrow, overtake, collect payments, ensure, see,
receive, grow to, reach out to, have
""")
EN_LAUNCH = word_list("launch, go live, unveil")
EN_RESULT_VERBS = word_list("""
reach, hit, get, achieve, attain, drive, bring, grow to, generate, win, earn,
exceed, surpass, cross
""")
"""Outcome verbs that open a second clause with a result ("Launch the app and reach 50k
downloads"): the numbers after them are measured, not sized by the opening action."""
EN_MONEY_OBJECT_VERBS = word_list("""
pour, put, budget, earmark, set aside, sink, plow, plough, devote, dedicate, reserve, throw,
commit, fund, reinvest, reallocate, shift, redirect
""")
"""Verbs that spend the team's money only when an amount of money is their object ("Pour
$50k into ads", "Budget $30k for events", "Commit $1M to ads", "Shift $50k to search");
otherwise they are something else ("Put customers first", "Budget overruns", "Commit to
weekly releases", "Move 500 customers to the new plan"). Only their base form opens an
order."""
EN_METRIC = word_list("""
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
net revenue retention, operating costs, burn, burn rate, sales, growth,
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
run rate, arr growth, mrr growth, minutes, hours, number of, amount of, share of, time,
percentage of, proportion of, count of, gross margin, sales velocity, quota attainment,
""")
EN_OUTCOME_NOUN = word_list("""
customers, customer, clients, users, accounts, subscribers, followers, leads, mqls, sqls,
sign-ups, signups, trials, downloads, installs, orders, deals, visitors, members,
partners, resellers, donors, volunteers, students, patients, reviews, backlinks,
opportunities, registrations, attendees, applicants, candidates, referrals, responses,
paying users, paying customers, logos, wins, sessions, visits, tickets, meetings,
requests, applications, inquiries, enquiries, reservations, demo requests, purchases,
subscriptions, paid subscriptions, renewals
""")
EN_OUTPUT_NOUN = word_list("""
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
survey, interview, campaign, newsletter, podcast, course, workshop, video series,
meeting, town hall, town halls, all-hands, offsite, off-site, retrospective, retro,
stand-up, standup, sync, check-in, office hours, demo day, open house, hackathon,
roadshow, roadshows, roundtable, roundtables, summit, drill, drills, careers page,
careers site, careers website, careers portal
""")
# The team's own inputs: raising a budget or a headcount is a decision the team controls,
# an initiative, not a result ("Increase ad budget to $80k/month", "Grow headcount to 150").
EN_INPUT = word_list("""
budget, ad budget, marketing budget, advertising budget, media budget, headcount,
team size, staffing level
""")
EN_INSPIRING = word_list("""
best, #1, number one, no. 1, first choice, go-to, leading, leader, world-class, most,
fastest, easiest, safest, smoothest, simplest, top-rated, favourite, favorite, loved,
love, trusted, most trusted, joy, delight, delightful, effortless, seamless, rave,
amazing, great, exceptional, remarkable, iconic, premier, first name, destination,
dream, proud, boring, predictable, smooth, sustainable, resilient, reliable, dependable,
sustainably, responsibly, profitably, safely, reliably, effortlessly, seamlessly,
customer-centric, customer-first, people-first, at the centre, at the center,
consistent, safe, simple, easy, fast, clear, smarter, known, people want, on the map,
the conversation, count, non-event, faster, everyone, everyone's,
better, clearer, healthier, stronger, simpler, easier, safer, happier, leaner, greener,
more reliable, more predictable, more transparent, friendlier,
100-year, hundred-year, century-old, generational, enduring, timeless, lasting, legendary,
beloved, memorable, unforgettable, people talk about, people love, customers love,
talked-about
""")
EN_ABSTRACT = word_list("""
culture, trust, relationships, relationship, reputation, mindshare, reliability,
discipline, footing, habit, mindset, confidence, loyalty, excellence, morale, ownership,
operational excellence, presence, customer experience, look and feel, workplace, world,
careers, tomorrow
""")
EN_QUALITATIVE = word_list("""
culture, trust, relationships, relationship, presence, reputation, brand, mindshare,
experience, experiences, customer experience, customer experiences, reliability, quality,
discipline, footing, voice, engine, place, path, way, habit, mindset, confidence, loyalty,
community, advantage,
view, morale, ownership, excellence, market, segment, sector, region, technical debt,
awareness, look and feel, workplace, carbon footprint, footprint, paperwork,
decisions, data safe, spreadsheets, partner channel, play, regulators
""")
EN_STATE = word_list("zero, no, none, all, every, each, nobody, nothing, 100%")
EN_FREQUENCY = word_list("""
weekly, monthly, quarterly, daily, yearly, annually, biweekly, fortnightly,
every week, every month, every quarter, every year, every day, each week, each month,
each quarter, each day, per week, per month, per quarter, per year, per day, a week,
a month, a quarter, a year, a day, twice a month, twice a week, once a month,
once a week
""")
EN_BINARY = word_list("""
break-even, breakeven, break even, certification, certified, soc 2, soc2, iso 27001,
iso 9001, iso certification, profitability, gdpr compliance, accreditation, accredited,
pass, passes, passed, get certified
""")
EN_PRODUCT = word_list("""
product, our product, new product, products, app, mobile app, platform, business,
company, brand, new market
""")

# Action verbs that others do to what a line talks about, when they are written as a
# state ("demos booked", "trial fully enrolled", "report issued", "invoices approved"):
# the state is an outcome, not the team's own work done.
EN_DONE_BY_OTHERS_BASES = word_list("""
accept, adopt, apply, approve, attend, audit, book, buy, certify, complete, enrol, enroll,
fill, issue, join, order, pay, purchase, qualify, register, renew, review, sign, subscribe,
use, vet, validate, verify, visit
""")

# Verbs whose base form is also a noun ("Email open rate", "Test coverage", "Build time"):
# at the start of a line they are read as a noun when no object follows them.
EN_NOUN_VERBS = frozenset(
    word_list("""
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
    word_list("""
a, an, the, our, their, your, my, his, her, its, this, these, those, that, all, every,
each, some, any, new, more, fewer, no, one, two, three, four, five, six, seven, eight,
nine, ten, twelve, twenty, fifty, hundred, a/b, up, out, back, down, in, on, to, for,
with, about, and, weekly, monthly, quarterly, daily, both, several, first, second
""")
)

# Words that, after an unknown first word, show the line opens with an instruction
# ("Revamp the pricing page", "Onboard 20 partners").
EN_OBJECT_STARTERS = frozenset(
    word_list("""
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
    "have": "has had",
}
