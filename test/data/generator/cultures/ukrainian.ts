/**
 * Ukrainian names in Ukrainian Cyrillic (і, ї, є, ґ: Іванов, not Russian
 * Иванов), with the national transliteration of 2010 first (Oleksandr, Serhii,
 * Yurii, Hanna) and older or Russian-influenced spellings after it (Serhiy,
 * Sergiy, Ganna).
 */
import { Culture, feminineByRules, nameTable } from './culture';

const male = nameTable(
  `
  Анатолій: Anatolii, Anatoliy
  Андрій: Andrii, Andriy, Andrij
  Артем: Artem, Artiom
  Богдан: Bohdan, Bogdan
  Валерій: Valerii, Valeriy
  Василь: Vasyl, Vasil, Wasyl
  Вадим: Vadym, Vadim
  Віктор: Viktor, Victor
  Віталій: Vitalii, Vitaliy
  Володимир: Volodymyr, Wolodymyr, Volodimir
  Геннадій: Hennadii, Hennadiy, Gennadiy
  Григорій: Hryhorii, Hryhoriy, Grigoriy
  Денис: Denys, Denis
  Дмитро: Dmytro, Dmitro
  Євген: Yevhen, Ievgen, Evgen
  Іван: Ivan
  Ігор: Ihor, Igor
  Ілля: Illia, Illya, Ilya
  Костянтин: Kostiantyn, Kostyantyn, Konstantin
  Максим: Maksym, Maxym, Maksim
  Микола: Mykola, Mikola
  Михайло: Mykhailo, Mykhaylo, Mikhailo
  Назар: Nazar
  Олег: Oleh, Oleg
  Олександр: Oleksandr, Olexandr, Oleksander
  Олексій: Oleksii, Oleksiy, Olexiy
  Остап: Ostap
  Павло: Pavlo
  Петро: Petro
  Роман: Roman
  Ростислав: Rostyslav, Rostislav
  Руслан: Ruslan
  Святослав: Sviatoslav, Svyatoslav
  Сергій: Serhii, Serhiy, Sergiy
  Степан: Stepan
  Тарас: Taras
  Юрій: Yurii, Yuriy, Iurii
  Ярослав: Yaroslav, Iaroslav
  `,
  'Cyrl',
);

const female = nameTable(
  `
  Анастасія: Anastasiia, Anastasiya
  Анна: Anna
  Богдана: Bohdana, Bogdana
  Валентина: Valentyna, Valentina
  Вікторія: Viktoriia, Viktoriya, Victoria
  Віра: Vira
  Галина: Halyna, Galyna, Galina
  Ганна: Hanna, Ganna
  Дарина: Daryna, Darina
  Зоряна: Zoriana, Zoryana
  Інна: Inna
  Ірина: Iryna, Irina
  Катерина: Kateryna, Katerina
  Лариса: Larysa, Larisa
  Леся: Lesia, Lesya
  Лілія: Liliia, Liliya, Lilia
  Людмила: Liudmyla, Lyudmyla, Ludmila
  Марія: Mariia, Mariya, Maria
  Мирослава: Myroslava, Miroslava
  Надія: Nadiia, Nadiya, Nadia
  Наталія: Nataliia, Nataliya, Natalia
  Оксана: Oksana
  Олександра: Oleksandra, Olexandra
  Олена: Olena
  Ольга: Olha, Olga
  Світлана: Svitlana
  Соломія: Solomiia, Solomiya
  Софія: Sofiia, Sofiya, Sofia
  Тетяна: Tetiana, Tetyana, Tatiana
  Христина: Khrystyna, Khristina, Krystyna
  Юлія: Yuliia, Yuliya, Iuliia
  Яна: Yana, Iana
  `,
  'Cyrl',
);

const family = nameTable(
  `
  Білоус: Bilous
  Бойко: Boiko, Boyko
  Бондар: Bondar
  Бондаренко: Bondarenko
  Вакуленко: Vakulenko
  Гнатюк: Hnatiuk, Hnatyuk
  Гончаренко: Honcharenko, Goncharenko
  Гриценко: Hrytsenko, Gritsenko
  Демченко: Demchenko
  Дяченко: Diachenko, Dyachenko
  Зінченко: Zinchenko
  Іваненко: Ivanenko
  Іванов: Ivanov
  Карпенко: Karpenko
  Клименко: Klymenko, Klimenko
  Коваленко: Kovalenko
  Коваль: Koval
  Ковальський: Kovalskyi, Kovalskyy, Kovalsky
  Ковальчук: Kovalchuk
  Костенко: Kostenko
  Кравченко: Kravchenko
  Кравчук: Kravchuk
  Кузьменко: Kuzmenko
  Кушнір: Kushnir
  Левицький: Levytskyi, Levytskyy, Levitsky
  Левченко: Levchenko
  Лисенко: Lysenko, Lisenko
  Литвиненко: Lytvynenko, Litvinenko
  Марченко: Marchenko
  Мартинюк: Martyniuk, Martynyuk
  Мазур: Mazur
  Мельник: Melnyk, Melnik
  Мороз: Moroz
  Нестеренко: Nesterenko
  Олійник: Oliinyk, Oliynyk, Oleinik
  Остапенко: Ostapenko
  Павленко: Pavlenko
  Петренко: Petrenko
  Поліщук: Polishchuk, Polischuk
  Пономаренко: Ponomarenko
  Приходько: Prykhodko, Prikhodko
  Романенко: Romanenko
  Руденко: Rudenko
  Савченко: Savchenko
  Савчук: Savchuk
  Сидоренко: Sydorenko, Sidorenko
  Тимошенко: Tymoshenko, Timoshenko
  Ткаченко: Tkachenko
  Ткачук: Tkachuk
  Федоренко: Fedorenko
  Харченко: Kharchenko, Harchenko
  Шевченко: Shevchenko, Chevtchenko
  Шевчук: Shevchuk
  Юрченко: Yurchenko, Iurchenko
  Яковенко: Yakovenko, Iakovenko
  `,
  'Cyrl',
);

export const ukrainian: Culture = {
  id: 'ukrainian',
  script: 'Cyrl',
  countries: [['UKR', 1]],
  weight: 8,
  familyFirst: false,
  nativeSeparator: ' ',
  male,
  female,
  family,
  familyNameCount: 1,
  feminine: feminineByRules(
    [
      [/(ськ|цьк)ий$/, '$1а'],
      [/(ов|ев|єв|ін|їн|ин)$/, '$1а'],
    ],
    [
      [/(sk)(yi|yy|iy|y|i)$/, '$1a'],
      [/(ov|ev|in|yn)$/, '$1a'],
    ],
  ),
};
