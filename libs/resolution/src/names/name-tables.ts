/**
 * The small word lists name normalisation needs: titles, name particles, known
 * variants of common names, and the Korean and Japanese readings a character
 * table cannot give. Written in any script; they pass through the same
 * transliteration as names before use, so `господин` meets `gospodin`.
 */

/** Honorifics and forms of address dropped from the start of a name. Left out on purpose: don, pan, syed, khan (also names). */
export const TITLES = [
  'mr', 'mrs', 'ms', 'miss', 'mx', 'mister', 'dr', 'doctor', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady', 'rev', 'reverend', 'fr',
  'madam', 'madame', 'mme', 'mlle', 'monsieur', 'herr', 'frau', 'fraulein', 'sr', 'sra', 'srta', 'senor', 'senora', 'senorita',
  'signor', 'signora', 'sig', 'dott', 'sheikh', 'shaikh', 'sheik', 'haji', 'hajji', 'hadji', 'hajj', 'imam',
  'господин', 'госпожа', 'гражданин', 'гражданка', 'гр', 'пан', 'пані', 'пани', 'доктор',
  'السيد', 'السيدة', 'الشيخ', 'الحاج', 'الدكتور', 'κύριος', 'κυρία', 'κος', 'κα', 'מר', 'גברת',
];

/** Generational suffixes dropped from the end of a name. */
export const SUFFIXES = ['jr', 'jnr', 'junior', 'sr', 'snr', 'senior', 'ii', 'iii', 'iv', 'esq', 'phd', 'младший', 'старший'];

/**
 * Particles joined to the part they precede, so `de la Cruz`, `De La Cruz` and
 * `Delacruz` give one part `delacruz` (with `cruz` kept as its core).
 */
export const PARTICLES = [
  'de', 'da', 'do', 'dos', 'das', 'di', 'del', 'della', 'delle', 'dei', 'degli', 'dela', 'la', 'le', 'du', 'des',
  'van', 'vander', 'vanden', 'von', 'vom', 'zu', 'zur', 'der', 'den', 'ter', 'ten', 'af',
  'al', 'el', 'bin', 'ben', 'bn', 'ibn', 'bint', 'binti', 'abu', 'abou', 'ould',
];

/**
 * Spellings of one name, first the canonical one. Phonetic codes already bring
 * most together; these are the ones they miss or that matter too much to leave
 * to them (Muhammad has dozens of spellings). Consonant-only entries (`mhmd`)
 * are what the Arabic script gives once transliterated.
 */
export const NAME_VARIANTS: string[][] = [
  ['muhammad', 'mohammed', 'mohamed', 'mohammad', 'muhammed', 'mohamad', 'muhamad', 'mohammod', 'mohd', 'mehmet', 'mehmed', 'mhmd'],
  ['ahmad', 'ahmed', 'ahmet', 'achmed', 'akhmed'],
  ['ali', 'aly', 'aaly'],
  ['hasan', 'hassan', 'hasen'],
  ['husayn', 'hussein', 'husein', 'hussain', 'husain', 'hossein', 'huseyin', 'hsyn'],
  ['yusuf', 'youssef', 'yousef', 'yusef', 'yousif', 'yusif', 'youssouf', 'ywsf'],
  ['ibrahim', 'ebrahim', 'ibragim', 'abrahym'],
  ['umar', 'omar', 'omer', 'aamr'],
  ['khalid', 'khaled', 'halid', 'khald'],
  ['mustafa', 'moustafa', 'mostafa', 'mustapha', 'mstfy'],
  ['abdullah', 'abdallah', 'abdulla', 'abdalla'],
  ['fatima', 'fatimah', 'fatma', 'fatemeh', 'ftm'],
  ['aisha', 'aysha', 'ayesha', 'aicha', 'aishah'],
  ['alexander', 'aleksandr', 'alexandr', 'aleksander', 'oleksandr', 'olexandr', 'alexandre', 'alessandro', 'alejandro'],
  ['sergei', 'sergey', 'serguei', 'sergej', 'serhii', 'serhiy', 'sergiy', 'sergii'],
  ['alexei', 'aleksei', 'alexey', 'aleksey', 'oleksii', 'oleksiy', 'alexej'],
  ['dmitry', 'dmitri', 'dmitriy', 'dmitrii', 'dmytro', 'dimitri', 'dimitry'],
  ['yuri', 'yury', 'yuriy', 'yurii', 'iurii', 'jurij', 'juri'],
  ['nikolai', 'nikolay', 'nicolai', 'mykola', 'nikolaj'],
  ['andrei', 'andrey', 'andriy', 'andrii', 'andrej'],
  ['evgeny', 'evgeni', 'evgenii', 'yevgeny', 'yevgeniy', 'yevhen', 'ievgen', 'eugen'],
  ['vladimir', 'volodymyr', 'wladimir', 'vladimer'],
  ['mikhail', 'mykhailo', 'michail', 'mikhael'],
  ['georgios', 'giorgos', 'yiorgos', 'georgi', 'georgiy', 'heorhii'],
  ['olga', 'olha', 'olgha'],
  ['tatiana', 'tatyana', 'tetiana', 'tatjana'],
  ['natalia', 'natalya', 'nataliya', 'natalija'],
  ['elena', 'yelena', 'jelena', 'olena', 'helena'],
  ['yulia', 'yuliya', 'julia', 'iuliia', 'juliya'],
  // Korean family names: the conventional spelling first, then Revised Romanization and others.
  ['kim', 'gim'],
  ['lee', 'yi', 'rhee'],
  ['park', 'bak', 'pak'],
  ['choi', 'choe', 'chwe'],
  ['jung', 'jeong', 'chung'],
  ['kang', 'gang'],
  ['cho', 'jo'],
  ['yoon', 'yun'],
  ['jang', 'chang'],
  ['lim', 'im', 'rim'],
  ['shin', 'sin'],
  ['kwon', 'gwon'],
  ['seo', 'suh'],
  ['ko', 'go', 'koh'],
];

/** Korean family names by their syllable, as passports spell them (RR would give gim, i, bak...). */
export const KOREAN_FAMILY_NAMES: Record<string, string> = {
  김: 'kim', 이: 'lee', 박: 'park', 최: 'choi', 정: 'jung', 강: 'kang', 조: 'cho', 윤: 'yoon', 장: 'jang', 임: 'lim',
  한: 'han', 오: 'oh', 서: 'seo', 신: 'shin', 권: 'kwon', 황: 'hwang', 안: 'ahn', 송: 'song', 류: 'ryu', 전: 'jeon',
  홍: 'hong', 고: 'ko', 문: 'moon', 양: 'yang', 손: 'son', 배: 'bae', 백: 'baek', 허: 'heo', 남: 'nam', 노: 'noh',
};

/**
 * Japanese readings of the commonest family names and some given names in kanji,
 * where a Chinese reading would be no help (山田 is Yamada, not Shan Tian).
 * Best effort: other kanji fall back to their Chinese reading.
 */
export const JAPANESE_FAMILY_NAMES: Record<string, string> = {
  佐藤: 'sato', 鈴木: 'suzuki', 高橋: 'takahashi', 田中: 'tanaka', 伊藤: 'ito', 渡辺: 'watanabe', 渡邊: 'watanabe', 山本: 'yamamoto',
  中村: 'nakamura', 小林: 'kobayashi', 加藤: 'kato', 吉田: 'yoshida', 山田: 'yamada', 佐々木: 'sasaki', 山口: 'yamaguchi', 松本: 'matsumoto',
  井上: 'inoue', 木村: 'kimura', 斎藤: 'saito', 清水: 'shimizu', 山崎: 'yamazaki', 森田: 'morita', 池田: 'ikeda', 橋本: 'hashimoto',
  阿部: 'abe', 石川: 'ishikawa', 山下: 'yamashita', 中島: 'nakajima', 石井: 'ishii', 小川: 'ogawa', 前田: 'maeda', 岡田: 'okada',
  長谷川: 'hasegawa', 藤田: 'fujita', 後藤: 'goto', 近藤: 'kondo', 村上: 'murakami', 遠藤: 'endo', 青木: 'aoki', 坂本: 'sakamoto',
};

export const JAPANESE_GIVEN_NAMES: Record<string, string> = {
  太郎: 'taro', 一郎: 'ichiro', 次郎: 'jiro', 三郎: 'saburo', 健太: 'kenta', 翔太: 'shota', 大輔: 'daisuke', 拓也: 'takuya',
  花子: 'hanako', 陽子: 'yoko', 恵子: 'keiko', 裕子: 'yuko', 洋子: 'yoko', 美咲: 'misaki', 直美: 'naomi', 由美: 'yumi',
};
