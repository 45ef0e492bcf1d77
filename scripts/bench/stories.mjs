// News stories as facts: each story has a topic, a place, a date, people with titles, and
// facts (figures, dates, names) that several articles report in their own words. Every fact
// knows how sources say it (`src`), how a draft paraphrases it (`draft`), and how to get it
// wrong (`mutate`), so the draft's correct and wrong claims are known by construction.
import {
  AGENCIES, COMPANY_HEAD, COMPANY_KIND, COMPANY_MID, COMPANY_TAIL, COUNTRIES, DISEASES, FIRST, INSTITUTIONS, LAST,
  MINISTRIES, PROJECT_KIND, UNIONS_KIND,
} from './data.mjs';
import { addDays, commas, count, date, full, millions, money, pct, titled } from './format.mjs';

export const TOPICS = ['fire', 'budget', 'earnings', 'election', 'strike', 'flood', 'project', 'outbreak', 'court', 'deploy'];

function person(r, title, role) {
  return { first: r.pick(FIRST), last: r.pick(LAST), title, role };
}

function company(r, kinds) {
  const want = kinds ? r.pick(kinds) : undefined;
  const k = want ? COMPANY_KIND.find((c) => c.kind === want) : r.pick(COMPANY_KIND);
  const stem = r.pick(COMPANY_HEAD) + (r.chance(0.5) ? r.pick(COMPANY_MID) : '') + r.pick(COMPANY_TAIL);
  return { name: `${stem} ${k.kind}`, short: stem, ...k };
}

const curOf = (K) => K.cur;

/** A plausible wrong count: same magnitude, different digits. */
function mutCount(n, r) {
  for (;;) {
    let m;
    if (n < 20) m = n + r.pick([-3, -2, 2, 3, 4, 6]);
    else if (r.chance(0.5)) m = Math.round(n * r.pick([0.5, 0.75, 1.3, 1.5, 2]));
    else { const s = String(n); m = Number(s.length > 1 ? s[1] + s[0] + s.slice(2) : s); }
    const unit = n >= 1000 ? 10 : 1;
    m = Math.round(m / unit) * unit;
    if (m > 0 && m !== n) return m;
  }
}
function mutAmount(a, r) {
  for (;;) {
    const m = Number.isInteger(a) ? Math.round(a * r.pick([0.5, 0.8, 1.25, 1.5, 2])) : Math.round(a * r.pick([0.6, 0.8, 1.2, 1.4, 1.5]) * 10) / 10;
    if (m > 0 && m !== a) return m;
  }
}
const mutMoney = (m, r) => ({ ...m, amount: mutAmount(m.amount, r) });
function mutPct(p, r) {
  for (;;) { const m = Math.round((p + r.pick([-4, -2.5, -1.5, 1.5, 2, 3, 5])) * 10) / 10; if (m > 0 && m !== p) return m; }
}
const mutDate = (d, r) => addDays(d, r.pick([-9, -3, -2, 2, 3, 5, 11]));
function mutFirst(p, r) {
  for (;;) { const f = r.pick(FIRST); if (f !== p.first) return { ...p, first: f }; }
}
function mutTitle(p, r, titles) {
  for (;;) { const t = r.pick(titles); if (t !== p.title) return { ...p, title: t }; }
}
const MINISTER_TITLES = MINISTRIES.map((m) => `${m} Minister`);

const fact = (key, kind, v, src, draft, mutate) => ({ key, kind, v, src, draft, mutate });

/** A quotation: sources give it to `speaker`; `others` are people a draft could wrongly credit. */
const quote = (text, speaker) => ({ text, speaker });

function q(r, openings, endings) {
  return `${r.pick(openings)}${r.pick(endings)}`;
}

const BUILDERS = {
  fire(r, s) {
    const { K, city } = s;
    const co = company(r, ['Textiles', 'Foods', 'Steel', 'Pharmaceuticals', 'Logistics']);
    const deaths = r.int(3, 64), injured = r.int(70, 260), workers = r.step(300, 4800, 10), firefighters = r.int(25, 180), hours = r.int(3, 16);
    const damage = { amount: r.step(2, 95, 0.1), scale: 'million', cur: curOf(K) };
    const chief = person(r, 'Fire Chief', `the ${city} fire chief`);
    const minister = person(r, 'Labour Minister', `${K.dem} labour minister`);
    const union = person(r, 'union leader', 'a union leader');
    s.people = [chief, minister, union];
    s.entities = [co.name, city, K.name];
    s.headline = `${count(deaths)} killed in ${city} factory fire`;
    s.tag = `${co.name} factory fire`;
    const D = s.date;
    s.facts = [
      fact('deaths', 'figure', deaths, [
        (v) => `At least ${count(v)} people were killed when fire tore through a ${co.name} factory in ${city} on ${date(D, 'wd')}, officials said.`,
        (v) => `A fire at a factory run by ${co.name} in ${city} killed ${count(v)} people, ${K.dem} authorities said.`,
      ], [(v) => `The blaze at the ${co.name} plant in ${city} left ${count(v)} people dead.`], mutCount),
      fact('injured', 'figure', injured, [
        (v) => `Another ${count(v)} people were injured, many of them with burns and smoke inhalation.`,
        (v) => `Hospitals in ${city} treated ${count(v)} injured people overnight.`,
      ], [(v) => `Some ${count(v)} people were injured in the ${city} fire.`], mutCount),
      fact('workers', 'figure', workers, [
        (v) => `The factory employed about ${count(v)} workers, most of them on night shifts.`,
        (v) => `Around ${count(v)} workers were employed at the site, according to the company.`,
      ], [(v) => `${co.name} had about ${count(v)} workers at the factory.`], mutCount),
      fact('firefighters', 'figure', firefighters, [
        (v) => `${count(v)} firefighters battled the flames for ${count(hours, true)} hours before bringing them under control.`,
        (v) => `Fire Chief ${full(chief)} said ${count(v)} firefighters had been deployed to the scene.`,
      ], [(v) => `It took ${count(v)} firefighters to bring the ${city} fire under control.`], mutCount),
      fact('date', 'date', D, [
        (v) => `The fire broke out shortly after midnight on ${date(v, 'md')} in the packing section of the plant.`,
        (v) => `The blaze started on ${date(v, 'dm')} and spread quickly through the building.`,
      ], [(v) => `The ${co.name} fire broke out on ${date(v, 'dmy')}.`], mutDate),
      fact('damage', 'figure', damage, [
        (v) => `Insurers put the damage at ${money(v, 'long')}.`,
        (v) => `The damage was estimated at ${money(v, 'short')}, the company said.`,
      ], [(v) => `Damage at the ${co.name} factory was put at ${money(v, 'words')}.`], mutMoney),
      fact('chief', 'name', chief, [
        (v) => `${titled(v)} said the cause of the fire was still under investigation.`,
        (v) => `“We are still searching the building,” said ${full(v)}, ${v.role}.`,
      ], [(v) => `${titled(v)} said the cause was being investigated.`], (v, rr) => mutFirst(v, rr)),
      fact('minister', 'name', minister, [
        (v) => `${titled(v)} visited the site on ${date(addDays(D, 1), 'wd')} and promised compensation to the families.`,
      ], [(v) => `${titled(v)} promised compensation to the families of the victims.`], (v, rr) => mutTitle(v, rr, MINISTER_TITLES)),
    ];
    s.quotes = [
      quote(q(r, ['The doors were locked from the outside', 'We had warned the management many times', 'Nobody listened to the workers'], [`, and people died because of it`, ` about the fire exits in ${city}`, `, and now ${count(deaths)} families are grieving`]), union),
      quote(q(r, ['Those responsible will be held to account', 'We will inspect every factory in the country', 'This must never happen again'], [`, whoever they are`, ` in the coming weeks`, `, and we will change the law if needed`]), minister),
    ];
    s.unsupported = [
      () => `${co.name} said it would pay ${commas(r.step(1000, 9000, 500))} ${K.cur.sym ? 'dollars' : K.cur.word} to each family, a spokesperson said.`,
      () => `The factory had failed ${count(r.int(3, 9), true)} safety inspections since ${r.int(2010, 2019)}.`,
    ];
  },

  budget(r, s) {
    const { K } = s;
    const total = { amount: r.step(20, 480, 0.1), scale: 'billion', cur: curOf(K) };
    const health = { amount: r.step(1.5, 19.5, 0.1), scale: 'billion', cur: curOf(K) };
    const educ = { amount: r.step(1.2, 15.5, 0.1), scale: 'billion', cur: curOf(K) };
    const rise = r.step(2, 14, 0.1), deficit = r.step(1.5, 7.5, 0.1), growth = r.step(0.5, 6, 0.1);
    const fm = person(r, 'Finance Minister', `the finance minister`);
    const opp = person(r, 'opposition leader', 'the opposition leader');
    const econ = person(r, 'economist', `an economist at ${r.pick(INSTITUTIONS.slice(0, 2))}`);
    s.people = [fm, opp, econ];
    s.entities = [K.name, 'parliament'];
    s.headline = `${K.name} unveils ${money(total, 'short')} budget`;
    s.tag = `${K.dem} budget`;
    const D = s.date;
    s.facts = [
      fact('total', 'figure', total, [
        (v) => `${K.name}'s government on ${date(D, 'wd')} presented a budget of ${money(v, 'long')} for the coming fiscal year.`,
        (v) => `The ${K.dem} cabinet approved a ${money(v, 'short')} spending plan for next year, ${AGENCIES[s.id % AGENCIES.length]} reported.`,
      ], [(v) => `The ${K.dem} budget for next year comes to ${money(v, 'words')}.`], mutMoney),
      fact('rise', 'figure', rise, [
        (v) => `Spending will rise by ${pct(v, 0)} compared with this year.`,
        (v) => `Total spending is ${pct(v, 1)} higher than in the current budget.`,
      ], [(v) => `${K.dem} spending will rise by ${pct(v, 2)} on this year.`], mutPct),
      fact('health', 'figure', health, [
        (v) => `The health ministry will receive ${money(v, 'long')}, the largest increase of any department.`,
        (v) => `Health gets ${money(v, 'short')}, up from last year.`,
      ], [(v) => `${K.dem} health spending is set at ${money(v, 'long')}.`], mutMoney),
      fact('educ', 'figure', educ, [
        (v) => `Education is allocated ${money(v, 'long')}, including funds for ${commas(r.int(120, 900))} new schools.`,
      ], [(v) => `Schools and universities in ${K.name} will get ${money(v, 'short')}.`], mutMoney),
      fact('deficit', 'figure', deficit, [
        (v) => `The budget deficit is forecast at ${pct(v, 0)} of gross domestic product.`,
        (v) => `${full(fm)} expects the deficit to narrow to ${pct(v, 1)} of GDP.`,
      ], [(v) => `${K.name}'s deficit is projected at ${pct(v, 2)} of GDP.`], mutPct),
      fact('growth', 'figure', growth, [
        (v) => `The plan assumes economic growth of ${pct(v, 0)} next year.`,
      ], [(v) => `The ${K.dem} government expects the economy to grow by ${pct(v, 1)}.`], mutPct),
      fact('date', 'date', addDays(D, 14), [
        (v) => `Parliament is due to vote on the budget on ${date(v, 'md')}.`,
        (v) => `Lawmakers will vote on the plan on ${date(v, 'dm')}.`,
      ], [(v) => `The vote in the ${K.dem} parliament is scheduled for ${date(v, 'mdy')}.`], mutDate),
      fact('fm', 'name', fm, [
        (v) => `${titled(v)} told parliament the budget would "protect families and restore growth".`,
        (v) => `The plan was presented by ${titled(v)} in ${K.capital}.`,
      ], [(v) => `${titled(v)} presented the plan to lawmakers.`], (v, rr) => (rr.chance(0.5) ? mutFirst(v, rr) : mutTitle(v, rr, MINISTER_TITLES))),
    ];
    s.quotes = [
      quote(q(r, ['This budget is a gift to the rich', 'These numbers do not add up', 'Families will pay the price for this plan'], [`, and ${K.name} deserves better`, `, whatever the minister says`, ` for years to come`]), opp),
      quote(q(r, ['The growth forecast looks optimistic', 'Markets will want to see the deficit fall', 'The spending increase is smaller than it looks'], [`, given the state of the economy`, ` before they are convinced`, ` once inflation is taken into account`]), econ),
    ];
    s.unsupported = [
      () => `The budget also sets aside ${money({ amount: r.step(0.2, 2.5, 0.1), scale: 'billion', cur: curOf(K) }, 'long')} for a new coastal defence programme.`,
      () => `Public sector wages will rise by ${pct(r.step(2, 9, 0.5), 0)} from ${date({ y: D.y + 1, m: 0, d: 1 }, 'md')}.`,
    ];
  },

  earnings(r, s) {
    const co = company(r);
    const { K } = s;
    const cur = r.chance(0.6) ? { sym: '$' } : curOf(K);
    const revenue = { amount: r.step(1.2, 48, 0.1), scale: 'billion', cur };
    const profit = { amount: r.int(80, 950), scale: 'million', cur };
    const change = r.step(3, 45, 0.1), shares = r.step(1.2, 12, 0.1), employees = r.step(2000, 90000, 100), cuts = r.step(200, 4500, 50);
    const quarter = r.pick(['first', 'second', 'third', 'fourth']);
    const ceo = person(r, 'Chief Executive', `chief executive of ${co.name}`);
    const analyst = person(r, 'analyst', `an analyst at ${r.pick(['Citi', 'Barclays', 'Nomura', 'Jefferies', 'HSBC', 'UBS', 'Morgan Stanley'])}`);
    const up = r.chance(0.5);
    s.people = [ceo, analyst];
    s.entities = [co.name, K.name];
    s.headline = `${co.name} ${up ? 'profit jumps' : 'profit falls'} ${pct(change, 0)}, ${commas(cuts)} jobs to go`;
    s.tag = `${co.name} results`;
    const D = s.date;
    s.facts = [
      fact('profit', 'figure', profit, [
        (v) => `${co.name}, the ${K.dem} ${co.sector}, reported a net profit of ${money(v, 'long')} for the ${quarter} quarter on ${date(D, 'wd')}.`,
        (v) => `${co.name} said ${quarter}-quarter net profit was ${money(v, 'short')}.`,
      ], [(v) => `${co.name} made a net profit of ${money(v, 'short')} in the ${quarter} quarter.`], mutMoney),
      fact('change', 'figure', change, [
        (v) => `That was ${up ? 'up' : 'down'} ${pct(v, 0)} from a year earlier.`,
        (v) => `Profit ${up ? 'rose' : 'fell'} ${pct(v, 1)} year on year.`,
      ], [(v) => `${co.short}'s profit ${up ? 'grew' : 'dropped'} by ${pct(v, 2)} on the year.`], mutPct),
      fact('revenue', 'figure', revenue, [
        (v) => `Revenue reached ${money(v, 'long')}, helped by strong demand for its ${co.product.replace(/^tonnes of /, '')}.`,
        (v) => `Quarterly revenue came in at ${money(v, 'short')}, slightly above analysts' forecasts.`,
      ], [(v) => `${co.name}'s revenue for the quarter was ${money(v, 'long')}.`], mutMoney),
      fact('cuts', 'figure', cuts, [
        (v) => `The company also said it would cut ${count(v)} jobs as part of a restructuring plan.`,
        (v) => `${co.short} plans to shed ${count(v)} jobs over the next two years.`,
      ], [(v) => `${co.name} will cut ${count(v)} jobs.`], mutCount),
      fact('employees', 'figure', employees, [
        (v) => `The group employs ${count(v)} people in ${count(r.int(8, 40))} countries.`,
      ], [(v) => `${co.name} has ${count(v)} employees worldwide.`], mutCount),
      fact('shares', 'figure', shares, [
        (v) => `Its shares ${up ? 'rose' : 'fell'} ${pct(v, 0)} in early trading in ${r.pick(K.cities)}.`,
      ], [(v) => `${co.short} shares ${up ? 'gained' : 'lost'} ${pct(v, 0)} in early trade.`], mutPct),
      fact('date', 'date', D, [
        (v) => `The results were published on ${date(v, 'md')}, before the market opened.`,
      ], [(v) => `${co.name} published the figures on ${date(v, 'dm')}.`], mutDate),
      fact('ceo', 'name', ceo, [
        (v) => `${titled(v)} said the company was "well placed for next year".`,
        (v) => `“The restructuring will make us stronger,” ${v.last} told analysts on a call.`,
      ], [(v) => `${titled(v)} said the company was well placed.`], (v, rr) => mutFirst(v, rr)),
    ];
    s.quotes = [
      quote(q(r, ['We have had a difficult year', 'Demand has held up better than we feared', 'The job cuts are painful but necessary'], [`, but the worst is behind us`, ` in every market we serve`, ` if ${co.short} is to compete`]), ceo),
      quote(q(r, ['The numbers were better than expected', 'Investors will focus on the margins', 'The restructuring is overdue'], [`, but the outlook is cautious`, ` rather than the headline figure`, ` and may not go far enough`]), analyst),
    ];
    s.unsupported = [
      () => `${co.name} also plans to open ${count(r.int(12, 90))} new stores in ${r.pick(K.cities)} next year.`,
      () => `The company will pay a dividend of ${money({ amount: r.step(0.1, 2.5, 0.05), scale: '', cur }, 'long')} per share.`,
    ];
  },

  election(r, s) {
    const { K } = s;
    const inc = person(r, 'President', `the incumbent president`);
    const ch = person(r, 'opposition leader', `the opposition candidate`);
    const head = person(r, 'electoral commission chairman', `head of the electoral commission`);
    const a = r.step(40, 62, 0.1), b = Math.round((100 - a - r.step(2, 12, 0.1)) * 10) / 10, turnout = r.step(38, 81, 0.1);
    const voters = r.step(3e6, 60e6, 1e5), seats = r.int(60, 180), total = seats + r.int(60, 200);
    const incWins = r.chance(0.6);
    const [win, lose] = incWins ? [inc, ch] : [ch, inc];
    s.people = [inc, ch, head];
    s.entities = [K.name, 'electoral commission'];
    s.headline = `${win.last} wins ${K.dem} election with ${pct(a, 0)}`;
    s.tag = `${K.dem} election`;
    const D = s.date;
    s.facts = [
      fact('winshare', 'figure', a, [
        (v) => `${full(win)} won ${pct(v, 0)} of the vote in ${date(D, 'wd')}'s presidential election, the electoral commission said.`,
        (v) => `Provisional results gave ${win.last} ${pct(v, 1)} of the votes cast.`,
      ], [(v) => `${win.last} took ${pct(v, 2)} of the vote, according to the commission.`], mutPct),
      fact('loseshare', 'figure', b, [
        (v) => `${full(lose)} came second with ${pct(v, 0)}.`,
        (v) => `His rival ${lose.last} received ${pct(v, 1)}.`,
      ], [(v) => `${lose.last} finished with ${pct(v, 0)}.`], mutPct),
      fact('turnout', 'figure', turnout, [
        (v) => `Turnout was ${pct(v, 0)}, ${turnout > 60 ? 'up' : 'down'} from the last election.`,
      ], [(v) => `Turnout in ${K.name}'s election stood at ${pct(v, 1)}.`], mutPct),
      fact('voters', 'figure', voters, [
        (v) => `About ${millions(v)} voters were registered to take part.`,
        (v) => `Some ${millions(v)} people were registered to vote.`,
      ], [(v) => `Around ${millions(v)} voters were registered in ${K.name}.`], (v, rr) => Math.round(mutAmount(v / 1e6, rr) * 10) * 1e5),
      fact('seats', 'figure', seats, [
        (v) => `In the parliamentary vote held the same day, ${win.last}'s party won ${count(v)} of the ${count(total)} seats.`,
      ], [(v) => `${win.last}'s party won ${count(v)} seats in parliament.`], mutCount),
      fact('date', 'date', D, [
        (v) => `Polling stations opened at 7 a.m. on ${date(v, 'md')} and closed 11 hours later.`,
        (v) => `The vote took place on ${date(v, 'dmy')}.`,
      ], [(v) => `The ${K.dem} election was held on ${date(v, 'mdy')}.`], mutDate),
      fact('head', 'name', head, [
        (v) => `The results were announced by ${full(v)}, ${v.role}, in ${K.capital}.`,
      ], [(v) => `${full(v)}, ${v.role}, announced the results.`], (v, rr) => mutFirst(v, rr)),
      fact('inc', 'name', inc, [
        (v) => `${titled(v)} had campaigned on jobs and security.`,
      ], [(v) => `${titled(v)} ran on a platform of jobs and security.`], (v, rr) => mutFirst(v, rr)),
    ];
    s.quotes = [
      quote(q(r, ['The people have spoken', 'This is a victory for every citizen', 'Tonight we begin a new chapter'], [`, and I will serve all of them`, ` of ${K.name}`, ` together`]), win),
      quote(q(r, ['We do not accept these results', 'There were serious irregularities', 'We will challenge the count'], [` until every vote is checked`, ` in several regions`, ` in the courts`]), lose),
    ];
    s.unsupported = [
      () => `International observers counted ${count(r.int(150, 900))} polling stations that opened late.`,
      () => `The new president will be sworn in on ${date(addDays(D, r.int(20, 40)), 'md')}.`,
    ];
  },

  strike(r, s) {
    const { K, city } = s;
    const kind = r.pick(UNIONS_KIND);
    const workers = r.step(1500, 85000, 100), demand = r.step(8, 25, 1), offer = r.step(2, 7, 0.5), days = r.int(2, 21);
    const leader = person(r, 'union leader', `leader of the ${kind}' union`);
    const lm = person(r, 'Labour Minister', `the labour minister`);
    s.people = [leader, lm];
    s.entities = [K.name, city];
    s.headline = `${commas(workers)} ${kind} strike in ${K.name}`;
    s.tag = `${kind} strike in ${K.name}`;
    const D = s.date;
    s.facts = [
      fact('workers', 'figure', workers, [
        (v) => `About ${count(v)} ${kind} walked off the job across ${K.name} on ${date(D, 'wd')}, demanding higher pay.`,
        (v) => `The strike involves some ${count(v)} ${kind}, the union said.`,
      ], [(v) => `Some ${count(v)} ${kind} are on strike in ${K.name}.`], mutCount),
      fact('demand', 'figure', demand, [
        (v) => `The union is demanding a pay rise of ${pct(v, 0)}.`,
        (v) => `Workers want wages raised by ${pct(v, 1)} to keep up with inflation.`,
      ], [(v) => `The ${kind}' union in ${K.name} wants a ${pct(v, 0)} pay rise.`], mutPct),
      fact('offer', 'figure', offer, [
        (v) => `The government has offered ${pct(v, 0)}, which the union rejected as "an insult".`,
      ], [(v) => `The ${K.dem} government offered the ${kind} ${pct(v, 1)}.`], mutPct),
      fact('days', 'figure', days, [
        (v) => `The walkout is planned to last ${count(v)} days.`,
        (v) => `The union said the strike would go on for ${count(v)} days unless talks resumed.`,
      ], [(v) => `The ${kind}' strike in ${K.name} is due to last ${count(v)} days.`], mutCount),
      fact('date', 'date', D, [
        (v) => `The strike began on ${date(v, 'md')} in ${city} and spread to other cities.`,
      ], [(v) => `It began in ${city} on ${date(v, 'dm')}.`], mutDate),
      fact('leader', 'name', leader, [
        (v) => `${full(v)}, ${v.role}, said members had voted overwhelmingly for the action.`,
      ], [(v) => `${full(v)}, ${v.role}, said the vote was overwhelming.`], (v, rr) => mutFirst(v, rr)),
      fact('lm', 'name', lm, [
        (v) => `${titled(v)} urged the union to return to the negotiating table.`,
      ], [(v) => `${titled(v)} called on the union to resume talks.`], (v, rr) => mutTitle(v, rr, MINISTER_TITLES)),
    ];
    s.quotes = [
      quote(q(r, ['Our members cannot feed their families', 'We did not want to strike', 'The government has left us no choice'], [` on these wages`, `, but we will not back down`, ` after ${count(r.int(2, 11))} years without a raise`]), leader),
      quote(q(r, ['The offer on the table is fair', 'The country cannot afford these demands', 'Our door remains open'], [` and responsible`, ` at a time like this`, ` to the unions`]), lm),
    ];
    s.unsupported = [
      () => `Around ${count(r.int(40, 400))} flights were cancelled at ${city} airport because of the strike.`,
      () => `The union last went on strike in ${date({ y: D.y - r.int(2, 6), m: r.int(0, 11), d: 1 }, 'my')}.`,
    ];
  },

  flood(r, s) {
    const { K, city } = s;
    const deaths = r.int(4, 180), displaced = r.step(2000, 150000, 100), homes = r.step(300, 25000, 10), rain = r.int(120, 480), hours = r.int(12, 72);
    const aid = { amount: r.int(5, 400), scale: 'million', cur: r.chance(0.5) ? { sym: '$' } : curOf(K) };
    const agency = person(r, 'disaster agency head', `head of the national disaster agency`);
    const pres = person(r, r.pick(['President', 'Prime Minister']), `the country's leader`);
    s.people = [agency, pres];
    s.entities = [city, K.name];
    s.headline = `Floods kill ${count(deaths)} in ${K.name}`;
    s.tag = `${city} floods`;
    const D = s.date;
    s.facts = [
      fact('deaths', 'figure', deaths, [
        (v) => `Floods in and around ${city} have killed ${count(v)} people since ${date(D, 'wd')}, ${K.dem} officials said.`,
        (v) => `The death toll from the floods in ${K.name} rose to ${count(v)}, the disaster agency said.`,
      ], [(v) => `The floods around ${city} have killed ${count(v)} people.`], mutCount),
      fact('displaced', 'figure', displaced, [
        (v) => `More than ${count(v)} people have been forced from their homes.`,
        (v) => `About ${count(v)} people are staying in temporary shelters.`,
      ], [(v) => `More than ${count(v)} people have been displaced by the ${city} floods.`], mutCount),
      fact('homes', 'figure', homes, [
        (v) => `At least ${count(v)} homes were destroyed or badly damaged.`,
      ], [(v) => `The ${city} floods destroyed or damaged ${count(v)} homes.`], mutCount),
      fact('rain', 'figure', rain, [
        (v) => `Some ${v} mm of rain fell in ${count(hours)} hours, more than the usual monthly total.`,
        (v) => `The weather service recorded ${v} millimetres of rain in ${city}.`,
      ], [(v) => `Around ${v} mm of rain fell in ${city}.`], mutCount),
      fact('aid', 'figure', aid, [
        (v) => `The government released ${money(v, 'long')} in emergency aid.`,
        (v) => `${money(v, 'short')} in emergency funds has been set aside for the victims.`,
      ], [(v) => `Emergency aid of ${money(v, 'long')} has been released for ${city}.`], mutMoney),
      fact('date', 'date', D, [
        (v) => `The rains began on ${date(v, 'md')} and continued for several days.`,
      ], [(v) => `The heavy rain in ${city} started on ${date(v, 'dm')}.`], mutDate),
      fact('agency', 'name', agency, [
        (v) => `${full(v)}, ${v.role}, said rescue teams were still searching for survivors.`,
      ], [(v) => `${full(v)}, ${v.role}, said the search for survivors went on.`], (v, rr) => mutFirst(v, rr)),
      fact('pres', 'name', pres, [
        (v) => `${titled(v)} declared a state of emergency in the region.`,
      ], [(v) => `${titled(v)} declared a state of emergency.`], (v, rr) => mutTitle(v, rr, ['President', 'Prime Minister', 'Vice President'])),
    ];
    s.quotes = [
      quote(q(r, ['Whole villages have disappeared', 'We have never seen water like this', 'The rescue teams are working day and night'], [` under the water`, ` in ${city}`, `, but the roads are cut`]), agency),
      quote(q(r, ['The state will rebuild every home', 'No family will be left behind', 'We will help the victims'], [` that was lost`, ` in ${K.name}`, ` as long as it takes`]), pres),
    ];
    s.unsupported = [
      () => `Engineers warned that ${count(r.int(3, 12), true)} dams upstream of ${city} were at risk of bursting.`,
      () => `The floods wiped out ${count(r.step(2000, 90000, 500))} hectares of rice.`,
    ];
  },

  project(r, s) {
    const { K } = s;
    const kind = r.pick(PROJECT_KIND);
    const [a, b] = r.sample([K.capital, ...K.cities], 2);
    const size = kind.measure === 'km' ? r.int(12, 640) : kind.measure === 'metres' ? r.step(400, 3200, 10) : kind.measure === 'megawatts' ? r.step(50, 2400, 10) : r.step(50000, 900000, 1000);
    const cost = { amount: r.step(0.3, 18, 0.1), scale: 'billion', cur: r.chance(0.5) ? { sym: '$' } : curOf(K) };
    const jobs = r.step(800, 30000, 100), year = s.date.y + r.int(2, 7);
    const co = company(r, ['Holdings', 'Energy', 'Steel', 'Logistics']);
    const minister = person(r, kind.measure === 'megawatts' ? 'Energy Minister' : 'Transport Minister', `the minister in charge of the project`);
    const ceo = person(r, 'Chief Executive', `chief executive of ${co.name}`);
    s.people = [minister, ceo];
    s.entities = [co.name, a, b, K.name];
    s.headline = `${K.name} signs ${money(cost, 'short')} ${kind.what} deal`;
    s.tag = `${a} ${kind.what}`;
    const D = s.date;
    const sizeText = (v) => (kind.measure === 'cubic metres a day' ? `${commas(v)} cubic metres of water a day` : `${commas(v)} ${kind.measure}`);
    s.facts = [
      fact('cost', 'figure', cost, [
        (v) => `${K.name} on ${date(D, 'wd')} signed a ${money(v, 'long')} contract with ${co.name} to build a ${kind.what} near ${a}.`,
        (v) => `The ${kind.what} will cost ${money(v, 'short')}, the government said.`,
      ], [(v) => `The ${a} ${kind.what} is budgeted at ${money(v, 'words')}.`], mutMoney),
      fact('size', 'figure', size, [
        (v) => `The ${kind.what} will ${kind.verb} ${a} and ${b}, with a ${kind.measure === 'km' || kind.measure === 'metres' ? 'length' : 'capacity'} of ${sizeText(v)}.`,
        (v) => `Once finished, it will ${kind.measure === 'km' || kind.measure === 'metres' ? 'stretch' : 'deliver'} ${sizeText(v)}.`,
      ], [(v) => `The ${a} ${kind.what} will ${kind.measure === 'km' || kind.measure === 'metres' ? 'run' : 'produce'} ${sizeText(v)}.`], mutCount),
      fact('jobs', 'figure', jobs, [
        (v) => `The project is expected to create ${count(v)} jobs during construction.`,
      ], [(v) => `Building the ${a} ${kind.what} should create ${count(v)} jobs.`], mutCount),
      fact('year', 'date', { y: year }, [
        (v) => `Construction is due to be completed by ${v.y}.`,
        (v) => `${co.short} expects to finish the work in ${v.y}.`,
      ], [(v) => `The ${a} ${kind.what} should be finished in ${v.y}.`], (v, rr) => ({ y: v.y + rr.pick([-2, -1, 1, 2, 3]) })),
      fact('date', 'date', D, [
        (v) => `The agreement was signed on ${date(v, 'md')} in ${K.capital}.`,
      ], [(v) => `The contract was signed in ${K.capital} on ${date(v, 'dm')}.`], mutDate),
      fact('minister', 'name', minister, [
        (v) => `${titled(v)} called it "the biggest project of its kind in the country's history".`,
      ], [(v) => `${titled(v)} hailed the project as historic.`], (v, rr) => mutTitle(v, rr, MINISTER_TITLES)),
      fact('ceo', 'name', ceo, [
        (v) => `${titled(v)} of ${co.name} said work would begin within months.`,
      ], [(v) => `${co.name}'s chief executive, ${full(v)}, said work would start soon.`], (v, rr) => mutFirst(v, rr)),
    ];
    s.quotes = [
      quote(q(r, ['This will transform the region', 'Our engineers are ready', 'We have built projects like this on three continents'], [` for a generation`, ` to start at ${a}`, `, and we will deliver on time`]), ceo),
      quote(q(r, ['Every citizen will benefit', 'This is the future of our energy and transport', 'The money will be spent transparently'], [` from this investment`, ` in ${K.name}`, `, I promise you`]), minister),
    ];
    s.unsupported = [
      () => `Critics say ${count(r.step(200, 4000, 10))} families will have to be moved to make way for the ${kind.what}.`,
      () => `The ${kind.what} is partly financed by a ${money({ amount: r.int(100, 900), scale: 'million', cur: { sym: '$' } }, 'short')} loan from ${r.pick(INSTITUTIONS.slice(0, 2))}.`,
    ];
  },

  outbreak(r, s) {
    const { K, city } = s;
    const disease = r.pick(DISEASES);
    const cases = r.step(120, 25000, 1), deaths = r.int(4, 420), doses = r.step(50000, 4e6, 1000), clinics = r.int(8, 120);
    const who = person(r, 'WHO representative', `the World Health Organization's representative in ${K.name}`);
    const hm = person(r, 'Health Minister', 'the health minister');
    s.people = [who, hm];
    s.entities = [K.name, city, 'World Health Organization'];
    s.headline = `${disease.charAt(0).toUpperCase() + disease.slice(1)} outbreak kills ${count(deaths)} in ${K.name}`;
    s.tag = `${disease} outbreak in ${K.name}`;
    const D = s.date;
    s.facts = [
      fact('cases', 'figure', cases, [
        (v) => `${K.name} has recorded ${count(v)} suspected cases of ${disease} since the outbreak was declared on ${date(D, 'md')}, the health ministry said.`,
        (v) => `The number of ${disease} cases has climbed to ${count(v)}, most of them in ${city}.`,
      ], [(v) => `There have been ${count(v)} suspected ${disease} cases in ${K.name}.`], mutCount),
      fact('deaths', 'figure', deaths, [
        (v) => `${count(v)} people have died of the disease.`,
        (v) => `The outbreak has killed ${count(v)} people, according to official figures.`,
      ], [(v) => `The ${disease} outbreak has killed ${count(v)} people in ${K.name}.`], mutCount),
      fact('doses', 'figure', doses, [
        (v) => `The WHO said it had shipped ${count(v)} vaccine doses to ${K.name}.`,
        (v) => `A vaccination campaign using ${count(v)} doses begins next week.`,
      ], [(v) => `${count(v)} vaccine doses have been sent to ${K.name}.`], mutCount),
      fact('clinics', 'figure', clinics, [
        (v) => `Health workers have set up ${count(v)} treatment centres in the worst-hit areas.`,
      ], [(v) => `There are now ${count(v)} ${disease} treatment centres in ${K.name}.`], mutCount),
      fact('date', 'date', D, [
        (v) => `The first cases were reported in ${city} on ${date(v, 'dm')}.`,
      ], [(v) => `The ${disease} outbreak in ${K.name} was declared on ${date(v, 'md')}.`], mutDate),
      fact('who', 'name', who, [
        (v) => `${full(v)}, ${v.role}, said the outbreak was "not yet under control".`,
      ], [(v) => `${full(v)}, ${v.role}, warned that the outbreak was not under control.`], (v, rr) => mutFirst(v, rr)),
      fact('hm', 'name', hm, [
        (v) => `${titled(v)} urged people to boil drinking water and wash their hands.`,
      ], [(v) => `${titled(v)} told people to boil their water.`], (v, rr) => mutTitle(v, rr, MINISTER_TITLES)),
    ];
    s.quotes = [
      quote(q(r, ['The next two weeks will be critical', 'We are seeing new cases every day', 'Clean water is the best protection'], [` for ${city}`, ` in the camps`, ` against ${disease}`]), who),
      quote(q(r, ['The situation is under control', 'Our hospitals are coping', 'The government has mobilised every resource'], [` in most regions`, ` for now`, ` available to it`]), hm),
    ];
    s.unsupported = [
      () => `Schools in ${city} will stay closed until ${date(addDays(D, r.int(10, 30)), 'md')}.`,
      () => `Neighbouring countries have reported ${count(r.int(12, 300))} cases linked to the outbreak.`,
    ];
  },

  court(r, s) {
    const { K, city } = s;
    const defendant = person(r, 'former Finance Minister', `a former finance minister`);
    const judge = person(r, 'Judge', `the presiding judge`);
    const lawyer = person(r, 'lawyer', `${defendant.last}'s lawyer`);
    const years = r.int(3, 22), stolen = { amount: r.int(12, 850), scale: 'million', cur: curOf(K) }, fine = { amount: r.step(0.5, 25, 0.5), scale: 'million', cur: curOf(K) };
    const accused = r.int(2, 14);
    s.people = [defendant, judge, lawyer];
    s.entities = [K.name, city, `High Court in ${city}`];
    s.headline = `Ex-minister ${defendant.last} jailed for ${count(years)} years`;
    s.tag = `${defendant.last} corruption trial`;
    const D = s.date;
    s.facts = [
      fact('years', 'figure', years, [
        (v) => `A court in ${city} on ${date(D, 'wd')} sentenced ${titled(defendant)} to ${count(v)} years in prison for corruption.`,
        (v) => `${defendant.last} was jailed for ${count(v)} years, the High Court in ${city} ruled.`,
      ], [(v) => `${defendant.last} received a ${count(v)}-year prison sentence.`], mutCount),
      fact('stolen', 'figure', stolen, [
        (v) => `Prosecutors said he had embezzled ${money(v, 'long')} from public funds.`,
        (v) => `He was found guilty of diverting ${money(v, 'short')} meant for hospitals.`,
      ], [(v) => `${defendant.last} was convicted of embezzling ${money(v, 'long')}.`], mutMoney),
      fact('fine', 'figure', fine, [
        (v) => `The court also fined him ${money(v, 'long')}.`,
      ], [(v) => `${defendant.last} was also fined ${money(v, 'short')}.`], mutMoney),
      fact('accused', 'figure', accused, [
        (v) => `${count(v, true).charAt(0).toUpperCase() + count(v, true).slice(1)} other officials were convicted in the same case.`,
      ], [(v) => `${count(v, true).charAt(0).toUpperCase() + count(v, true).slice(1)} other officials were convicted alongside ${defendant.last}.`], mutCount),
      fact('date', 'date', D, [
        (v) => `The verdict was delivered on ${date(v, 'md')} after a trial lasting ${count(r.int(3, 30))} months.`,
      ], [(v) => `The verdict against ${defendant.last} came on ${date(v, 'dmy')}.`], mutDate),
      fact('judge', 'name', judge, [
        (v) => `${titled(v)} said the evidence against him was "overwhelming".`,
      ], [(v) => `${titled(v)} called the evidence overwhelming.`], (v, rr) => mutFirst(v, rr)),
      fact('defendant', 'name', defendant, [
        (v) => `${full(v)} served as finance minister from ${D.y - r.int(8, 12)} to ${D.y - r.int(3, 6)}.`,
      ], [(v) => `${full(v)} was finance minister for several years.`], (v, rr) => mutFirst(v, rr)),
    ];
    s.quotes = [
      quote(q(r, ['My client is innocent', 'This verdict is political', 'We will appeal this decision'], [` and we will prove it`, `, and everyone in ${K.name} knows it`, ` to the Supreme Court`]), lawyer),
      quote(q(r, ['No one is above the law', 'Public money belongs to the people', 'The court has weighed every piece of evidence'], [` in this country`, `, not to ministers`, ` with care`]), judge),
    ];
    s.unsupported = [
      () => `${defendant.last}'s assets, including ${count(r.int(3, 14), true)} villas in ${city}, will be seized.`,
      () => `The prosecution had asked for a sentence of ${count(years + r.int(3, 8))} years.`,
    ];
  },

  deploy(r, s) {
    const { K } = s;
    const host = r.pick(COUNTRIES.filter((c) => c !== K));
    s.host = host;
    const troops = r.step(150, 4500, 50), bases = r.int(2, 6), months = r.int(3, 18), vehicles = r.int(20, 300);
    const cost = { amount: r.int(40, 900), scale: 'million', cur: curOf(K) };
    const dm = person(r, 'Defence Minister', `the defence minister`);
    const spokes = person(r, 'military spokesperson', `a spokesperson for the armed forces`);
    s.people = [dm, spokes];
    s.entities = [K.name, host.name, host.capital];
    s.headline = `${K.name} to send ${commas(troops)} troops to ${host.name}`;
    s.tag = `${K.dem} troops in ${host.name}`;
    const D = s.date;
    s.facts = [
      fact('troops', 'figure', troops, [
        (v) => `${K.name} will send ${count(v)} troops to ${host.name} as part of a regional security mission, the government said on ${date(D, 'wd')}.`,
        (v) => `About ${count(v)} ${K.dem} soldiers are to be deployed in ${host.name}.`,
      ], [(v) => `${K.name} is sending ${count(v)} soldiers to ${host.name}.`], mutCount),
      fact('bases', 'figure', bases, [
        (v) => `The troops will be stationed at ${count(v, true)} bases, including one near ${host.capital}.`,
      ], [(v) => `The ${K.dem} troops will operate from ${count(v, true)} bases in ${host.name}.`], (v, rr) => mutCount(v, rr)),
      fact('months', 'figure', months, [
        (v) => `The mission is expected to last ${count(v)} months.`,
      ], [(v) => `The ${K.dem} deployment in ${host.name} will last ${count(v)} months.`], mutCount),
      fact('vehicles', 'figure', vehicles, [
        (v) => `The contingent will take ${count(v)} armoured vehicles and several helicopters.`,
      ], [(v) => `The ${K.dem} soldiers will bring ${count(v)} armoured vehicles.`], mutCount),
      fact('cost', 'figure', cost, [
        (v) => `The deployment will cost ${money(v, 'long')} a year.`,
      ], [(v) => `The ${host.name} mission will cost ${K.name} ${money(v, 'short')} a year.`], mutMoney),
      fact('date', 'date', addDays(D, 10), [
        (v) => `The first units are due to arrive on ${date(v, 'md')}.`,
      ], [(v) => `The first ${K.dem} soldiers arrive in ${host.name} on ${date(v, 'dm')}.`], mutDate),
      fact('dm', 'name', dm, [
        (v) => `${titled(v)} said the mission would "protect civilians and secure the border".`,
      ], [(v) => `${titled(v)} said the soldiers would protect civilians.`], (v, rr) => mutTitle(v, rr, MINISTER_TITLES)),
    ];
    s.quotes = [
      quote(q(r, ['Our soldiers are ready', 'We are answering a call for help', 'This mission has clear limits'], [` for this mission`, ` from ${host.name}`, ` and a clear end date`]), dm),
      quote(q(r, ['The first convoys left this morning', 'Logistics are in place', 'The troops have trained for months'], [` from the capital`, ` for the first phase`, ` for this deployment`]), spokes),
    ];
    s.unsupported = [
      () => `Parliament approved the mission by ${count(r.int(150, 320))} votes to ${count(r.int(20, 140))}.`,
      () => `A further ${count(r.step(100, 900, 50))} police officers will follow in ${date({ y: D.y + 1, m: r.int(0, 11), d: 1 }, 'm')}.`,
    ];
  },
};

/** Sentences that set the scene without a checkable figure of their own. */
const COLOUR = {
  fire: (s) => [
    `Television footage showed thick black smoke rising over the industrial district of ${s.city}.`,
    `Relatives gathered outside the main hospital, waiting for news of missing workers.`,
    `Witnesses said the fire spread within minutes to the upper floors, where stock was kept.`,
    `Factory fires are common in the region, where safety rules are often poorly enforced.`,
    `Rescue workers used cranes to reach people trapped on the roof.`,
    `The police said the owner of the building had been questioned.`,
  ],
  budget: (s) => [
    `The budget is the first since the government took office.`,
    `Business groups in ${s.city} said the plan offered little relief for small firms.`,
    `Inflation has eroded household incomes across ${s.K.name} over the past two years.`,
    `The opposition said it would table amendments during the debate.`,
    `Ratings agencies are watching the country's public finances closely.`,
    `Public sector unions have threatened to strike over pay.`,
  ],
  earnings: (s) => [
    `The group has been restructuring its operations to cut costs.`,
    `Higher energy prices weighed on margins during the period.`,
    `The company did not change its forecast for the full year.`,
    `Competition from cheaper rivals has intensified over the past year.`,
    `Unions said they would fight any compulsory redundancies.`,
    `The results were broadly in line with market expectations.`,
  ],
  election: (s) => [
    `Long queues formed outside polling stations in ${s.city} before dawn.`,
    `The campaign was dominated by the cost of living and security.`,
    `Observers from the African Union and the European Union monitored the vote.`,
    `Supporters celebrated in the streets of the capital late into the night.`,
    `The opposition has accused the authorities of using state resources in the campaign.`,
    `The final results must be confirmed by the constitutional court.`,
  ],
  strike: (s) => [
    `Picket lines formed outside the main sites in ${s.city} early in the morning.`,
    `Commuters faced long delays as services were cancelled.`,
    `Talks between the union and the government broke down last week.`,
    `Employers warned that the strike would hurt an already fragile economy.`,
    `The union said its members had not had a real pay rise in years.`,
    `Police said the protests had been peaceful.`,
  ],
  flood: (s) => [
    `Roads and bridges around ${s.city} were washed away, cutting off several villages.`,
    `Soldiers were deployed to help evacuate residents by boat.`,
    `Forecasters warned that more heavy rain was expected in the coming days.`,
    `Aid agencies said clean water and food were urgently needed.`,
    `Scientists say climate change is making such extreme rainfall more frequent.`,
    `Many families lost everything they owned.`,
  ],
  project: (s) => [
    `The project has been discussed for more than a decade.`,
    `Environmental groups raised concerns about its impact on local wildlife.`,
    `Residents near ${s.city} said they hoped it would bring jobs to the area.`,
    `The government has made infrastructure a priority of its economic plan.`,
    `Previous projects of this kind in the country have run over budget.`,
    `Construction is expected to begin next year.`,
  ],
  outbreak: (s) => [
    `Poor sanitation and crowded housing have helped the disease spread.`,
    `Hospitals in ${s.city} said they were running short of beds and medicine.`,
    `Health workers are going door to door to trace contacts.`,
    `The authorities have banned large gatherings in the worst-affected districts.`,
    `Aid groups have sent medical teams and supplies.`,
    `The disease is preventable and treatable if caught early.`,
  ],
  court: (s) => [
    `The case was seen as a test of the government's anti-corruption drive.`,
    `Supporters of the former minister protested outside the court in ${s.city}.`,
    `The trial was repeatedly delayed by procedural challenges.`,
    `Anti-corruption campaigners welcomed the verdict.`,
    `The defence had argued that the charges were politically motivated.`,
    `He has the right to appeal within thirty days.`,
  ],
  deploy: (s) => [
    `The region has seen a rise in attacks by armed groups in recent years.`,
    `Lawmakers debated the mission for several hours before the vote.`,
    `Human rights groups urged the troops to protect civilians.`,
    `The mission was requested by the government of ${s.host.name}.`,
    `Military analysts said the force would need air support to be effective.`,
    `Families gathered at the barracks to see the soldiers off.`,
  ],
};

/** One story: topic, place, date, facts, quotes. */
export function makeStory(r, id) {
  const topic = TOPICS[id % TOPICS.length];
  const K = r.pick(COUNTRIES);
  const city = r.pick([K.capital, ...K.cities]);
  const d = { y: r.int(2019, 2025), m: r.int(0, 11), d: r.int(1, 28) };
  const s = { id, topic, K, city, date: d };
  BUILDERS[topic](r, s);
  s.colour = COLOUR[topic](s);
  return s;
}
