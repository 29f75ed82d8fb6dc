/**
 * Japanese names in kanji (a few given names in kana), family name first,
 * with Hepburn romaji: the passport's (long vowels dropped: Sato, Ono), the
 * passport's optional "oh" (Satoh, Ohno), "ou"/"uu" as typed, and the
 * macrons of modified Hepburn (Satō, Yūki). Different kanji may read the
 * same (斎藤 and 斉藤 are both Saito), a homonym only in Latin, and one kanji
 * may have two readings (剛: Tsuyoshi or Takeshi).
 */
import { Culture, nameTable } from './culture';

const male = nameTable(
  `
  翔太: Shota, Shouta, Shōta
  大輔: Daisuke
  健太: Kenta
  拓也: Takuya
  直樹: Naoki
  和也: Kazuya
  達也: Tatsuya
  翔: Sho, Shou, Shō
  蓮: Ren
  大翔: Hiroto
  悠真: Yuma, Yuuma, Yūma
  陽翔: Haruto
  健一: Kenichi, Ken'ichi
  誠: Makoto
  浩: Hiroshi
  博: Hiroshi
  隆: Takashi
  剛: Tsuyoshi, Takeshi
  修: Osamu
  稔: Minoru
  茂: Shigeru
  清: Kiyoshi
  一郎: Ichiro, Ichirou, Ichirō
  太郎: Taro, Tarou, Tarō
  健二: Kenji
  雄一: Yuichi, Yuuichi, Yūichi
  正人: Masato
  秀樹: Hideki
  裕太: Yuta, Yuuta, Yūta
  亮: Ryo, Ryou, Ryō
  学: Manabu
  勇気: Yuki, Yuuki, Yūki
  優斗: Yuto, Yuuto, Yūto
  颯太: Sota, Souta, Sōta
  智也: Tomoya
  哲也: Tetsuya
  康介: Kosuke, Kousuke, Kōsuke
  `,
  'Jpan',
);

const female = nameTable(
  `
  陽子: Yoko, Youko, Yōko
  恵子: Keiko
  京子: Kyoko, Kyouko, Kyōko
  幸子: Sachiko
  裕子: Yuko, Yuuko, Yūko
  優子: Yuko, Yuuko, Yūko
  美穂: Miho
  愛: Ai
  さくら: Sakura
  由美: Yumi
  真由美: Mayumi
  直美: Naomi
  明美: Akemi
  久美子: Kumiko
  智子: Tomoko
  美咲: Misaki
  葵: Aoi
  陽菜: Hina, Haruna
  結衣: Yui
  麻衣: Mai
  舞: Mai
  彩: Aya
  千尋: Chihiro
  真理子: Mariko
  香織: Kaori
  恵美: Emi
  奈々: Nana
  美香: Mika
  純子: Junko
  明日香: Asuka
  ひなた: Hinata
  花子: Hanako
  涼子: Ryoko, Ryouko, Ryōko
  `,
  'Jpan',
);

const family = nameTable(
  `
  佐藤: Sato, Satoh, Satō
  鈴木: Suzuki
  高橋: Takahashi
  田中: Tanaka
  伊藤: Ito, Itoh, Itō
  渡辺: Watanabe
  山本: Yamamoto
  中村: Nakamura
  小林: Kobayashi
  加藤: Kato, Katoh, Katō
  吉田: Yoshida
  山田: Yamada
  佐々木: Sasaki
  山口: Yamaguchi
  松本: Matsumoto
  井上: Inoue
  木村: Kimura
  林: Hayashi
  斎藤: Saito, Saitoh, Saitō
  斉藤: Saito, Saitoh, Saitō
  清水: Shimizu
  山崎: Yamazaki, Yamasaki
  森: Mori
  池田: Ikeda
  橋本: Hashimoto
  阿部: Abe
  石川: Ishikawa
  山下: Yamashita
  中島: Nakajima, Nakashima
  石井: Ishii
  小川: Ogawa
  前田: Maeda
  岡田: Okada
  長谷川: Hasegawa
  藤田: Fujita
  後藤: Goto, Gotoh, Gotō
  近藤: Kondo, Kondoh, Kondō
  村上: Murakami
  遠藤: Endo, Endoh, Endō
  青木: Aoki
  坂本: Sakamoto
  福田: Fukuda
  太田: Ota, Ohta, Ōta
  西村: Nishimura
  藤井: Fujii
  金子: Kaneko
  岡本: Okamoto
  藤原: Fujiwara
  中野: Nakano
  三浦: Miura
  原田: Harada
  松田: Matsuda
  竹内: Takeuchi
  小野: Ono
  大野: Ono, Ohno, Ōno
  田村: Tamura
  和田: Wada
  上田: Ueda
  `,
  'Jpan',
);

export const japanese: Culture = {
  id: 'japanese',
  script: 'Jpan',
  countries: [['JPN', 1]],
  weight: 5,
  familyFirst: true,
  nativeSeparator: ' ',
  male,
  female,
  family,
  familyNameCount: 1,
};
