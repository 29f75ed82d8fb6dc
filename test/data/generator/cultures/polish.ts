/**
 * Polish names with ą, ć, ę, ł, ń, ó, ś, ź and ż, and without them (Łukasz →
 * Lukasz). Adjectival family names take -ska, -cka, -dzka for a woman.
 */
import { Culture, feminineByRules, nameTable } from './culture';

const male = nameTable(
  `
  Piotr
  Krzysztof
  Andrzej
  Tomasz
  Paweł: Pawel
  Michał: Michal
  Marcin
  Jan
  Grzegorz
  Józef: Jozef
  Łukasz: Lukasz
  Adam
  Zbigniew
  Jerzy
  Tadeusz
  Mateusz
  Dariusz
  Mariusz
  Wojciech
  Ryszard
  Jakub
  Henryk
  Kazimierz
  Marek
  Maciej
  Rafał: Rafal
  Stanisław: Stanislaw
  Kamil
  Sławomir: Slawomir
  Bartosz
  Szymon
  Jacek
  Przemysław: Przemyslaw
  Wiesław: Wieslaw
  `,
  'Latn',
);

const female = nameTable(
  `
  Anna
  Maria
  Katarzyna
  Małgorzata: Malgorzata
  Agnieszka
  Krystyna
  Barbara
  Ewa
  Elżbieta: Elzbieta
  Zofia
  Janina
  Teresa
  Joanna
  Magdalena
  Monika
  Jadwiga
  Danuta
  Irena
  Halina
  Beata
  Aleksandra
  Dorota
  Grażyna: Grazyna
  Jolanta
  Iwona
  Karolina
  Bożena: Bozena
  Urszula
  Justyna
  Alicja
  Sylwia
  Wiesława: Wieslawa
  Żaneta: Zaneta
  `,
  'Latn',
);

const family = nameTable(
  `
  Nowak
  Kowalski
  Wiśniewski: Wisniewski
  Wójcik: Wojcik
  Kowalczyk
  Kamiński: Kaminski
  Lewandowski
  Zieliński: Zielinski
  Szymański: Szymanski
  Woźniak: Wozniak
  Dąbrowski: Dabrowski, Dombrowski
  Kozłowski: Kozlowski
  Jankowski
  Mazur
  Wojciechowski
  Kwiatkowski
  Krawczyk
  Kaczmarek
  Piotrowski
  Grabowski
  Zając: Zajac
  Pawłowski: Pawlowski
  Michalski
  Król: Krol
  Wieczorek
  Jabłoński: Jablonski
  Wróbel: Wrobel
  Nowakowski
  Majewski
  Olszewski
  Stępień: Stepien
  Malinowski
  Jaworski
  Adamczyk
  Dudek
  Nowicki
  Pawlak
  Górski: Gorski
  Witkowski
  Walczak
  Sikora
  Baran
  Szewczyk
  Ostrowski
  Zawadzki
  Bąk: Bak
  Duda
  Włodarczyk: Wlodarczyk
  Sokołowski: Sokolowski
  Szczepański: Szczepanski
  Sawicki
  Mróz: Mroz
  Kołodziej: Kolodziej
  Głowacki: Glowacki
  `,
  'Latn',
);

export const polish: Culture = {
  id: 'polish',
  script: 'Latn',
  countries: [['POL', 1]],
  weight: 5,
  familyFirst: false,
  nativeSeparator: ' ',
  male,
  female,
  family,
  familyNameCount: 1,
  middleName: { kind: 'second_given', rate: 0.2 },
  feminine: feminineByRules([[/(sk|ck|dzk)i$/, '$1a']], [[/(sk|ck|dzk)i$/, '$1a']]),
};
