/**
 * Israeli names in Hebrew, unpointed as on identity documents, with the
 * Latin spellings in use: the Israeli passport's (Yitzhak, Haim), the
 * anglicised (Isaac, Chaim) and the Ashkenazi (Moishe, Cohn) ones.
 */
import { Culture, nameTable } from './culture';

const male = nameTable(
  `
  דוד: David
  משה: Moshe, Moishe
  יוסף: Yosef, Joseph, Josef
  אברהם: Avraham, Abraham
  יצחק: Yitzhak, Itzhak, Isaac
  יעקב: Yaakov, Yaacov, Jacob
  דניאל: Daniel
  מיכאל: Michael, Mikhael
  אורי: Uri, Ori
  נועם: Noam
  איתי: Itay, Itai
  יונתן: Yonatan, Jonathan
  אריאל: Ariel
  עומר: Omer
  רון: Ron
  אליהו: Eliyahu, Eliahu
  שמואל: Shmuel, Samuel
  חיים: Haim, Chaim, Hayim
  אהרון: Aharon, Aaron
  בנימין: Binyamin, Benjamin
  אבי: Avi
  עמית: Amit
  גיא: Guy, Gai
  תומר: Tomer
  אלון: Alon
  מאיר: Meir, Meyer
  שלמה: Shlomo
  רפאל: Refael, Raphael, Rafael
  אליעזר: Eliezer
  עידו: Ido, Iddo
  ניר: Nir
  גלעד: Gilad
  אסף: Asaf, Assaf
  צבי: Tzvi, Zvi, Tsvi
  `,
  'Hebr',
);

const female = nameTable(
  `
  שרה: Sara, Sarah
  רחל: Rachel, Rahel
  לאה: Leah, Lea
  רבקה: Rivka, Rivkah, Rebecca
  מרים: Miriam, Miryam
  אסתר: Ester, Esther
  חנה: Hana, Hannah, Chana
  נועה: Noa
  תמר: Tamar
  מיכל: Michal
  יעל: Yael, Jael
  שירה: Shira
  טליה: Talia, Talya
  מאיה: Maya, Maia
  אביגיל: Avigail, Abigail
  רות: Rut, Ruth
  דבורה: Dvora, Devorah, Deborah
  אורית: Orit
  דנה: Dana
  ליאת: Liat
  הילה: Hila, Hilla
  עדי: Adi
  ענבל: Inbal
  קרן: Keren
  שני: Shani
  נטע: Neta, Netta
  רונית: Ronit
  אילנה: Ilana
  אפרת: Efrat, Ephrat
  יהודית: Yehudit, Judith
  `,
  'Hebr',
);

const family = nameTable(
  `
  כהן: Cohen, Kohen, Cohn
  לוי: Levi, Levy
  מזרחי: Mizrahi, Mizrachi
  פרץ: Peretz, Perez
  ביטון: Biton, Bitton
  דהן: Dahan
  אברהם: Avraham, Abraham
  פרידמן: Friedman, Fridman
  מלכה: Malka
  אזולאי: Azoulay, Azulai
  כץ: Katz, Kats
  יוסף: Yosef, Joseph
  דוד: David
  עמר: Amar, Ammar
  אוחיון: Ohayon, Ohayoun
  חדד: Hadad, Haddad
  גבאי: Gabay, Gabbai
  בן דוד: Ben David, Ben-David
  אדלר: Adler
  שפירא: Shapira, Shapiro
  רוזנברג: Rosenberg, Rozenberg
  גולדברג: Goldberg
  שושן: Shoshan
  לנדאו: Landau
  ברק: Barak
  שטרן: Stern, Shtern
  וייס: Weiss, Vais
  קליין: Klein, Kleyn
  אשכנזי: Ashkenazi
  בן חיים: Ben Haim, Ben-Haim, Ben Chaim
  סגל: Segal, Segel
  גרינברג: Greenberg, Grinberg
  זילברמן: Silberman, Zilberman
  הורוביץ: Horowitz, Horovitz
  רבינוביץ: Rabinovich, Rabinowitz
  ברגר: Berger
  חזן: Hazan, Chazan
  נחום: Nahum, Nachum
  טל: Tal
  גל: Gal
  שלום: Shalom
  אלמוג: Almog
  בר: Bar
  `,
  'Hebr',
);

export const hebrew: Culture = {
  id: 'hebrew',
  script: 'Hebr',
  countries: [['ISR', 1]],
  weight: 4,
  familyFirst: false,
  nativeSeparator: ' ',
  male,
  female,
  family,
  familyNameCount: 1,
};
