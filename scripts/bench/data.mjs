// Word lists for the benchmark corpus: people, places, organisations, units and currencies.
// Hard-coded (not read from a package) so that the same seed gives the same corpus everywhere.

export const FIRST = [
  'Ana', 'Maria', 'José', 'Luis', 'Carmen', 'Javier', 'Sofía', 'Diego', 'Lucía', 'Mateo',
  'Amina', 'Fatima', 'Ibrahim', 'Moussa', 'Aïcha', 'Oumar', 'Kwame', 'Ama', 'Chidi', 'Ngozi',
  'Tunde', 'Wanjiru', 'Otieno', 'Zanele', 'Thabo', 'Lindiwe', 'Sipho', 'Yaw', 'Abena', 'Kofi',
  'Hiroshi', 'Yuki', 'Kenji', 'Akiko', 'Min-jun', 'Ji-woo', 'Seo-yeon', 'Wei', 'Li', 'Mei',
  'Arjun', 'Priya', 'Rahul', 'Ananya', 'Vikram', 'Sunita', 'Imran', 'Ayesha', 'Farid', 'Leila',
  'Omar', 'Yasmin', 'Karim', 'Nadia', 'Hassan', 'Layla', 'Tariq', 'Rania', 'Mehmet', 'Elif',
  'Emre', 'Zeynep', 'Sébastien', 'Élodie', 'François', 'Camille', 'Hélène', 'Mathieu', 'Anaïs', 'Julien',
  'Klaus', 'Ingrid', 'Jürgen', 'Petra', 'Stefan', 'Katrin', 'Lars', 'Astrid', 'Sven', 'Freya',
  'Piotr', 'Agnieszka', 'Tomasz', 'Katarzyna', 'Jan', 'Eva', 'Dmitri', 'Olena', 'Taras', 'Iryna',
  'Giorgos', 'Eleni', 'Marco', 'Giulia', 'Luca', 'Francesca', 'João', 'Beatriz', 'Rafael', 'Inês',
  'James', 'Sarah', 'Michael', 'Emily', 'David', 'Rachel', 'Thomas', 'Hannah', 'Daniel', 'Laura',
  'Robert', 'Jennifer', 'William', 'Olivia', 'Patrick', 'Siobhan', 'Liam', 'Niamh', 'Gareth', 'Rhian',
  'Nguyen', 'Thanh', 'Siti', 'Budi', 'Dewi', 'Rizal', 'Maria José', 'Ahmad', 'Nur', 'Somchai',
];

export const LAST = [
  'Ruiz', 'García', 'Fernández', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Moreno', 'Álvarez',
  'Diallo', 'Traoré', 'Keita', 'Coulibaly', 'Touré', 'Ouédraogo', 'Mensah', 'Asante', 'Okafor', 'Adeyemi',
  'Okonkwo', 'Balogun', 'Kamau', 'Mwangi', 'Odhiambo', 'Ndlovu', 'Dlamini', 'Mokoena', 'Banda', 'Phiri',
  'Tanaka', 'Suzuki', 'Watanabe', 'Kobayashi', 'Kim', 'Park', 'Choi', 'Zhang', 'Wang', 'Chen',
  'Sharma', 'Patel', 'Gupta', 'Reddy', 'Iyer', 'Khan', 'Hussain', 'Qureshi', 'Rahman', 'Chowdhury',
  'Haddad', 'Khalil', 'Mansour', 'Nasser', 'Saleh', 'Farouk', 'Yilmaz', 'Kaya', 'Demir', 'Şahin',
  'Dubois', 'Lefèvre', 'Moreau', 'Laurent', 'Girard', 'Rousseau', 'Bonnet', 'Mercier', 'Lambert', 'Fontaine',
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Becker', 'Hoffmann', 'Lindqvist', 'Johansson', 'Nielsen',
  'Kowalski', 'Nowak', 'Wiśniewski', 'Novák', 'Horváth', 'Ivanov', 'Petrenko', 'Shevchenko', 'Kovalenko', 'Bondarenko',
  'Papadopoulos', 'Rossi', 'Russo', 'Bianchi', 'Romano', 'Ferreira', 'Santos', 'Oliveira', 'Costa', 'Carvalho',
  'Smith', 'Johnson', 'Brown', 'Taylor', 'Wilson', 'Davies', 'Evans', 'Thompson', 'O\'Brien', 'Murphy',
  'Walsh', 'Kennedy', 'Hughes', 'Campbell', 'Stewart', 'MacLeod', 'Tran', 'Pham', 'Santoso', 'Wijaya',
  'Rahardjo', 'Abdullah', 'Ismail', 'Chaiyaporn', 'Reyes', 'Cruz', 'Bautista', 'Mendoza', 'Villanueva', 'Navarro',
];

/** Countries: name, demonym, capital, other cities, currency (symbol or word) and a region. */
export const COUNTRIES = [
  { name: 'Kenya', dem: 'Kenyan', capital: 'Nairobi', cities: ['Mombasa', 'Kisumu', 'Nakuru', 'Eldoret'], cur: { word: 'Kenyan shillings' } },
  { name: 'Nigeria', dem: 'Nigerian', capital: 'Abuja', cities: ['Lagos', 'Kano', 'Ibadan', 'Port Harcourt'], cur: { word: 'naira' } },
  { name: 'Ghana', dem: 'Ghanaian', capital: 'Accra', cities: ['Kumasi', 'Tamale', 'Takoradi'], cur: { word: 'cedis' } },
  { name: 'South Africa', dem: 'South African', capital: 'Pretoria', cities: ['Johannesburg', 'Cape Town', 'Durban', 'Gqeberha'], cur: { word: 'rand' } },
  { name: 'Senegal', dem: 'Senegalese', capital: 'Dakar', cities: ['Thiès', 'Saint-Louis', 'Ziguinchor'], cur: { word: 'CFA francs' } },
  { name: 'Mali', dem: 'Malian', capital: 'Bamako', cities: ['Sikasso', 'Mopti', 'Gao', 'Timbuktu'], cur: { word: 'CFA francs' } },
  { name: 'Ethiopia', dem: 'Ethiopian', capital: 'Addis Ababa', cities: ['Dire Dawa', 'Mekelle', 'Gondar', 'Hawassa'], cur: { word: 'birr' } },
  { name: 'Egypt', dem: 'Egyptian', capital: 'Cairo', cities: ['Alexandria', 'Giza', 'Aswan', 'Port Said'], cur: { word: 'Egyptian pounds' } },
  { name: 'Morocco', dem: 'Moroccan', capital: 'Rabat', cities: ['Casablanca', 'Marrakesh', 'Fez', 'Tangier'], cur: { word: 'dirhams' } },
  { name: 'Tunisia', dem: 'Tunisian', capital: 'Tunis', cities: ['Sfax', 'Sousse', 'Bizerte'], cur: { word: 'dinars' } },
  { name: 'France', dem: 'French', capital: 'Paris', cities: ['Lyon', 'Marseille', 'Toulouse', 'Lille', 'Bordeaux'], cur: { sym: '€' } },
  { name: 'Germany', dem: 'German', capital: 'Berlin', cities: ['Hamburg', 'Munich', 'Cologne', 'Frankfurt', 'Leipzig'], cur: { sym: '€' } },
  { name: 'Spain', dem: 'Spanish', capital: 'Madrid', cities: ['Barcelona', 'Valencia', 'Seville', 'Bilbao', 'Zaragoza'], cur: { sym: '€' } },
  { name: 'Italy', dem: 'Italian', capital: 'Rome', cities: ['Milan', 'Naples', 'Turin', 'Bologna', 'Genoa'], cur: { sym: '€' } },
  { name: 'Portugal', dem: 'Portuguese', capital: 'Lisbon', cities: ['Porto', 'Braga', 'Coimbra', 'Faro'], cur: { sym: '€' } },
  { name: 'Poland', dem: 'Polish', capital: 'Warsaw', cities: ['Kraków', 'Gdańsk', 'Wrocław', 'Poznań'], cur: { word: 'zlotys' } },
  { name: 'Ukraine', dem: 'Ukrainian', capital: 'Kyiv', cities: ['Kharkiv', 'Odesa', 'Lviv', 'Dnipro'], cur: { word: 'hryvnias' } },
  { name: 'Greece', dem: 'Greek', capital: 'Athens', cities: ['Thessaloniki', 'Patras', 'Heraklion'], cur: { sym: '€' } },
  { name: 'Turkey', dem: 'Turkish', capital: 'Ankara', cities: ['Istanbul', 'Izmir', 'Bursa', 'Antalya'], cur: { word: 'lira' } },
  { name: 'Sweden', dem: 'Swedish', capital: 'Stockholm', cities: ['Gothenburg', 'Malmö', 'Uppsala'], cur: { word: 'kronor' } },
  { name: 'Britain', dem: 'British', capital: 'London', cities: ['Manchester', 'Birmingham', 'Glasgow', 'Leeds', 'Cardiff'], cur: { sym: '£' } },
  { name: 'Ireland', dem: 'Irish', capital: 'Dublin', cities: ['Cork', 'Galway', 'Limerick'], cur: { sym: '€' } },
  { name: 'United States', dem: 'US', capital: 'Washington', cities: ['New York', 'Chicago', 'Houston', 'Phoenix', 'Atlanta', 'Denver'], cur: { sym: '$' } },
  { name: 'Canada', dem: 'Canadian', capital: 'Ottawa', cities: ['Toronto', 'Montreal', 'Vancouver', 'Calgary'], cur: { word: 'Canadian dollars' } },
  { name: 'Mexico', dem: 'Mexican', capital: 'Mexico City', cities: ['Guadalajara', 'Monterrey', 'Puebla', 'Tijuana'], cur: { word: 'pesos' } },
  { name: 'Brazil', dem: 'Brazilian', capital: 'Brasília', cities: ['São Paulo', 'Rio de Janeiro', 'Salvador', 'Recife', 'Manaus'], cur: { word: 'reais' } },
  { name: 'Argentina', dem: 'Argentine', capital: 'Buenos Aires', cities: ['Córdoba', 'Rosario', 'Mendoza'], cur: { word: 'pesos' } },
  { name: 'Chile', dem: 'Chilean', capital: 'Santiago', cities: ['Valparaíso', 'Concepción', 'Antofagasta'], cur: { word: 'pesos' } },
  { name: 'Colombia', dem: 'Colombian', capital: 'Bogotá', cities: ['Medellín', 'Cali', 'Barranquilla', 'Cartagena'], cur: { word: 'pesos' } },
  { name: 'Peru', dem: 'Peruvian', capital: 'Lima', cities: ['Arequipa', 'Cusco', 'Trujillo'], cur: { word: 'soles' } },
  { name: 'India', dem: 'Indian', capital: 'New Delhi', cities: ['Mumbai', 'Bengaluru', 'Chennai', 'Kolkata', 'Hyderabad', 'Pune'], cur: { word: 'rupees' } },
  { name: 'Pakistan', dem: 'Pakistani', capital: 'Islamabad', cities: ['Karachi', 'Lahore', 'Peshawar', 'Quetta'], cur: { word: 'rupees' } },
  { name: 'Bangladesh', dem: 'Bangladeshi', capital: 'Dhaka', cities: ['Chittagong', 'Khulna', 'Sylhet'], cur: { word: 'taka' } },
  { name: 'Japan', dem: 'Japanese', capital: 'Tokyo', cities: ['Osaka', 'Nagoya', 'Sapporo', 'Fukuoka', 'Kobe'], cur: { sym: '¥' } },
  { name: 'South Korea', dem: 'South Korean', capital: 'Seoul', cities: ['Busan', 'Incheon', 'Daegu', 'Gwangju'], cur: { word: 'won' } },
  { name: 'China', dem: 'Chinese', capital: 'Beijing', cities: ['Shanghai', 'Shenzhen', 'Guangzhou', 'Chengdu', 'Wuhan'], cur: { word: 'yuan' } },
  { name: 'Vietnam', dem: 'Vietnamese', capital: 'Hanoi', cities: ['Ho Chi Minh City', 'Da Nang', 'Haiphong'], cur: { word: 'dong' } },
  { name: 'Indonesia', dem: 'Indonesian', capital: 'Jakarta', cities: ['Surabaya', 'Bandung', 'Medan', 'Makassar'], cur: { word: 'rupiah' } },
  { name: 'Philippines', dem: 'Filipino', capital: 'Manila', cities: ['Cebu', 'Davao', 'Quezon City'], cur: { word: 'pesos' } },
  { name: 'Thailand', dem: 'Thai', capital: 'Bangkok', cities: ['Chiang Mai', 'Phuket', 'Khon Kaen'], cur: { word: 'baht' } },
  { name: 'Australia', dem: 'Australian', capital: 'Canberra', cities: ['Sydney', 'Melbourne', 'Brisbane', 'Perth', 'Adelaide'], cur: { word: 'Australian dollars' } },
  { name: 'Jordan', dem: 'Jordanian', capital: 'Amman', cities: ['Zarqa', 'Irbid', 'Aqaba'], cur: { word: 'dinars' } },
  { name: 'Lebanon', dem: 'Lebanese', capital: 'Beirut', cities: ['Tripoli', 'Sidon', 'Tyre'], cur: { sym: '$' } },
  { name: 'Saudi Arabia', dem: 'Saudi', capital: 'Riyadh', cities: ['Jeddah', 'Dammam', 'Mecca'], cur: { word: 'riyals' } },
  { name: 'Armenia', dem: 'Armenian', capital: 'Yerevan', cities: ['Gyumri', 'Vanadzor'], cur: { word: 'drams' } },
  { name: 'Georgia', dem: 'Georgian', capital: 'Tbilisi', cities: ['Batumi', 'Kutaisi'], cur: { word: 'lari' } },
];

export const COMPANY_HEAD = ['Vel', 'Kor', 'Ast', 'Nor', 'Sol', 'Tri', 'Mer', 'Alt', 'Bel', 'Cor', 'Dar', 'Ev', 'Fal', 'Gal', 'Hel', 'Ir', 'Jas', 'Kal', 'Lum', 'Mon', 'Nov', 'Or', 'Pax', 'Quin', 'Riv', 'Sen', 'Tal', 'Ul', 'Var', 'Wes', 'Xan', 'Yor', 'Zen'];
export const COMPANY_MID = ['a', 'e', 'i', 'o', 'u', 'ar', 'en', 'is', 'or', 'an', 'el', 'ov', 'ir'];
export const COMPANY_TAIL = ['tex', 'tra', 'vex', 'dian', 'cor', 'lis', 'mar', 'nix', 'gen', 'via', 'ton', 'sys', 'ra', 'lon', 'dale', 'field', 'point', 'stone', 'bridge', 'well'];
export const COMPANY_KIND = [
  { kind: 'Motors', sector: 'carmaker', product: 'vehicles' },
  { kind: 'Steel', sector: 'steelmaker', product: 'tonnes of steel' },
  { kind: 'Energy', sector: 'energy company', product: 'megawatts' },
  { kind: 'Bank', sector: 'lender', product: 'accounts' },
  { kind: 'Airlines', sector: 'airline', product: 'passengers' },
  { kind: 'Telecom', sector: 'telecoms operator', product: 'subscribers' },
  { kind: 'Mining', sector: 'miner', product: 'tonnes of copper' },
  { kind: 'Pharmaceuticals', sector: 'drugmaker', product: 'doses' },
  { kind: 'Logistics', sector: 'shipping group', product: 'containers' },
  { kind: 'Foods', sector: 'food producer', product: 'tonnes of grain' },
  { kind: 'Textiles', sector: 'garment maker', product: 'garments' },
  { kind: 'Holdings', sector: 'conglomerate', product: 'units' },
];

export const INSTITUTIONS = [
  'World Bank', 'International Monetary Fund', 'United Nations', 'World Health Organization', 'European Commission',
  'African Development Bank', 'Asian Development Bank', 'International Red Cross', 'Amnesty International', 'Human Rights Watch',
  'World Food Programme', 'UNICEF', 'International Labour Organization', 'Médecins Sans Frontières', 'Save the Children',
];

export const AGENCIES = ['Reuters', 'AFP', 'AP', 'Bloomberg', 'dpa', 'Xinhua', 'Anadolu', 'EFE', 'ANSA', 'Kyodo'];
export const OUTLETS = ['Daily Courier', 'The Ledger', 'Morning Herald', 'Capital Post', 'Evening Standard-Times', 'Metro Wire', 'The Observer Online', 'Coastal Gazette', 'National Dispatch', 'Frontline News'];

export const MINISTRIES = ['Finance', 'Health', 'Interior', 'Foreign', 'Defence', 'Energy', 'Labour', 'Transport', 'Education', 'Trade', 'Agriculture', 'Environment', 'Justice'];

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const MONTH_ABBR = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

export const DISEASES = ['cholera', 'measles', 'dengue fever', 'mpox', 'diphtheria', 'yellow fever', 'malaria', 'typhoid'];
export const UNIONS_KIND = ['dockworkers', 'teachers', 'nurses', 'rail workers', 'miners', 'bus drivers', 'doctors', 'airport staff', 'postal workers', 'port workers'];
export const PROJECT_KIND = [
  { what: 'railway line', measure: 'km', verb: 'link' },
  { what: 'motorway', measure: 'km', verb: 'connect' },
  { what: 'bridge', measure: 'metres', verb: 'span' },
  { what: 'solar farm', measure: 'megawatts', verb: 'power' },
  { what: 'wind farm', measure: 'megawatts', verb: 'supply' },
  { what: 'hydroelectric dam', measure: 'megawatts', verb: 'supply' },
  { what: 'desalination plant', measure: 'cubic metres a day', verb: 'supply' },
  { what: 'metro line', measure: 'km', verb: 'serve' },
];

export const FILLER = [
  'The ministry did not immediately respond to a request for comment.',
  'Officials declined to give further details, citing an ongoing review.',
  'The announcement was made at a news conference in the capital.',
  'Critics said the plan lacked detail and came too late.',
  'Opposition lawmakers called for an independent inquiry.',
  'Residents said they had been warned about the risks for years.',
  'The government has faced mounting pressure over the issue in recent months.',
  'Analysts said the decision could set a precedent for the region.',
  'Local media reported that talks would resume next week.',
  'It was not immediately clear how the measures would be funded.',
  'The figures could not be independently verified.',
  'A spokesperson said more information would be released in due course.',
  'The move drew a mixed reaction from business groups.',
  'Several civil society organisations welcomed the announcement but urged caution.',
  'The issue is expected to dominate the next session of parliament.',
  'Independent observers said the process had been largely orderly.',
  'The report was based on interviews with officials, residents and experts.',
  'Markets reacted calmly to the news in early trading.',
];

export const TOPIC_NAMES = ['fire', 'budget', 'earnings', 'election', 'strike', 'flood', 'project', 'trade', 'outbreak', 'court', 'deploy'];
