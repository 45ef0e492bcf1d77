// Extraction, one table per kind of claim: text in, what the checker reads out.
import { strict as assert } from 'node:assert';
import { analyzeText } from '../../server/src/core/extract/analyze';
import { bylineEnd } from '../../server/src/core/extract/dates';

const one = (text: string) => analyzeText(text).sentences[0];
const figures = (text: string) => analyzeText(text).sentences.flatMap((s) => s.quantities.map((q) => `${text.slice(q.start, q.end)}=${q.pair ?? q.value}${q.unit ? ` ${q.unit}` : ''} ${q.dim}${q.approx === 'exact' ? '' : ` ~${q.approx}`}`));
const dates = (text: string) => analyzeText(text).sentences.flatMap((s) => s.dates.map((d) => `${text.slice(d.start, d.end)}=${d.year ?? '-'}/${d.month ?? '-'}/${d.day ?? '-'}/${d.weekday ?? '-'}`));
const names = (text: string) => analyzeText(text).sentences.flatMap((s) => s.names.map((n) => `${n.role ? `[${n.role.text}] ` : ''}${n.text}${n.country ? ` @${n.country}` : ''}`));

describe('extract: figures', () => {
  const cases: [string, string[]][] = [
    ['About 1,500 French troops.', ['1,500=1500 count ~approx']],
    ['Up to $5bn in exports and $4 billion in contracts.', ['$5bn=5000000000 USD money ~max', '$4 billion=4000000000 USD money']],
    ['A debt of 5200 billion CFA francs (7.92 billion euros).', ['5200 billion CFA francs=5200000000000 XOF money', '7.92 billion euros=7920000000 EUR money']],
    ['A proposed 43-kilometer (27-mile) corridor.', ['43-kilometer=43000 km length', '27-mile=43452.288 mi length']],
    ['Over four decades of rule; three bases; a two-day visit.', ['four decades=1262304000 decade duration ~min', 'three=3 count', 'two-day=172800 day duration']],
    ['Turnout rose 3.5 per cent to 61.2%.', ['3.5 per cent=3.5 % percent', '61.2%=61.2 % percent']],
    ['The council voted 7-2, by seven votes to two.', ['7-2=7-2 score', 'seven votes to two=7-2 score']],
    ['It spread one and a half kilometres; twenty-five homes burned.', ['one and a half kilometres=1500 km length', 'twenty-five=25 count']],
    ['€8.5m in funds and 20k people and £1.2bn.', ['€8.5m=8500000 EUR money', '20k=20000 count', '£1.2bn=1200000000 GBP money']],
    ['From 1,840 a year earlier to 1,140; between 3 and 5 km.', ['1,840=1840 count', 'a year=31557600 year duration', '1,140=1140 count', '3=3000 km length', '5 km=5000 km length']],
    ['We lost six point two million pounds on revenue of twenty-one point four million; the point is moot.', ['six point two million pounds=6200000 GBP money', 'twenty-one point four million=21400000 count']],
  ];
  for (const [text, want] of cases) it(text, () => assert.deepEqual(figures(text), want));

  it('takes a decimal or a half said in words into the number as written, so its scale is the scale word\'s', () => {
    const scales = (text: string) => analyzeText(text).sentences.flatMap((s) => s.quantities.map((q) => `${text.slice(q.start, q.end)} x ${Math.round(q.scale)} to ${text.slice(q.start, q.baseEnd)}`));
    assert.deepEqual(scales('Revenue was twenty-one point four million; costs were two and a half million; 2.6 million people.'),
      ['twenty-one point four million x 1000000 to twenty-one point four', 'two and a half million x 1000000 to two and a half', '2.6 million x 1000000 to 2.6']);
  });
  it('leaves years, times, codes and numbers inside names to others', () => {
    assert.deepEqual(figures('In 2020, at 10:30 and 3 p.m., COVID-19 hit Air Base 101, the G7 and Route 66.'), []);
  });
  it('skips vague quantities and "one" as a pronoun', () => {
    assert.deepEqual(figures('Tens of thousands rallied; thousands of people marched, including one in Ayorou.'), []);
  });
});

describe('extract: dates', () => {
  const cases: [string, string[]][] = [
    ['The July 26 coup.', ['July 26=-/7/26/-']],
    ['On 26 July 2023 and on Aug. 3.', ['26 July 2023=2023/7/26/-', 'Aug. 3=-/8/3/-']],
    ['It peaked on Saturday, October 12, the highest since 1987.', ['Saturday, October 12=-/10/12/6', '1987=1987/-/-/-']],
    ['The record was set in November 2014; results on 2024-06-18.', ['November 2014=2014/11/-/-', '2024-06-18=2024/6/18/-']],
    ['Monday\u2019s announcement came last Saturday.', ['Monday\u2019s=-/-/-/1', 'Saturday=-/-/-/6']],
    ['Media enquiries (Monday to Friday, 9am to 5pm); lines open Mon-Fri 8 a.m. to 6 p.m.; the strike runs from Monday to Friday.', ['Monday=-/-/-/1', 'Friday=-/-/-/5']],
  ];
  for (const [text, want] of cases) it(text, () => assert.deepEqual(dates(text), want));

  it('does not take "may" the verb or 2000 troops for dates', () => {
    assert.deepEqual(dates('They may leave. About 2000 troops stay.'), []);
  });

  it('knows a byline, whose date is the article\'s (regression: "By Iryna Mercier · October 9, 2021" against a verdict on Mercier)', () => {
    const byline = (t: string) => bylineEnd(t, 0, t.length) === t.length;
    assert.deepEqual(['By Iryna Mercier · October 9, 2021', 'By Farid Smith, Daily Courier  · 2 July 2024', 'By Hélène Mercier', 'By Ana de la Cruz and Tom Ng | 3 March 2024'].filter(byline).length, 4);
    assert.deepEqual(['By Tuesday, the river had fallen to 4.1 m.', 'By 2024 the plant will employ 600 people.', 'By then, 58 people had died.', 'Bylines are short. By Iryna Mercier · October 9, 2021'].filter(byline), []);
  });
});

describe('extract: names and roles', () => {
  const cases: [string, string[]][] = [
    ['Deputy Pentagon Press Secretary Sabrina Singh spoke.', ['[Deputy Pentagon Press Secretary] Sabrina Singh']],
    ['The United States and French forces left Niger\u2019s capital.', ['United States @United States', 'French @France', 'Niger @Niger']],
    ['According to meteorologist Sara Lindqvist, it rained.', ['[meteorologist] Sara Lindqvist']],
    ['He told Sophie Marchetti of Caldera Partners.', ['Sophie Marchetti', 'Caldera Partners']],
    ['Chief Executive Marieke van Dalen spoke to the Department of Tourism.', ['[Chief Executive] Marieke van Dalen', 'Department of Tourism']],
    ['Analysts said the Russian-built plant was old.', ['Russian @Russia']],
    ['The Regional Returning Officer, Martin Oyelaran, announced it.', ['[Regional Returning Officer] Martin Oyelaran']],
    // a country whose name starts with a common word, at the start of a sentence (it was "Africa", "Zealand", "States")
    ['South Africa unveils its budget.', ['South Africa @South Africa']],
    ['South African troops arrived.', ['South African @South Africa']],
    ['New Zealand won the toss.', ['New Zealand @New Zealand']],
    ['United States forces left.', ['United States @United States']],
    ['South winds blew all night.', []],
  ];
  for (const [text, want] of cases) it(text, () => assert.deepEqual(names(text), want));

  it('reads a Title Case headline without taking its common words for names', () => {
    assert.deepEqual(names('US Troops Repositioning in Niger Following French Exit Demand'), ['US @United States', 'Repositioning', 'Niger @Niger', 'French @France']);
  });
  it('keeps a place named with one common word before its organisation word in a Title Case line', () => {
    assert.deepEqual(names('Bellmere Civic Centre, Thursday 16 October 2025, 11:00'), ['Bellmere Civic Centre']);
    assert.deepEqual(names('Kelbridge Approves New Housing Plan'), ['Kelbridge']);
  });
  it('keeps a lone run-together word at the start of a sentence as a name that is never flagged (weak)', () => {
    const weak = (text: string) => analyzeText(text).sentences.flatMap((s) => s.names.map((n) => `${n.text}${n.weak ? ' (weak)' : ''}`));
    assert.deepEqual(weak('Newsroom round-up: Sahel and the wires'), ['Newsroom (weak)', 'Sahel']);
    assert.deepEqual(weak('Airstrikes hit Riverside overnight.'), ['Airstrikes (weak)', 'Riverside']);
    // not a word that is no compound, nor two names, nor one mid-sentence
    assert.deepEqual(weak('Mercier said it was over.'), ['Mercier']);
    assert.deepEqual(weak('Kofi Mercier said it was over.'), ['Kofi Mercier']);
    assert.deepEqual(weak('The mayor of Riverside said no.'), ['Riverside']);
  });
});

describe('extract: quotations and speakers', () => {
  const speaker = (text: string) => analyzeText(text).sentences.flatMap((s) => s.quotes.map((q) => `${q.text} <- ${q.speaker ? `${q.speaker.kind}:${q.speaker.text}${q.speaker.resolved ? `=${q.speaker.resolved.text}` : ''}` : '?'}`));
  const cases: [string, string[]][] = [
    ['\u201cWe\u2019re not just making peace,\u201d Vance said.', ['We\u2019re not just making peace, <- name:Vance']],
    ['"It is a priority," said Narek Sukiasyan, a political scientist.', ['It is a priority, <- name:Narek Sukiasyan']],
    ['Director Paolo Ferri said the barrier \u201cheld exactly as designed\u201d and that no breach had been reported.', ['held exactly as designed <- name:Director Paolo Ferri']],
    ['"This was the cleanest quarter," said Meridian Capital analyst Oliver Grant, who raised his target.', ['This was the cleanest quarter, <- name:Meridian Capital analyst Oliver Grant']],
    ['Zeine spoke. He described the conduct as "a behavior of contempt."', ['a behavior of contempt. <- pronoun:He=Zeine']],
    ['France\u2019s army is holding "talks" with counterparts.', ['talks <- ?']],
  ];
  for (const [text, want] of cases) it(text, () => assert.deepEqual(speaker(text), want));

  it('takes the speaker of a transcript from its label, title included', () => {
    const text = 'Operator: Welcome.\n\nJane Doe -- Chief Executive Officer: We grew 11%.\n\nDOE: Thank you.\n';
    const s = analyzeText(text).sentences.filter((x) => x.label);
    assert.deepEqual(s.map((x) => `${x.label!.text}${x.label!.name?.role ? ` (${x.label!.name.role.text})` : ''}`), ['Operator', 'Jane Doe (Chief Executive Officer)', 'DOE']);
  });
  it('does not split a quotation that holds two sentences', () => {
    assert.equal(analyzeText('"It is over. We won," she said. Then she left.').sentences.length, 2);
    assert.equal(one('"It is over. We won," she said.').quotes[0].text, 'It is over. We won,');
  });
});

describe('extract: codes and numbered names', () => {
  it('reads phone numbers as codes, not figures', () => {
    assert.deepEqual(figures('Call 01632 960 500 or +44 20 7946 0958 for help; 400 calls came in.'), ['400=400 count']);
  });
  it('keeps a number that is part of a name with the name', () => {
    assert.deepEqual(names('A contingent will stay at Air Base 101, near Route 66.'), ['Air Base 101', 'Route 66']);
  });
});

describe('extract: ages, post-nominals and transcript sides', () => {
  it('reads "Name, 71," as an age, not a count', () => {
    assert.deepEqual(figures('Joyce Bell, 71, said the smoke was thick.'), ['71=71 years age']);
  });
  it('leaves post-nominals out of the name', () => {
    assert.deepEqual(names('The court heard from Richard Pemberton KC and Jane Doe MP.'), ['Richard Pemberton', 'Jane Doe']);
  });
  it('takes a transcript label with a side or title in brackets', () => {
    const text = 'MS OKONJO (prosecution): He took the money.\n\nMR PEMBERTON (defence): He has lost everything.\n';
    assert.deepEqual(analyzeText(text).sentences.map((s) => `${s.label?.name?.text} [${s.label?.name?.role?.text}]`), ['OKONJO [prosecution]', 'PEMBERTON [defence]']);
  });
});
