// Word tables shared by the extractors: common words, countries, roles, speech verbs, months,
// units and currencies. Keys are folded lower case (see tokens.fold).
import { LEXICON_WORDS } from '../data/lexicon';
import { COUNTRIES } from '../data/countries';
import { CAPITALS } from '../data/capitals';
import { byWord, fold, own } from './tokens';

const lexicon = new Set(LEXICON_WORDS.split(' '));
/** A common lower-case English word (so "Analysts" at a sentence start is not a name). */
export const isCommonWord = (low: string): boolean => lexicon.has(low) || (low.includes("'") && lexicon.has(low.slice(0, low.indexOf("'"))));

/** folded alias ("french", "u.s.", "united states of america") -> canonical country name */
export const COUNTRY_OF: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const [name, aliases] of COUNTRIES) {
    m.set(fold(name), name);
    for (const a of aliases) if (!m.has(fold(a))) m.set(fold(a), name);
  }
  // plural demonyms ("Americans", "Armenians")
  for (const [k, v] of [...m]) if (/an$|ese$|ish$/.test(k) && !k.includes(' ')) m.set(k.endsWith('an') ? `${k}s` : k, v);
  return m;
})();

/** folded capital ("washington", "paris") -> the country whose government it stands for */
export const CAPITAL_OF: ReadonlyMap<string, string> = new Map(CAPITALS.map(([c, country]) => [fold(c), country]));

export const MONTHS: ReadonlyMap<string, number> = new Map([
  ['january', 1], ['jan', 1], ['february', 2], ['feb', 2], ['march', 3], ['mar', 3], ['april', 4], ['apr', 4],
  ['may', 5], ['june', 6], ['jun', 6], ['july', 7], ['jul', 7], ['august', 8], ['aug', 8], ['september', 9],
  ['sept', 9], ['sep', 9], ['october', 10], ['oct', 10], ['november', 11], ['nov', 11], ['december', 12], ['dec', 12],
]);
export const MONTH_NAMES = ['', 'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const WEEKDAYS: ReadonlyMap<string, number> = new Map([
  ['monday', 1], ['tuesday', 2], ['wednesday', 3], ['thursday', 4], ['friday', 5], ['saturday', 6], ['sunday', 7],
  ['mon', 1], ['tue', 2], ['tues', 2], ['wed', 3], ['thu', 4], ['thur', 4], ['thurs', 4], ['fri', 5], ['sat', 6], ['sun', 7],
]);
export const WEEKDAY_NAMES = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Heads of titles and roles: the word that says what someone is ("Minister", "Mayor", "meteorologist"). */
export const ROLE_HEADS: ReadonlySet<string> = new Set(('president vice-president minister premier chancellor mayor governor master '
  + 'senator congressman congresswoman representative director secretary spokesman spokeswoman spokesperson ambassador envoy '
  + 'general colonel lieutenant major captain commander admiral marshal sergeant brigadier chief head chairman chairwoman '
  + 'chair ceo cfo coo cto founder manager officer inspector superintendent commissioner councillor councilor alderman judge justice '
  + 'prosecutor attorney lawyer professor dr doctor king queen prince princess pope bishop archbishop cardinal imam rabbi '
  + 'sheikh emir sultan president-elect leader coach captain editor correspondent reporter analyst economist scientist '
  + 'researcher meteorologist hydrologist geologist engineer spokesman chancellor treasurer auditor clerk speaker whip '
  + 'sheriff constable deputy-director administrator coordinator adviser advisor consultant historian activist official '
  + 'diplomat negotiator president-general secretary-general mp mep chairperson principal dean provost rector governor-general '
  + 'registrar ombudsman controller comptroller curator strategist pollster spokesperson counsel surgeon nurse physician '
  + 'firefighter officer-in-charge warden pilot architect planner councilmember councilwoman councilman alderwoman '
  + 'assemblyman assemblywoman assemblymember trustee selectman selectwoman legislator lawmaker delegate commander-in-chief '
  + 'cfo cto cio coo chancellor vice-chancellor superintendent spokesman barrister solicitor attache paramedic forecaster '
  + 'pathologist epidemiologist virologist inspector-general ceo-elect director-general deputy td senator-elect').split(' '));
/** Words that may stand in a title before its head ("Deputy Pentagon Press Secretary", "Defense Minister"). */
export const ROLE_MODIFIERS: ReadonlySet<string> = new Set(('deputy vice prime foreign defense defence interior finance home '
  + 'justice health education economy economic trade energy environment culture transport labour labor agriculture '
  + 'press chief executive financial operating technology senior junior acting interim former ex first assistant associate '
  + 'general attorney state federal regional national local district city county municipal police fire army navy air military '
  + 'public managing principal lead head commanding supreme high grand lord lady sir dame then outgoing incoming newly '
  + 'appointed elected military-appointed self-declared de facto political returning budget plant operations investor '
  + 'relations communications marketing sales human resources legal risk compliance strategy').split(' '));

/** Titles written several ways, reduced to one: "Chief Executive Officer" = "Chief Executive" = "CEO". */
const ROLE_CANON: readonly [RegExp, string][] = [
  [/\bchief executive( officer)?\b/g, 'ceo'], [/\bchief financial officer\b|\bfinance chief\b|\bfinance director\b/g, 'cfo'],
  [/\bchief operating officer\b/g, 'coo'], [/\bchief technology officer\b/g, 'cto'], [/\bchief information officer\b/g, 'cio'],
  [/\bdefence\b/g, 'defense'], [/\bspokes(man|woman|person)\b/g, 'spokesperson'], [/\bchairman\b|\bchairwoman\b|\bchairperson\b/g, 'chair'],
  [/\bcouncil ?(member|man|woman)\b|\bcouncillor\b/g, 'councilmember'],
];
export function canonicalRole(words: readonly string[]): string[] {
  return [...canonicalTitle(words.join(' '))];
}
/** (remembered by title: the same few come back in every article) */
const canonicalTitle = byWord((title: string): readonly string[] => {
  let t = title;
  for (const [re, to] of ROLE_CANON) t = t.replace(re, to);
  return t.split(' ').filter(Boolean).map(own);
}, 20000);

/** Verbs that introduce or follow a quotation. */
export const SPEECH_VERBS: ReadonlySet<string> = new Set(('said say says saying told tell tells telling added adds adding '
  + 'stated states stating noted notes noting explained explains explaining warned warns warning declared declares '
  + 'insisted insists argued argues claimed claims wrote writes asked asks replied replies responded responds described '
  + 'describes describing called calls announced announces confirmed confirms acknowledged acknowledges admitted admits '
  + 'emphasised emphasized emphasises emphasizes stressed stresses recalled recalls continued continues remarked remarks '
  + 'tweeted posted commented comments observed observes suggested suggests promised promises vowed vows pledged pledges '
  + 'conceded concedes urged urges mentioned mentions revealed reveals reported reports quipped joked predicted predicts '
  + 'cautioned cautions complained complains boasted agreed agrees denied denies maintained maintains repeated repeats '
  + 'shouted cried answered answers concluded concludes affirmed affirms reiterated reiterates underlined underlines '
  + 'underscored underscores highlighted highlights characterized characterised characterizing characterising labelled '
  + 'labeled dubbed spoke speaks').split(' '));

export const PRONOUN_SPEAKERS: ReadonlySet<string> = new Set(['he', 'she', 'they', 'i', 'we']);

/** Money: currency symbols, codes and words -> ISO-like code. */
export const CURRENCY_SYMBOLS: ReadonlyMap<string, string> = new Map([
  ['$', 'USD'], ['\u20ac', 'EUR'], ['\u00a3', 'GBP'], ['\u00a5', 'JPY'], ['\u20b9', 'INR'], ['\u20a6', 'NGN'],
  ['\u20bd', 'RUB'], ['\u20a9', 'KRW'], ['\u20ba', 'TRY'], ['\u20b4', 'UAH'], ['\u20b1', 'PHP'], ['\u20aa', 'ILS'],
  ['\u20ab', 'VND'], ['\u20a8', 'INR'],
]);
export const DOLLAR_PREFIXES: ReadonlyMap<string, string> = new Map([
  ['us', 'USD'], ['a', 'AUD'], ['au', 'AUD'], ['c', 'CAD'], ['ca', 'CAD'], ['hk', 'HKD'], ['nz', 'NZD'], ['s', 'SGD'], ['r', 'BRL'], ['nt', 'TWD'],
]);
export const CURRENCY_WORDS: ReadonlyMap<string, string> = new Map([
  ['dollar', 'USD'], ['dollars', 'USD'], ['usd', 'USD'], ['euro', 'EUR'], ['euros', 'EUR'], ['eur', 'EUR'],
  ['sterling', 'GBP'], ['gbp', 'GBP'], ['pound sterling', 'GBP'], ['yen', 'JPY'], ['jpy', 'JPY'], ['yuan', 'CNY'],
  ['renminbi', 'CNY'], ['cny', 'CNY'], ['rupee', 'INR'], ['rupees', 'INR'], ['inr', 'INR'], ['rouble', 'RUB'],
  ['roubles', 'RUB'], ['ruble', 'RUB'], ['rubles', 'RUB'], ['rub', 'RUB'], ['naira', 'NGN'], ['ngn', 'NGN'],
  ['rand', 'ZAR'], ['zar', 'ZAR'], ['peso', 'PESO'], ['pesos', 'PESO'], ['lira', 'TRY'], ['liras', 'TRY'],
  ['won', 'KRW'], ['shekel', 'ILS'], ['shekels', 'ILS'], ['dirham', 'AED'], ['dirhams', 'AED'], ['riyal', 'SAR'],
  ['riyals', 'SAR'], ['franc', 'FRANC'], ['francs', 'FRANC'], ['cfa franc', 'XOF'], ['cfa francs', 'XOF'], ['fcfa', 'XOF'],
  ['xof', 'XOF'], ['xaf', 'XAF'], ['chf', 'CHF'], ['swiss franc', 'CHF'], ['swiss francs', 'CHF'], ['krona', 'SEK'],
  ['kronor', 'SEK'], ['krone', 'NOK'], ['kroner', 'NOK'], ['zloty', 'PLN'], ['zlotys', 'PLN'], ['real', 'BRL'],
  ['reais', 'BRL'], ['cad', 'CAD'], ['aud', 'AUD'], ['hryvnia', 'UAH'], ['hryvnias', 'UAH'], ['shilling', 'KES'],
  ['shillings', 'KES'], ['cedi', 'GHS'], ['cedis', 'GHS'], ['birr', 'ETB'], ['taka', 'BDT'], ['ringgit', 'MYR'],
  ['baht', 'THB'], ['rupiah', 'IDR'], ['dong', 'VND'], ['pound', 'GBP?'], ['pounds', 'GBP?'],
  // ISO codes written before or after the sum ("NOK 2.9 billion", "45 million DKK")
  ...['nok', 'sek', 'dkk', 'pln', 'czk', 'huf', 'isk', 'nzd', 'hkd', 'sgd', 'krw', 'try', 'brl', 'mxn', 'ars', 'clp', 'cop', 'egp',
    'kes', 'mad', 'ils', 'aed', 'sar', 'qar', 'twd', 'myr', 'thb', 'idr', 'php', 'vnd', 'uah', 'ron', 'bgn', 'ghs', 'etb', 'tzs', 'ugx']
    .map((c) => [c, c.toUpperCase()] as const),
  ['norwegian crowns', 'NOK'], ['norwegian kroner', 'NOK'], ['danish kroner', 'DKK'], ['danish crowns', 'DKK'], ['swedish kronor', 'SEK'],
  ['swedish crowns', 'SEK'], ['czech crowns', 'CZK'], ['koruna', 'CZK'], ['forint', 'HUF'], ['leu', 'RON'], ['lei', 'RON'],
]);

export interface UnitInfo { readonly dim: string; readonly unit: string; readonly factor: number }
const U = (dim: string, unit: string, factor: number): UnitInfo => ({ dim, unit, factor });
/** folded unit words and symbols -> dimension, display unit and factor to the dimension's base unit */
export const UNITS: ReadonlyMap<string, UnitInfo> = new Map([
  ...['m', 'meter', 'meters', 'metre', 'metres'].map((k) => [k, U('length', 'm', 1)] as const),
  ...['km', 'kilometer', 'kilometers', 'kilometre', 'kilometres', 'kms'].map((k) => [k, U('length', 'km', 1000)] as const),
  ...['cm', 'centimeter', 'centimeters', 'centimetre', 'centimetres'].map((k) => [k, U('length', 'cm', 0.01)] as const),
  ...['mm', 'millimeter', 'millimeters', 'millimetre', 'millimetres'].map((k) => [k, U('length', 'mm', 0.001)] as const),
  ...['mile', 'miles', 'mi'].map((k) => [k, U('length', 'mi', 1609.344)] as const),
  ...['ft', 'foot', 'feet'].map((k) => [k, U('length', 'ft', 0.3048)] as const),
  ...['inch', 'inches', 'in.'].map((k) => [k, U('length', 'in', 0.0254)] as const),
  ...['yard', 'yards', 'yd'].map((k) => [k, U('length', 'yd', 0.9144)] as const),
  ...['kg', 'kilogram', 'kilograms', 'kilogramme', 'kilogrammes', 'kilo', 'kilos'].map((k) => [k, U('mass', 'kg', 1)] as const),
  ...['g', 'gram', 'grams', 'gramme', 'grammes'].map((k) => [k, U('mass', 'g', 0.001)] as const),
  ...['tonne', 'tonnes', 'ton', 'tons', 't', 'metric tons'].map((k) => [k, U('mass', 't', 1000)] as const),
  ...['lb', 'lbs'].map((k) => [k, U('mass', 'lb', 0.4536)] as const),
  ...['hectare', 'hectares', 'ha'].map((k) => [k, U('area', 'ha', 10000)] as const),
  ...['acre', 'acres'].map((k) => [k, U('area', 'acre', 4046.86)] as const),
  ...['km2', 'sq km', 'square kilometer', 'square kilometers', 'square kilometre', 'square kilometres'].map((k) => [k, U('area', 'km2', 1e6)] as const),
  ...['square mile', 'square miles', 'sq mi'].map((k) => [k, U('area', 'mi2', 2.59e6)] as const),
  ...['square meter', 'square meters', 'square metre', 'square metres', 'm2', 'sq m'].map((k) => [k, U('area', 'm2', 1)] as const),
  ...['liter', 'liters', 'litre', 'litres', 'l'].map((k) => [k, U('volume', 'l', 1)] as const),
  ...['gallon', 'gallons'].map((k) => [k, U('volume', 'gal', 3.785)] as const),
  ...['barrel', 'barrels', 'bpd'].map((k) => [k, U('volume', 'bbl', 159)] as const),
  ...['cubic meter', 'cubic meters', 'cubic metre', 'cubic metres', 'm3'].map((k) => [k, U('volume', 'm3', 1000)] as const),
  ...['minute', 'minutes', 'min', 'mins'].map((k) => [k, U('duration', 'min', 60)] as const),
  ...['hour', 'hours', 'hr', 'hrs', 'h'].map((k) => [k, U('duration', 'h', 3600)] as const),
  ...['day', 'days'].map((k) => [k, U('duration', 'day', 86400)] as const),
  ...['week', 'weeks'].map((k) => [k, U('duration', 'week', 604800)] as const),
  ...['fortnight', 'fortnights'].map((k) => [k, U('duration', 'fortnight', 1209600)] as const),
  ...['month', 'months'].map((k) => [k, U('duration', 'month', 2629800)] as const),
  ...['year', 'years', 'yr', 'yrs'].map((k) => [k, U('duration', 'year', 31557600)] as const),
  ...['decade', 'decades'].map((k) => [k, U('duration', 'decade', 315576000)] as const),
  ...['century', 'centuries'].map((k) => [k, U('duration', 'century', 3155760000)] as const),
  ...['km/h', 'kph', 'kmh', 'kilometers per hour', 'kilometres per hour'].map((k) => [k, U('speed', 'km/h', 1)] as const),
  ...['mph', 'miles per hour'].map((k) => [k, U('speed', 'mph', 1.609344)] as const),
  ...['knot', 'knots'].map((k) => [k, U('speed', 'kn', 1.852)] as const),
  ...['degree', 'degrees', '\u00b0', '\u00b0c', 'c', 'celsius', 'degrees celsius', 'degrees c'].map((k) => [k, U('temperature', '\u00b0C', 1)] as const),
  ...['\u00b0f', 'f', 'fahrenheit', 'degrees fahrenheit', 'degrees f'].map((k) => [k, U('temperature-f', '\u00b0F', 1)] as const),
  ...['mw', 'megawatt', 'megawatts'].map((k) => [k, U('power', 'MW', 1e6)] as const),
  ...['gw', 'gigawatt', 'gigawatts'].map((k) => [k, U('power', 'GW', 1e9)] as const),
  ...['kw', 'kilowatt', 'kilowatts'].map((k) => [k, U('power', 'kW', 1e3)] as const),
  ...['kwh', 'kilowatt-hour', 'kilowatt-hours'].map((k) => [k, U('energy', 'kWh', 1)] as const),
  ...['mwh', 'megawatt-hour', 'megawatt-hours'].map((k) => [k, U('energy', 'MWh', 1e3)] as const),
  ...['gwh', 'gigawatt-hour', 'gigawatt-hours'].map((k) => [k, U('energy', 'GWh', 1e6)] as const),
  ...['%', 'percent', 'per cent', 'pct'].map((k) => [k, U('percent', '%', 1)] as const),
  ...['percentage point', 'percentage points', 'points', 'point', 'pp', 'pts'].map((k) => [k, U('points', 'pp', 1)] as const),
]);

export const SCALES: ReadonlyMap<string, number> = new Map([
  ['thousand', 1e3], ['thousands', 1e3], ['k', 1e3], ['million', 1e6], ['millions', 1e6], ['mn', 1e6], ['mln', 1e6], ['m', 1e6],
  ['billion', 1e9], ['billions', 1e9], ['bn', 1e9], ['bln', 1e9], ['b', 1e9], ['trillion', 1e12], ['tn', 1e12], ['trn', 1e12],
  ['lakh', 1e5], ['lakhs', 1e5], ['crore', 1e7], ['crores', 1e7],
]);

export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['zero', 0], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8],
  ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14], ['fifteen', 15],
  ['sixteen', 16], ['seventeen', 17], ['eighteen', 18], ['nineteen', 19], ['twenty', 20], ['thirty', 30], ['forty', 40],
  ['fifty', 50], ['sixty', 60], ['seventy', 70], ['eighty', 80], ['ninety', 90], ['dozen', 12],
]);
export const ORDINAL_WORDS: ReadonlyMap<string, number> = new Map([
  ['second', 2], ['third', 3], ['fourth', 4], ['fifth', 5], ['sixth', 6], ['seventh', 7], ['eighth', 8], ['ninth', 9],
  ['tenth', 10], ['eleventh', 11], ['twelfth', 12], ['thirteenth', 13], ['fourteenth', 14], ['fifteenth', 15],
  ['sixteenth', 16], ['seventeenth', 17], ['eighteenth', 18], ['nineteenth', 19], ['twentieth', 20], ['thirtieth', 30],
  ['fortieth', 40], ['fiftieth', 50], ['hundredth', 100],
]);
export const NUMBER_WORD_NAMES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
  'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];
export const TENS_NAMES = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
export const ORDINAL_NAMES = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth',
  'tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth',
  'nineteenth', 'twentieth'];

/** Words before a figure that make it approximate, or a bound. */
export const APPROX_BEFORE: ReadonlyMap<string, 'approx' | 'min' | 'max'> = new Map([
  ['about', 'approx'], ['around', 'approx'], ['approximately', 'approx'], ['roughly', 'approx'], ['some', 'approx'],
  ['nearly', 'approx'], ['almost', 'approx'], ['circa', 'approx'], ['ca', 'approx'], ['estimated', 'approx'],
  ['an estimated', 'approx'], ['close to', 'approx'], ['an approximate', 'approx'], ['approx', 'approx'], ['c', 'approx'],
  ['more than', 'min'], ['over', 'min'], ['at least', 'min'], ['upwards of', 'min'], ['in excess of', 'min'],
  ['just over', 'min'], ['above', 'min'], ['exceeding', 'min'], ['as many as', 'max'], ['as much as', 'max'],
  ['up to', 'max'], ['less than', 'max'], ['fewer than', 'max'], ['under', 'max'], ['just under', 'max'],
  ['below', 'max'], ['at most', 'max'], ['no more than', 'max'], ['nearly', 'approx'],
]);

/** Nouns that count the same thing, so "1,500 troops" and "1,500 soldiers" share a frame. Stems. */
export const NOUN_SYNONYMS: ReadonlyArray<readonly string[]> = [
  ['troop', 'soldier', 'force', 'personnel', 'servicemen', 'servicemember', 'serviceman', 'military', 'service member'],
  ['person', 'resident', 'inhabitant', 'citizen', 'individual', 'civilian', 'local', 'patient'],
  ['protester', 'demonstrator', 'marcher', 'rallygoer'],
  ['kill', 'die', 'fatality', 'victim', 'dead', 'casualty', 'body'],
  ['injure', 'casualty', 'hurt'],
  ['worker', 'employee', 'staff', 'staffer', 'job', 'workforce', 'headcount', 'position', 'post', 'colleague'],
  ['home', 'house', 'dwelling', 'household', 'property'],
  ['vote', 'ballot'],
  ['seat', 'mandate'],
  ['school', 'pupil'],
  ['base', 'camp', 'garrison'],
  ['firefighter', 'fireman', 'crew'],
  ['revenue', 'sale', 'turnover'],
  ['profit', 'earning', 'income'],
  ['fund', 'funding', 'money', 'aid', 'grant'],
  ['rain', 'rainfall', 'precipitation'],
  ['corridor', 'route', 'road'],
  ['debt', 'liability'],
  // verbs that report the same event
  ['approve', 'adopt', 'pass', 'endorse', 'ratify'],
  ['rise', 'increase', 'grow', 'climb', 'jump', 'gain', 'surge', 'raise'],
  ['fall', 'drop', 'decline', 'decrease', 'slip', 'slide', 'plunge', 'shrink'],
  ['cut', 'reduce', 'slash', 'lower'],
  ['evacuate', 'flee', 'displace', 'relocate'],
  ['announce', 'unveil', 'declare', 'publish'],
  ['win', 'secure', 'capture'],
  ['hire', 'recruit'],
  ['station', 'deploy'],
  ['coup', 'putsch', 'takeover'],
  ['oust', 'topple', 'overthrow', 'depose', 'remove'],
  ['cover', 'measure', 'span', 'extend', 'stretch'],
  ['plant', 'site', 'facility', 'factory', 'works'],
  ['withdrawal', 'departure', 'pullout', 'exit'],
  ['talk', 'discussion', 'negotiation'],
  ['expect', 'forecast', 'project', 'predict', 'anticipate'],
  ['war', 'conflict', 'fighting', 'hostility'],
  ['visit', 'trip', 'tour'],
  ['rescue', 'save', 'free', 'extract'],
  ['close', 'shut'],
  ['reopen', 'resume'],
  ['peak', 'crest'],
  ['begin', 'start', 'commence', 'launch'],
  ['end', 'finish', 'conclude'],
  ['strike', 'stoppage', 'walkout'],
  ['volunteer', 'participant'],
  ['vaccine', 'jab'],
  ['passenger', 'traveller', 'traveler'],
  ['flat', 'apartment'],
];
