/**
 * Arabic names in Arabic script, with the Latin spellings agencies meet:
 * English (Mohammed, Yusuf), Egyptian (Mohamed, Gamal), French and Maghrebi
 * (Youssef, Hicham, Aicha) and scholarly (Muhammad, Abd al-Rahman). Family
 * names carry the article as Al-, El- or joined (Alshammari). The middle name
 * is the father's given name (nasab without "ibn").
 */
import { Culture, nameTable } from './culture';

const male = nameTable(
  `
  محمد: Mohammed, Muhammad, Mohamed, Mohammad
  أحمد: Ahmed, Ahmad
  محمود: Mahmoud, Mahmud
  مصطفى: Mustafa, Moustafa, Mostafa
  علي: Ali
  حسن: Hassan, Hasan
  حسين: Hussein, Hussain, Husain
  عمر: Omar, Umar
  خالد: Khaled, Khalid
  يوسف: Yusuf, Youssef, Yousef
  إبراهيم: Ibrahim, Ebrahim
  عبد الله: Abdullah, Abdallah, Abdulla
  عبد الرحمن: Abdulrahman, Abdel Rahman, Abd al-Rahman
  عبد العزيز: Abdulaziz, Abdel Aziz, Abd al-Aziz
  عبد الكريم: Abdulkarim, Abdel Karim, Abdul Karim
  سعيد: Said, Saeed, Saied
  كريم: Karim, Kareem
  طارق: Tariq, Tarek, Tarik
  ياسر: Yasser, Yasir
  سامي: Sami, Samy
  فادي: Fadi, Fady
  رامي: Rami, Ramy
  وليد: Walid, Waleed
  هشام: Hisham, Hicham
  جمال: Jamal, Gamal
  نبيل: Nabil, Nabeel
  فيصل: Faisal, Faysal, Fayssal
  ماجد: Majed, Majid, Maged
  سليمان: Suleiman, Sulaiman, Soliman
  عثمان: Othman, Osman, Uthman
  إسماعيل: Ismail, Ismael
  زياد: Ziad, Ziyad
  باسل: Basel, Basil
  منصور: Mansour, Mansur
  ناصر: Nasser, Nasir
  رشيد: Rashid, Rachid, Rasheed
  عادل: Adel, Adil
  أنس: Anas
  بلال: Bilal
  حمزة: Hamza, Hamzah
  `,
  'Arab',
);

const female = nameTable(
  `
  فاطمة: Fatima, Fatma, Fatimah
  عائشة: Aisha, Aicha, Aysha
  مريم: Maryam, Mariam, Meriem
  خديجة: Khadija, Khadidja, Khadeejah
  زينب: Zainab, Zeinab, Zaynab
  نور: Nour, Noor, Nur
  سارة: Sara, Sarah
  ليلى: Layla, Leila, Laila
  هدى: Huda, Houda, Hoda
  أمينة: Amina, Aminah
  سلمى: Salma, Selma
  رانيا: Rania, Ranya
  دينا: Dina
  ياسمين: Yasmin, Yasmine, Jasmin
  هالة: Hala
  رنا: Rana
  لينا: Lina, Leena
  منى: Mona, Muna
  سميرة: Samira, Sameera
  نادية: Nadia, Nadya
  إيمان: Iman, Eman, Imane
  أسماء: Asma, Asmaa
  حنان: Hanan
  سعاد: Souad, Suad, Soad
  وفاء: Wafa, Wafaa
  جميلة: Jamila, Djamila, Gamila
  لبنى: Lubna, Loubna
  آمنة: Amna, Amena
  شيماء: Shaimaa, Shaima, Chaimae
  غادة: Ghada
  نسرين: Nesrine, Nisreen, Nesreen
  رقية: Ruqayya, Roqaya, Rokia
  `,
  'Arab',
);

const family = nameTable(
  `
  الراشد: Al-Rashid, Al Rashid, El-Rashid
  الحسن: Al-Hassan, El-Hassan, Alhassan
  المصري: Al-Masri, El-Masry, Almasri
  الأحمد: Al-Ahmad, Al Ahmed, Alahmad
  الخطيب: Al-Khatib, El-Khatib, Alkhatib
  الحلبي: Al-Halabi, El-Halaby, Halabi
  الشامي: Al-Shami, El-Chami, Alshami
  العلي: Al-Ali, El-Ali, Alali
  الزعبي: Al-Zoubi, El-Zoubi, Alzoubi
  التميمي: Al-Tamimi, Al Tamimi, Altamimi
  القحطاني: Al-Qahtani, Al-Kahtani, Alqahtani
  الشمري: Al-Shammari, Al-Shamari, Alshammari
  العتيبي: Al-Otaibi, Al-Utaybi, Alotaibi
  الدوسري: Al-Dosari, Al-Dawsari, Aldossary
  الحربي: Al-Harbi, Alharbi
  الغامدي: Al-Ghamdi, Alghamdi
  الزهراني: Al-Zahrani, Alzahrani
  الجبوري: Al-Jubouri, Al-Juburi, Aljubouri
  العبيدي: Al-Obaidi, Al-Ubaydi, Alobaidi
  الدليمي: Al-Dulaimi, Al-Dulaymi
  الفاسي: El Fassi, Al-Fassi, Elfassi
  العمري: Al-Omari, El Omari, Alomari
  السيد: El-Sayed, Al-Sayed, Elsayed
  الشريف: El-Sherif, Al-Sharif, Cherif
  الحسيني: Al-Husseini, El-Husseini, Husseini
  حداد: Haddad
  خوري: Khoury, Khouri, Khuri
  نصر: Nasr, Nassr
  حسين: Hussein, Hussain, Husain
  سليمان: Suleiman, Soliman, Sulaiman
  منصور: Mansour, Mansur
  عيسى: Issa, Eissa, Isa
  يوسف: Youssef, Yousef, Yusuf
  صالح: Saleh, Salih
  إبراهيم: Ibrahim, Ebrahim
  عثمان: Othman, Osman
  عبد الناصر: Abdel Nasser, Abdul Nasser, Abdelnasser
  عبد الحميد: Abdel Hamid, Abdul Hamid, Abdelhamid
  عبد الرحمن: Abdel Rahman, Abdul Rahman, Abdulrahman
  بن علي: Ben Ali, Benali, Bin Ali
  بن سالم: Ben Salem, Bensalem, Bin Salem
  بوزيد: Bouzid, Bou Zid
  بلحاج: Belhadj, Bel Hadj, Belhaj
  قاسم: Kassem, Qasim, Kassim
  حمدان: Hamdan
  جابر: Jaber, Jabir
  درويش: Darwish, Darwiche
  مراد: Mourad, Murad
  زيدان: Zidane, Zeidan, Zaidan
  عاشور: Achour, Ashour, Ashur
  شاهين: Shahin, Chahine, Shaheen
  `,
  'Arab',
);

export const arabic: Culture = {
  id: 'arabic',
  script: 'Arab',
  countries: [
    ['SYR', 3],
    ['EGY', 3],
    ['IRQ', 2],
    ['MAR', 2],
    ['DZA', 2],
    ['TUN', 1],
    ['JOR', 1],
    ['LBN', 1],
    ['SAU', 1],
    ['LBY', 1],
    ['YEM', 1],
  ],
  weight: 10,
  familyFirst: false,
  nativeSeparator: ' ',
  male,
  female,
  family,
  familyNameCount: 1,
  middleName: { kind: 'father', rate: 0.5 },
};
