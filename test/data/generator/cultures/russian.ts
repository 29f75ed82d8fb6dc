/**
 * Russian names in Cyrillic, with their Latin spellings: the passport's
 * (ICAO 9303 since 2013: Aleksandr, Iurii), the older BGN/PCGN ones (Yuriy,
 * Sergey) and the French, German and English habits (Ivanoff, Wolkow,
 * Alexander). Men may carry a patronymic, built on the father's given name.
 */
import { Culture, feminineByRules, nameTable } from './culture';

const male = nameTable(
  `
  Александр: Aleksandr, Alexander, Alexandr > Александров: Aleksandrov, Alexandrov
  Алексей: Aleksei, Alexey, Aleksey > Алексеев: Alekseyev, Alekseev
  Анатолий: Anatoliy, Anatoly, Anatolii > Анатольев: Anatolyev, Anatoliev
  Андрей: Andrei, Andrey > Андреев: Andreyev, Andreev
  Антон: Anton > Антонов: Antonov
  Артём: Artem, Artyom, Artiom > Артёмов: Artemov, Artyomov
  Борис: Boris > Борисов: Borisov
  Вадим: Vadim > Вадимов: Vadimov
  Валентин: Valentin > Валентинов: Valentinov
  Валерий: Valeriy, Valery, Valerii > Валерьев: Valeryev, Valeriev
  Василий: Vasiliy, Vasily, Vasilii > Васильев: Vasilyev, Vasiliev
  Виктор: Viktor, Victor > Викторов: Viktorov, Victorov
  Виталий: Vitaliy, Vitaly, Vitalii > Витальев: Vitalyev, Vitaliev
  Владимир: Vladimir, Wladimir > Владимиров: Vladimirov
  Владислав: Vladislav, Wladislaw > Владиславов: Vladislavov
  Вячеслав: Vyacheslav, Viacheslav > Вячеславов: Vyacheslavov, Viacheslavov
  Геннадий: Gennadiy, Gennady, Gennadii > Геннадьев: Gennadyev, Gennadiev
  Георгий: Georgiy, Georgy, Georgii > Георгиев: Georgiyev, Georgiev
  Григорий: Grigoriy, Grigory, Grigorii > Григорьев: Grigoryev, Grigoriev
  Денис: Denis > Денисов: Denisov
  Дмитрий: Dmitriy, Dmitry, Dmitrii > Дмитриев: Dmitriyev, Dmitriev
  Евгений: Evgeniy, Yevgeny, Evgenii > Евгеньев: Yevgenyev, Evgeniev
  Егор: Egor, Yegor > Егоров: Yegorov, Egorov
  Иван: Ivan > Иванов: Ivanov
  Игорь: Igor > Игорев: Igorev
  Илья: Ilya, Ilia
  Кирилл: Kirill, Kyrill > Кириллов: Kirillov
  Константин: Konstantin, Constantin > Константинов: Konstantinov
  Леонид: Leonid > Леонидов: Leonidov
  Максим: Maksim, Maxim > Максимов: Maksimov, Maximov
  Михаил: Mikhail, Mihail, Michail > Михайлов: Mikhaylov, Mikhailov
  Никита: Nikita
  Николай: Nikolai, Nikolay > Николаев: Nikolayev, Nikolaev
  Олег: Oleg > Олегов: Olegov
  Павел: Pavel > Павлов: Pavlov
  Пётр: Petr, Pyotr, Piotr > Петров: Petrov
  Роман: Roman > Романов: Romanov
  Руслан: Ruslan > Русланов: Ruslanov
  Сергей: Sergei, Sergey > Сергеев: Sergeyev, Sergeev
  Станислав: Stanislav > Станиславов: Stanislavov
  Степан: Stepan > Степанов: Stepanov
  Тимур: Timur > Тимуров: Timurov
  Фёдор: Fedor, Fyodor, Fiodor > Фёдоров: Fedorov, Fyodorov
  Юрий: Yuriy, Yuri, Iurii > Юрьев: Yuryev, Yuriev
  Ярослав: Yaroslav, Iaroslav > Ярославов: Yaroslavov
  `,
  'Cyrl',
);

const female = nameTable(
  `
  Алина: Alina
  Алла: Alla
  Анастасия: Anastasia, Anastasiya, Anastasiia
  Анна: Anna
  Валентина: Valentina
  Вера: Vera
  Вероника: Veronika, Veronica
  Виктория: Viktoriya, Victoria, Viktoriia
  Галина: Galina
  Дарья: Darya, Daria, Dariya
  Евгения: Evgeniya, Yevgenia, Evgeniia
  Екатерина: Ekaterina, Yekaterina
  Елена: Elena, Yelena
  Елизавета: Elizaveta, Yelizaveta
  Ирина: Irina
  Кристина: Kristina, Christina
  Ксения: Kseniya, Ksenia, Kseniia
  Любовь: Lyubov, Liubov
  Людмила: Lyudmila, Ludmila, Liudmila
  Марина: Marina
  Мария: Mariya, Maria, Mariia
  Надежда: Nadezhda
  Наталья: Natalya, Natalia, Natalja
  Нина: Nina
  Оксана: Oksana
  Ольга: Olga
  Полина: Polina
  Светлана: Svetlana
  Софья: Sofya, Sofia
  Тамара: Tamara
  Татьяна: Tatyana, Tatiana, Tatjana
  Юлия: Yuliya, Julia, Iuliia
  Яна: Yana, Iana
  `,
  'Cyrl',
);

const family = nameTable(
  `
  Абрамов: Abramov
  Александров: Aleksandrov, Alexandrov
  Алексеев: Alekseyev, Alekseev
  Андреев: Andreyev, Andreev
  Антонов: Antonov
  Баранов: Baranov
  Белов: Belov
  Беляев: Belyaev, Beliaev
  Богданов: Bogdanov
  Борисов: Borisov
  Васильев: Vasilyev, Vasiliev, Vasilev
  Виноградов: Vinogradov
  Вишневский: Vishnevsky, Vishnevskiy, Vishnevskii
  Волков: Volkov, Wolkow
  Воробьёв: Vorobyov, Vorobiev
  Гусев: Gusev
  Давыдов: Davydov, Davidov
  Дмитриев: Dmitriyev, Dmitriev
  Егоров: Yegorov, Egorov
  Жуков: Zhukov, Joukov
  Зайцев: Zaytsev, Zaitsev
  Захаров: Zakharov, Zaharov
  Иванов: Ivanov, Ivanoff
  Ильин: Ilyin, Ilin
  Казаков: Kazakov
  Киселёв: Kiselev, Kiselyov
  Козлов: Kozlov
  Комаров: Komarov
  Королёв: Korolev, Korolyov
  Кузнецов: Kuznetsov, Kuznetsoff
  Кузьмин: Kuzmin
  Лебедев: Lebedev, Lebedeff
  Макаров: Makarov
  Максимов: Maksimov, Maximov
  Медведев: Medvedev
  Михайлов: Mikhaylov, Mikhailov
  Морозов: Morozov
  Никитин: Nikitin
  Николаев: Nikolayev, Nikolaev
  Новиков: Novikov
  Орлов: Orlov
  Павлов: Pavlov
  Петров: Petrov, Petroff
  Покровский: Pokrovsky, Pokrovskiy
  Поляков: Polyakov, Poliakov
  Попов: Popov, Popoff
  Романов: Romanov, Romanoff
  Семёнов: Semenov, Semyonov
  Сидоров: Sidorov
  Смирнов: Smirnov, Smirnoff
  Соколов: Sokolov
  Соловьёв: Solovyov, Soloviev, Solovyev
  Сорокин: Sorokin
  Степанов: Stepanov
  Тарасов: Tarasov
  Толстой: Tolstoy, Tolstoi
  Фёдоров: Fedorov, Fyodorov
  Филиппов: Filippov, Philippov
  Фролов: Frolov
  Щербаков: Shcherbakov, Scherbakov
  Яковлев: Yakovlev, Iakovlev
  `,
  'Cyrl',
);

export const russian: Culture = {
  id: 'russian',
  script: 'Cyrl',
  countries: [
    ['RUS', 8],
    ['BLR', 1],
    ['KAZ', 1],
  ],
  weight: 10,
  familyFirst: false,
  nativeSeparator: ' ',
  male,
  female,
  family,
  familyNameCount: 1,
  middleName: { kind: 'patronymic', rate: 0.5 },
  feminine: feminineByRules(
    [
      [/(ск|цк)ий$/, '$1ая'],
      [/ой$/, 'ая'],
      [/(ов|ев|ёв|ин|ын)$/, '$1а'],
    ],
    [
      [/(sk)(iy|ii|y|i)$/, '$1aya'],
      [/o[iy]$/, 'aya'],
      [/off$/, 'ova'],
      [/eff$/, 'eva'],
      [/ow$/, 'owa'],
      [/(ov|ev|in|yn)$/, '$1a'],
    ],
  ),
};
