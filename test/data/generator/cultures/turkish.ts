/**
 * Turkish names with ç, ğ, ı, İ, ö, ş and ü, and as they come out without
 * them (Yılmaz → Yilmaz, Şahin → Sahin) or in German records (Öztürk →
 * Oeztuerk).
 */
import { Culture, nameTable } from './culture';

const male = nameTable(
  `
  Mehmet: Mehmed
  Mustafa
  Ahmet: Ahmed
  Ali
  Hüseyin: Huseyin, Hueseyin
  Hasan
  İbrahim: Ibrahim
  İsmail: Ismail
  Osman
  Yusuf
  Murat: Murad
  Ömer: Omer, Oemer
  Ramazan
  Halil
  Süleyman: Suleyman, Sueleyman
  Abdullah
  Mahmut: Mahmud
  Recep
  Salih
  Fatih
  Kadir
  Emre
  Hakan
  Burak
  Serkan
  Kemal
  Orhan
  Yasin
  Cem
  Barış: Baris
  Oğuz: Oguz
  Gökhan: Gokhan, Goekhan
  Tolga
  Uğur: Ugur
  Selim
  Cengiz
  Volkan
  Eren
  Yiğit: Yigit
  Çağlar: Caglar
  `,
  'Latn',
);

const female = nameTable(
  `
  Fatma
  Ayşe: Ayse
  Emine
  Hatice
  Zeynep
  Elif
  Meryem
  Şerife: Serife
  Zehra
  Sultan
  Merve
  Havva
  Esra
  Özlem: Ozlem, Oezlem
  Yasemin
  Hülya: Hulya, Huelya
  Derya
  Gül: Gul, Guel
  Büşra: Busra
  Tuğba: Tugba
  Ebru
  Sibel
  Gamze
  Leyla
  Dilek
  Songül: Songul
  Ceren
  Aylin
  Selin
  Damla
  İrem: Irem
  Gizem
  Çiğdem: Cigdem
  `,
  'Latn',
);

const family = nameTable(
  `
  Yılmaz: Yilmaz
  Kaya
  Demir
  Şahin: Sahin
  Çelik: Celik
  Yıldız: Yildiz
  Yıldırım: Yildirim
  Öztürk: Ozturk, Oeztuerk
  Aydın: Aydin
  Özdemir: Ozdemir, Oezdemir
  Arslan: Aslan
  Doğan: Dogan
  Kılıç: Kilic
  Çetin: Cetin
  Kara
  Koç: Koc
  Kurt
  Özkan: Ozkan
  Şimşek: Simsek
  Polat
  Özcan: Ozcan
  Korkmaz
  Çakır: Cakir
  Erdoğan: Erdogan
  Yavuz
  Acar
  Aktaş: Aktas
  Güler: Guler, Gueler
  Yalçın: Yalcin
  Güneş: Gunes
  Bozkurt
  Bulut
  Keskin
  Ünal: Unal
  Turan
  Özer: Ozer
  Işık: Isik
  Kaplan
  Avcı: Avci
  Tekin
  Köse: Kose
  Yüksel: Yuksel, Yueksel
  Ateş: Ates
  Aksoy
  Yücel: Yucel
  Karataş: Karatas
  Çiftçi: Ciftci
  Demirci
  Uçar: Ucar
  `,
  'Latn',
);

export const turkish: Culture = {
  id: 'turkish',
  script: 'Latn',
  countries: [['TUR', 1]],
  weight: 6,
  familyFirst: false,
  nativeSeparator: ' ',
  male,
  female,
  family,
  familyNameCount: 1,
  middleName: { kind: 'second_given', rate: 0.25 },
};
