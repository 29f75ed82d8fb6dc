/**
 * Realistic person records for benchmarks, in the shape `POST /v1/records`
 * takes: names from many cultures (non-Latin originals with their ISO 15924
 * script code beside the Latin form), partial dates of birth, nationalities,
 * places of birth, some identity documents, aliases and distinguishing marks,
 * varied dissemination. Deterministic: the same seed and index give the same
 * record. Every record passes intake's validation.
 */

/** sfc32, seeded through splitmix32: small, fast and good enough for test data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  const splitmix = () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  return () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
}

export interface PersonName {
  full?: string;
  given?: string;
  family?: string;
  original?: string;
  script?: string;
  alias?: boolean;
}

export interface PersonRecord {
  kind: 'person';
  externalRef: string;
  dissemination: { scope: 'all' | 'agencies' | 'owner-only'; agencies?: string[] };
  purpose: string;
  reportedAt?: string;
  expiresAt?: string;
  caseRef?: string;
  person: {
    names: PersonName[];
    dateOfBirth?: string;
    sex?: 'male' | 'female' | 'unknown';
    nationalities?: string[];
    placeOfBirth?: string;
    documents?: { number: string; type: 'passport' | 'id_card'; issuingCountry: string }[];
    distinguishingMarks?: string[];
  };
}

/** A name part: Latin form, and the original in the culture's own script when it has one. */
type Part = readonly [latin: string, original?: string];
/** A family name that differs by sex (Russian, Greek, Polish…), or one that does not. */
type FamilyPart = Part | { readonly m: Part; readonly f: Part };

interface Culture {
  name: string;
  weight: number;
  nationalities: readonly string[];
  script?: string;
  /** Family name first and no space between parts in the original (Chinese, Japanese, Korean). */
  familyFirst?: boolean;
  male: readonly Part[];
  female: readonly Part[];
  family: readonly FamilyPart[];
  places: readonly string[];
}

const CULTURES: readonly Culture[] = [
  {
    name: 'russian',
    weight: 8,
    nationalities: ['RUS', 'BLR', 'KAZ'],
    script: 'Cyrl',
    male: [
      ['Ivan', 'Иван'],
      ['Dmitry', 'Дмитрий'],
      ['Sergei', 'Сергей'],
      ['Alexei', 'Алексей'],
      ['Nikolai', 'Николай'],
      ['Mikhail', 'Михаил'],
      ['Andrei', 'Андрей'],
      ['Vladimir', 'Владимир'],
    ],
    female: [
      ['Olga', 'Ольга'],
      ['Natalia', 'Наталья'],
      ['Elena', 'Елена'],
      ['Tatiana', 'Татьяна'],
      ['Anna', 'Анна'],
      ['Irina', 'Ирина'],
      ['Svetlana', 'Светлана'],
    ],
    family: [
      { m: ['Petrov', 'Петров'], f: ['Petrova', 'Петрова'] },
      { m: ['Ivanov', 'Иванов'], f: ['Ivanova', 'Иванова'] },
      { m: ['Smirnov', 'Смирнов'], f: ['Smirnova', 'Смирнова'] },
      { m: ['Kuznetsov', 'Кузнецов'], f: ['Kuznetsova', 'Кузнецова'] },
      { m: ['Popov', 'Попов'], f: ['Popova', 'Попова'] },
      { m: ['Volkov', 'Волков'], f: ['Volkova', 'Волкова'] },
      { m: ['Sokolov', 'Соколов'], f: ['Sokolova', 'Соколова'] },
      { m: ['Morozov', 'Морозов'], f: ['Morozova', 'Морозова'] },
    ],
    places: ['Moscow', 'Saint Petersburg', 'Novosibirsk', 'Yekaterinburg', 'Kazan', 'Rostov-on-Don', 'Minsk', 'Almaty'],
  },
  {
    name: 'ukrainian',
    weight: 4,
    nationalities: ['UKR'],
    script: 'Cyrl',
    male: [
      ['Oleksandr', 'Олександр'],
      ['Taras', 'Тарас'],
      ['Mykola', 'Микола'],
      ['Andriy', 'Андрій'],
      ['Yurii', 'Юрій'],
      ['Bohdan', 'Богдан'],
    ],
    female: [
      ['Oksana', 'Оксана'],
      ['Olena', 'Олена'],
      ['Iryna', 'Ірина'],
      ['Kateryna', 'Катерина'],
      ['Halyna', 'Галина'],
    ],
    family: [
      ['Shevchenko', 'Шевченко'],
      ['Kovalenko', 'Коваленко'],
      ['Bondarenko', 'Бондаренко'],
      ['Tkachenko', 'Ткаченко'],
      ['Melnyk', 'Мельник'],
      ['Kravchuk', 'Кравчук'],
      ['Boyko', 'Бойко'],
    ],
    places: ['Kyiv', 'Kharkiv', 'Odesa', 'Lviv', 'Dnipro', 'Zaporizhzhia'],
  },
  {
    name: 'serbian',
    weight: 3,
    nationalities: ['SRB', 'MNE', 'BIH'],
    script: 'Cyrl',
    male: [
      ['Marko', 'Марко'],
      ['Nikola', 'Никола'],
      ['Stefan', 'Стефан'],
      ['Miloš', 'Милош'],
      ['Dragan', 'Драган'],
    ],
    female: [
      ['Jelena', 'Јелена'],
      ['Milica', 'Милица'],
      ['Ana', 'Ана'],
      ['Dragana', 'Драгана'],
    ],
    family: [
      ['Jovanović', 'Јовановић'],
      ['Petrović', 'Петровић'],
      ['Nikolić', 'Николић'],
      ['Marković', 'Марковић'],
      ['Đorđević', 'Ђорђевић'],
    ],
    places: ['Belgrade', 'Novi Sad', 'Niš', 'Kragujevac', 'Podgorica'],
  },
  {
    name: 'greek',
    weight: 3,
    nationalities: ['GRC', 'CYP'],
    script: 'Grek',
    male: [
      ['Georgios', 'Γεώργιος'],
      ['Dimitrios', 'Δημήτριος'],
      ['Konstantinos', 'Κωνσταντίνος'],
      ['Nikolaos', 'Νικόλαος'],
      ['Ioannis', 'Ιωάννης'],
    ],
    female: [
      ['Maria', 'Μαρία'],
      ['Eleni', 'Ελένη'],
      ['Aikaterini', 'Αικατερίνη'],
      ['Sofia', 'Σοφία'],
      ['Vasiliki', 'Βασιλική'],
    ],
    family: [
      { m: ['Papadopoulos', 'Παπαδόπουλος'], f: ['Papadopoulou', 'Παπαδοπούλου'] },
      ['Georgiou', 'Γεωργίου'],
      { m: ['Nikolaidis', 'Νικολαΐδης'], f: ['Nikolaidou', 'Νικολαΐδου'] },
      { m: ['Pappas', 'Παππάς'], f: ['Pappa', 'Παππά'] },
      { m: ['Oikonomou', 'Οικονόμου'], f: ['Oikonomou', 'Οικονόμου'] },
    ],
    places: ['Athens', 'Thessaloniki', 'Patras', 'Heraklion', 'Nicosia', 'Limassol'],
  },
  {
    name: 'arabic',
    weight: 9,
    nationalities: ['EGY', 'SAU', 'MAR', 'JOR', 'IRQ', 'SYR', 'DZA', 'TUN', 'LBN'],
    script: 'Arab',
    male: [
      ['Mohamed', 'محمد'],
      ['Ahmed', 'أحمد'],
      ['Omar', 'عمر'],
      ['Youssef', 'يوسف'],
      ['Khaled', 'خالد'],
      ['Hassan', 'حسن'],
      ['Ali', 'علي'],
      ['Ibrahim', 'إبراهيم'],
    ],
    female: [
      ['Fatima', 'فاطمة'],
      ['Aisha', 'عائشة'],
      ['Mariam', 'مريم'],
      ['Layla', 'ليلى'],
      ['Nour', 'نور'],
      ['Huda', 'هدى'],
    ],
    family: [
      ['Haddad', 'حداد'],
      ['Mansour', 'منصور'],
      ['Khalil', 'خليل'],
      ['Nasser', 'ناصر'],
      ['Saleh', 'صالح'],
      ['Hamdan', 'حمدان'],
      ['Al-Masri', 'المصري'],
      ['Benali', 'بن علي'],
    ],
    places: ['Cairo', 'Alexandria', 'Riyadh', 'Casablanca', 'Amman', 'Baghdad', 'Aleppo', 'Algiers', 'Tunis', 'Beirut'],
  },
  {
    name: 'persian',
    weight: 3,
    nationalities: ['IRN', 'AFG'],
    script: 'Arab',
    male: [
      ['Reza', 'رضا'],
      ['Mehdi', 'مهدی'],
      ['Hossein', 'حسین'],
      ['Amir', 'امیر'],
      ['Dariush', 'داریوش'],
    ],
    female: [
      ['Zahra', 'زهرا'],
      ['Maryam', 'مریم'],
      ['Shirin', 'شیرین'],
      ['Parisa', 'پریسا'],
    ],
    family: [
      ['Ahmadi', 'احمدی'],
      ['Hosseini', 'حسینی'],
      ['Karimi', 'کریمی'],
      ['Rahimi', 'رحیمی'],
      ['Moradi', 'مرادی'],
      ['Jafari', 'جعفری'],
    ],
    places: ['Tehran', 'Mashhad', 'Isfahan', 'Shiraz', 'Tabriz', 'Kabul', 'Herat'],
  },
  {
    name: 'chinese',
    weight: 8,
    nationalities: ['CHN', 'SGP', 'MYS'],
    script: 'Hani',
    familyFirst: true,
    male: [
      ['Wei', '伟'],
      ['Jun', '军'],
      ['Lei', '磊'],
      ['Qiang', '强'],
      ['Jian', '建'],
      ['Hao', '浩'],
      ['Tao', '涛'],
    ],
    female: [
      ['Fang', '芳'],
      ['Na', '娜'],
      ['Min', '敏'],
      ['Jing', '静'],
      ['Li', '丽'],
      ['Yan', '燕'],
      ['Xiu', '秀'],
    ],
    family: [
      ['Wang', '王'],
      ['Li', '李'],
      ['Zhang', '张'],
      ['Liu', '刘'],
      ['Chen', '陈'],
      ['Yang', '杨'],
      ['Zhao', '赵'],
      ['Huang', '黄'],
      ['Zhou', '周'],
    ],
    places: ['Beijing', 'Shanghai', 'Guangzhou', 'Shenzhen', 'Chengdu', 'Wuhan', 'Singapore', 'Kuala Lumpur'],
  },
  {
    name: 'japanese',
    weight: 3,
    nationalities: ['JPN'],
    script: 'Jpan',
    familyFirst: true,
    male: [
      ['Hiroshi', '博'],
      ['Takeshi', '武'],
      ['Kenji', '健二'],
      ['Daisuke', '大輔'],
      ['Kazuki', '一樹'],
    ],
    female: [
      ['Yuki', '由紀'],
      ['Akiko', '明子'],
      ['Keiko', '恵子'],
      ['Naoko', '直子'],
      ['Haruka', '遥'],
    ],
    family: [
      ['Sato', '佐藤'],
      ['Suzuki', '鈴木'],
      ['Takahashi', '高橋'],
      ['Tanaka', '田中'],
      ['Watanabe', '渡辺'],
      ['Ito', '伊藤'],
      ['Yamamoto', '山本'],
    ],
    places: ['Tokyo', 'Osaka', 'Yokohama', 'Nagoya', 'Sapporo', 'Fukuoka'],
  },
  {
    name: 'korean',
    weight: 3,
    nationalities: ['KOR'],
    script: 'Hang',
    familyFirst: true,
    male: [
      ['Min-jun', '민준'],
      ['Ji-hoon', '지훈'],
      ['Seo-jun', '서준'],
      ['Hyun-woo', '현우'],
      ['Dong-hyun', '동현'],
    ],
    female: [
      ['Seo-yeon', '서연'],
      ['Ji-woo', '지우'],
      ['Min-seo', '민서'],
      ['Ha-eun', '하은'],
      ['Su-bin', '수빈'],
    ],
    family: [
      ['Kim', '김'],
      ['Lee', '이'],
      ['Park', '박'],
      ['Choi', '최'],
      ['Jung', '정'],
      ['Kang', '강'],
      ['Yoon', '윤'],
    ],
    places: ['Seoul', 'Busan', 'Incheon', 'Daegu', 'Gwangju'],
  },
  {
    name: 'hindi',
    weight: 6,
    nationalities: ['IND', 'NPL'],
    script: 'Deva',
    male: [
      ['Rahul', 'राहुल'],
      ['Amit', 'अमित'],
      ['Vikram', 'विक्रम'],
      ['Suresh', 'सुरेश'],
      ['Rajesh', 'राजेश'],
      ['Arjun', 'अर्जुन'],
    ],
    female: [
      ['Priya', 'प्रिया'],
      ['Anjali', 'अंजलि'],
      ['Sunita', 'सुनीता'],
      ['Pooja', 'पूजा'],
      ['Kavita', 'कविता'],
    ],
    family: [
      ['Sharma', 'शर्मा'],
      ['Verma', 'वर्मा'],
      ['Gupta', 'गुप्ता'],
      ['Singh', 'सिंह'],
      ['Kumar', 'कुमार'],
      ['Patel', 'पटेल'],
      ['Yadav', 'यादव'],
    ],
    places: ['Delhi', 'Mumbai', 'Kolkata', 'Lucknow', 'Jaipur', 'Patna', 'Kathmandu'],
  },
  {
    name: 'hebrew',
    weight: 2,
    nationalities: ['ISR'],
    script: 'Hebr',
    male: [
      ['David', 'דוד'],
      ['Yosef', 'יוסף'],
      ['Moshe', 'משה'],
      ['Avraham', 'אברהם'],
      ['Eitan', 'איתן'],
    ],
    female: [
      ['Sarah', 'שרה'],
      ['Rivka', 'רבקה'],
      ['Noa', 'נועה'],
      ['Tamar', 'תמר'],
      ['Yael', 'יעל'],
    ],
    family: [
      ['Cohen', 'כהן'],
      ['Levi', 'לוי'],
      ['Mizrahi', 'מזרחי'],
      ['Peretz', 'פרץ'],
      ['Biton', 'ביטון'],
      ['Friedman', 'פרידמן'],
    ],
    places: ['Jerusalem', 'Tel Aviv', 'Haifa', 'Beersheba', 'Netanya'],
  },
  {
    name: 'georgian',
    weight: 2,
    nationalities: ['GEO'],
    script: 'Geor',
    male: [
      ['Giorgi', 'გიორგი'],
      ['Davit', 'დავით'],
      ['Levan', 'ლევან'],
      ['Irakli', 'ირაკლი'],
    ],
    female: [
      ['Nino', 'ნინო'],
      ['Tamar', 'თამარ'],
      ['Ana', 'ანა'],
      ['Mariam', 'მარიამ'],
    ],
    family: [
      ['Beridze', 'ბერიძე'],
      ['Kapanadze', 'კაპანაძე'],
      ['Gelashvili', 'გელაშვილი'],
      ['Lomidze', 'ლომიძე'],
      ['Maisuradze', 'მაისურაძე'],
    ],
    places: ['Tbilisi', 'Batumi', 'Kutaisi', 'Rustavi'],
  },
  {
    name: 'thai',
    weight: 2,
    nationalities: ['THA'],
    script: 'Thai',
    male: [
      ['Somchai', 'สมชาย'],
      ['Somsak', 'สมศักดิ์'],
      ['Prasert', 'ประเสริฐ'],
      ['Anan', 'อนันต์'],
    ],
    female: [
      ['Siriporn', 'ศิริพร'],
      ['Malee', 'มาลี'],
      ['Ratana', 'รัตนา'],
      ['Kanya', 'กัญญา'],
    ],
    family: [
      ['Saetang', 'แซ่ตั้ง'],
      ['Srisuk', 'ศรีสุข'],
      ['Chaiyaporn', 'ชัยพร'],
      ['Wongsawat', 'วงศ์สวัสดิ์'],
      ['Boonmee', 'บุญมี'],
    ],
    places: ['Bangkok', 'Chiang Mai', 'Pattaya', 'Khon Kaen', 'Hat Yai'],
  },
  {
    name: 'french',
    weight: 6,
    nationalities: ['FRA', 'BEL', 'CHE', 'LUX'],
    male: [['Jean'], ['Pierre'], ['Luc'], ['Mathieu'], ['Nicolas'], ['François'], ['Jean-Baptiste']],
    female: [['Marie'], ['Camille'], ['Claire'], ['Sophie'], ['Élodie'], ['Hélène']],
    family: [['Martin'], ['Bernard'], ['Dubois'], ['Lefèvre'], ['Moreau'], ['Girard'], ['Rousseau'], ['Da Silva']],
    places: ['Paris', 'Lyon', 'Marseille', 'Lille', 'Toulouse', 'Brussels', 'Geneva', 'Liège'],
  },
  {
    name: 'german',
    weight: 6,
    nationalities: ['DEU', 'AUT', 'CHE'],
    male: [['Lukas'], ['Jürgen'], ['Stefan'], ['Matthias'], ['Jonas'], ['Klaus']],
    female: [['Anna'], ['Katharina'], ['Julia'], ['Sabine'], ['Ursula'], ['Lena']],
    family: [['Müller'], ['Schmidt'], ['Schneider'], ['Fischer'], ['Weber'], ['Becker'], ['Schäfer'], ['Wagner']],
    places: ['Berlin', 'Hamburg', 'Munich', 'Cologne', 'Frankfurt am Main', 'Vienna', 'Graz', 'Zürich'],
  },
  {
    name: 'spanish',
    weight: 7,
    nationalities: ['ESP', 'MEX', 'COL', 'ARG', 'PER', 'VEN'],
    male: [['José'], ['Juan'], ['Carlos'], ['Javier'], ['Alejandro'], ['José Luis'], ['Miguel Ángel']],
    female: [['María'], ['Lucía'], ['Carmen'], ['Isabel'], ['María José'], ['Guadalupe']],
    family: [
      ['García'],
      ['Fernández'],
      ['González'],
      ['Rodríguez'],
      ['López'],
      ['Martínez'],
      ['Sánchez'],
      ['Pérez'],
      ['García López'],
      ['Hernández Ruiz'],
    ],
    places: [
      'Madrid',
      'Barcelona',
      'Sevilla',
      'Ciudad de México',
      'Guadalajara',
      'Bogotá',
      'Medellín',
      'Buenos Aires',
      'Lima',
      'Caracas',
    ],
  },
  {
    name: 'portuguese',
    weight: 4,
    nationalities: ['PRT', 'BRA', 'AGO'],
    male: [['João'], ['Pedro'], ['Tiago'], ['Rui'], ['Luiz Carlos']],
    female: [['Ana'], ['Beatriz'], ['Inês'], ['Mariana'], ['Ana Paula']],
    family: [['Silva'], ['Santos'], ['Ferreira'], ['Pereira'], ['Oliveira'], ['Costa'], ['da Silva Santos']],
    places: ['Lisboa', 'Porto', 'São Paulo', 'Rio de Janeiro', 'Salvador', 'Luanda'],
  },
  {
    name: 'italian',
    weight: 4,
    nationalities: ['ITA'],
    male: [['Giuseppe'], ['Marco'], ['Luca'], ['Alessandro'], ['Salvatore']],
    female: [['Giulia'], ['Francesca'], ['Chiara'], ['Giovanna']],
    family: [['Rossi'], ['Russo'], ['Ferrari'], ['Esposito'], ['Bianchi'], ['Romano'], ['De Luca']],
    places: ['Roma', 'Milano', 'Napoli', 'Torino', 'Palermo', 'Bari'],
  },
  {
    name: 'polish',
    weight: 4,
    nationalities: ['POL'],
    male: [['Piotr'], ['Krzysztof'], ['Tomasz'], ['Paweł'], ['Łukasz']],
    female: [['Agnieszka'], ['Katarzyna'], ['Małgorzata'], ['Joanna']],
    family: [
      ['Nowak'],
      { m: ['Kowalski'], f: ['Kowalska'] },
      { m: ['Wiśniewski'], f: ['Wiśniewska'] },
      ['Wójcik'],
      { m: ['Kamiński'], f: ['Kamińska'] },
      ['Zając'],
    ],
    places: ['Warszawa', 'Kraków', 'Łódź', 'Wrocław', 'Gdańsk', 'Poznań'],
  },
  {
    name: 'turkish',
    weight: 5,
    nationalities: ['TUR'],
    male: [['Mehmet'], ['Mustafa'], ['Ahmet'], ['Emre'], ['Hüseyin']],
    female: [['Ayşe'], ['Fatma'], ['Zeynep'], ['Elif'], ['Emine']],
    family: [['Yılmaz'], ['Kaya'], ['Demir'], ['Şahin'], ['Çelik'], ['Öztürk'], ['Aydın']],
    places: ['İstanbul', 'Ankara', 'İzmir', 'Bursa', 'Antalya', 'Gaziantep'],
  },
  {
    name: 'west-african',
    weight: 4,
    nationalities: ['NGA', 'GHA', 'SEN', 'CIV'],
    male: [['Chukwuemeka'], ['Oluwaseun'], ['Ibrahim'], ['Emeka'], ['Babatunde'], ['Kwame'], ['Mamadou']],
    female: [['Ngozi'], ['Adaeze'], ['Funmilayo'], ['Aisha'], ['Abena'], ['Fatou']],
    family: [
      ['Okafor'],
      ['Adeyemi'],
      ['Okonkwo'],
      ['Balogun'],
      ['Eze'],
      ['Abubakar'],
      ['Mensah'],
      ['Diallo'],
      ['Ndiaye'],
    ],
    places: ['Lagos', 'Abuja', 'Kano', 'Accra', 'Kumasi', 'Dakar', 'Abidjan'],
  },
  {
    name: 'vietnamese',
    weight: 2,
    nationalities: ['VNM'],
    familyFirst: true,
    male: [['Minh'], ['Tuấn'], ['Hùng'], ['Dũng'], ['Quang']],
    female: [['Lan'], ['Hương'], ['Thảo'], ['Linh'], ['Mai']],
    family: [['Nguyễn'], ['Trần'], ['Lê'], ['Phạm'], ['Hoàng'], ['Vũ']],
    places: ['Hà Nội', 'Thành phố Hồ Chí Minh', 'Đà Nẵng', 'Hải Phòng'],
  },
  {
    name: 'english',
    weight: 6,
    nationalities: ['GBR', 'USA', 'IRL', 'AUS', 'CAN'],
    male: [['James'], ['John'], ['Michael'], ['David'], ['Daniel'], ['Patrick']],
    female: [['Sarah'], ['Emma'], ['Jennifer'], ['Emily'], ['Siobhan']],
    family: [
      ['Smith'],
      ['Johnson'],
      ['Williams'],
      ['Brown'],
      ['Jones'],
      ["O'Brien"],
      ['Taylor'],
      ['Walsh'],
      ['McCarthy'],
    ],
    places: ['London', 'Manchester', 'Glasgow', 'New York', 'Chicago', 'Dublin', 'Sydney', 'Toronto'],
  },
  {
    name: 'albanian',
    weight: 2,
    nationalities: ['ALB', 'MKD'],
    male: [['Arben'], ['Blerim'], ['Ilir'], ['Gentian']],
    female: [['Arta'], ['Drita'], ['Elira'], ['Besa']],
    family: [['Hoxha'], ['Krasniqi'], ['Gashi'], ['Berisha'], ['Shehu']],
    places: ['Tirana', 'Durrës', 'Shkodër', 'Skopje', 'Tetovo'],
  },
];

/** The agencies records are disseminated to; they must exist before records naming them are shared. */
export const RECIPIENT_AGENCIES = [
  'FRA',
  'DEU',
  'GBR',
  'ITA',
  'ESP',
  'NLD',
  'BEL',
  'POL',
  'USA',
  'CAN',
  'TUR',
  'UKR',
  'GRC',
  'JPN',
  'KOR',
  'IND',
  'BRA',
  'EUROPOL',
  'IPSG',
];
const PURPOSES = [
  'border-check',
  'investigation',
  'wanted-person',
  'missing-person',
  'intelligence',
  'arrest-warrant',
  'witness-location',
];
const MARKS = [
  'scar on left cheek',
  'tattoo of a rose on right forearm',
  'tattoo of a dragon across upper back',
  'missing index finger, left hand',
  'birthmark on the neck',
  'walks with a limp (right leg)',
  'gold front tooth',
  'burn scar on left hand',
  'pierced eyebrow',
  'tattoo "Мама" on knuckles',
];
const ALL_NATIONALITIES = [...new Set(CULTURES.flatMap((culture) => culture.nationalities))];
const TOTAL_WEIGHT = CULTURES.reduce((sum, culture) => sum + culture.weight, 0);
const DAY_MS = 86_400_000;

export interface GenerateOptions {
  seed?: number;
  /** Prefix of each externalRef; records are unique by prefix and index. */
  prefix: string;
  /** First index (externalRefs continue from here). */
  start?: number;
  count: number;
  /** `expiresAt` is drawn relative to this time (default: today, 00:00 UTC). */
  now?: Date;
}

/** `count` person records, the same for the same options. */
export function generatePersonRecords(options: GenerateOptions): PersonRecord[] {
  const random = seededRandom((options.seed ?? 20261122) ^ hashString(options.prefix));
  const today = options.now ?? new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS);
  const records: PersonRecord[] = new Array(options.count);
  const start = options.start ?? 0;
  for (let i = 0; i < options.count; i++)
    records[i] = personRecord(random, `${options.prefix}-${String(start + i).padStart(7, '0')}`, today);
  return records;
}

function personRecord(random: () => number, externalRef: string, today: Date): PersonRecord {
  const chance = (p: number) => random() < p;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));

  let roll = random() * TOTAL_WEIGHT;
  const culture = CULTURES.find((candidate) => (roll -= candidate.weight) < 0) ?? CULTURES[0];
  const female = chance(0.32);
  const sexKey = female ? 'f' : 'm';
  const familyPart = (entry: FamilyPart): Part => ('m' in entry ? entry[sexKey] : entry);
  const given = pick(female ? culture.female : culture.male);
  const family = familyPart(pick(culture.family));

  const names: PersonName[] = [];
  if (chance(0.03)) {
    names.push({ family: family[0] }); // only the family name is known
  } else if (chance(0.05)) {
    names.push({ full: culture.familyFirst ? `${family[0]} ${given[0]}` : `${given[0]} ${family[0]}` });
  } else {
    const name: PersonName = { given: given[0], family: family[0] };
    if (culture.script && given[1] && family[1] && chance(0.8)) {
      name.original = culture.familyFirst ? `${family[1]}${given[1]}` : `${given[1]} ${family[1]}`;
      name.script = culture.script;
    }
    names.push(name);
  }
  if (chance(0.12)) {
    // An alias: another given name, or a different spelling of the whole name.
    const other = pick(female ? culture.female : culture.male);
    names.push({ full: `${other[0]} ${family[0]}`, alias: true });
  }
  if (chance(0.04))
    names.push({ full: pick(['Doc', 'The Accountant', 'Shorty', 'Big Mike', 'El Flaco', 'Ghost']), alias: true });

  const person: PersonRecord['person'] = { names };
  const dobRoll = random();
  if (dobRoll < 0.95) {
    const year = between(1941, 2007);
    const month = between(1, 12);
    const day = between(1, daysIn(year, month));
    const mm = String(month).padStart(2, '0');
    person.dateOfBirth =
      dobRoll < 0.72
        ? `${year}-${mm}-${String(day).padStart(2, '0')}`
        : dobRoll < 0.86
          ? `${year}-${mm}`
          : String(year);
  }
  const sexRoll = random();
  if (sexRoll < 0.93) person.sex = female ? 'female' : 'male';
  else if (sexRoll < 0.96) person.sex = 'unknown';

  const nationalityRoll = random();
  if (nationalityRoll < 0.97) {
    const first = pick(culture.nationalities);
    person.nationalities = [first];
    if (nationalityRoll < 0.12) {
      const second = pick(ALL_NATIONALITIES);
      if (second !== first) person.nationalities.push(second);
    }
  }
  if (chance(0.4)) person.placeOfBirth = pick(culture.places);
  if (chance(0.3)) {
    const issuer = person.nationalities?.[0] ?? pick(culture.nationalities);
    person.documents = [document(random, issuer)];
    if (chance(0.15)) person.documents.push(document(random, pick(ALL_NATIONALITIES)));
  }
  if (chance(0.08))
    person.distinguishingMarks = chance(0.8)
      ? [pick(MARKS)]
      : [pick(MARKS), pick(MARKS)].filter((mark, i, all) => all.indexOf(mark) === i);

  const disseminationRoll = random();
  const dissemination: PersonRecord['dissemination'] =
    disseminationRoll < 0.8
      ? { scope: 'all' }
      : disseminationRoll < 0.95
        ? {
            scope: 'agencies',
            agencies: [...new Set(Array.from({ length: between(1, 4) }, () => pick(RECIPIENT_AGENCIES)))],
          }
        : { scope: 'owner-only' };

  const record: PersonRecord = { kind: 'person', externalRef, dissemination, purpose: pick(PURPOSES), person };
  if (chance(0.5)) record.caseRef = `CASE/${between(2019, 2026)}/${String(between(1, 99_999)).padStart(5, '0')}`;
  if (chance(0.3))
    record.reportedAt = new Date(Date.UTC(2024, 0, 1) + Math.floor(random() * 700 * DAY_MS))
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z');
  if (chance(0.05)) record.expiresAt = new Date(today.getTime() + between(30, 1_500) * DAY_MS).toISOString();
  return record;
}

function document(random: () => number, issuingCountry: string) {
  const letters = 'ABCDEFGHJKLMNPRSTUVWXYZ';
  const digits = () => String(Math.floor(random() * 1e8)).padStart(8, '0');
  const passport = random() < 0.7;
  const number = passport
    ? `${letters[Math.floor(random() * letters.length)]}${letters[Math.floor(random() * letters.length)]}${digits().slice(0, 7)}`
    : `${issuingCountry.slice(0, 1)}${digits()}${random() < 0.3 ? `-${Math.floor(random() * 10)}` : ''}`;
  return { number, type: passport ? ('passport' as const) : ('id_card' as const), issuingCountry };
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function hashString(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619) >>> 0;
  return hash;
}

/** Creates every agency the generated records are disseminated to (intake refuses codes that name no agency). */
export async function createRecipientAgencies(agencies: { key(code: string): Promise<string> }): Promise<void> {
  for (const code of RECIPIENT_AGENCIES) await agencies.key(code);
}
