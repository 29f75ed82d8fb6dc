/**
 * Korean names in Hangul, family name first, with the spellings in use:
 * the traditional ones first (Lee, Park, Choi), then Revised Romanization
 * (Yi, Bak, Choe, Gim) and McCune-Reischauer or older habits (Rhee, Pak).
 * Given names are two syllables, written hyphenated, joined or spaced.
 */
import { Culture, nameTable } from './culture';

const male = nameTable(
  `
  민준: Min-jun, Minjun, Min Jun
  서준: Seo-jun, Seojun, Suh-joon
  도윤: Do-yoon, Doyun
  예준: Ye-jun, Yejun
  시우: Si-woo, Siu
  하준: Ha-jun, Hajun
  주원: Ju-won, Juwon, Joo-won
  지호: Ji-ho, Jiho
  지후: Ji-hoo, Jihu
  준서: Jun-seo, Junseo
  준우: Jun-woo, Junu
  현우: Hyun-woo, Hyeonu, Hyunwoo
  도현: Do-hyun, Dohyeon
  지훈: Ji-hoon, Jihun
  건우: Geon-woo, Geonu, Kun-woo
  우진: Woo-jin, Ujin
  민재: Min-jae, Minjae
  현준: Hyun-jun, Hyeonjun
  선우: Sun-woo, Seonu
  서진: Seo-jin, Seojin
  성민: Sung-min, Seongmin
  영호: Young-ho, Yeongho
  영수: Young-soo, Yeongsu
  상철: Sang-chul, Sangcheol
  정훈: Jung-hoon, Jeonghun
  성호: Sung-ho, Seongho
  동현: Dong-hyun, Donghyeon
  재현: Jae-hyun, Jaehyeon
  승현: Seung-hyun, Seunghyeon
  준호: Jun-ho, Junho
  민수: Min-soo, Minsu
  태현: Tae-hyun, Taehyeon
  진우: Jin-woo, Jinu
  상훈: Sang-hoon, Sanghun
  종민: Jong-min, Jongmin
  광수: Kwang-soo, Gwangsu
  철수: Chul-soo, Cheolsu
  병철: Byung-chul, Byeongcheol
  재석: Jae-suk, Jaeseok
  대호: Dae-ho, Daeho
  `,
  'Kore',
);

const female = nameTable(
  `
  서연: Seo-yeon, Seoyeon
  서윤: Seo-yoon, Seoyun
  지우: Ji-woo, Jiu
  서현: Seo-hyun, Seohyeon
  민서: Min-seo, Minseo
  하은: Ha-eun, Haeun
  하윤: Ha-yoon, Hayun
  윤서: Yoon-seo, Yunseo
  지유: Ji-yoo, Jiyu
  지민: Ji-min, Jimin
  채원: Chae-won, Chaewon
  수아: Soo-ah, Sua
  지아: Ji-a, Jia
  지윤: Ji-yoon, Jiyun
  은서: Eun-seo, Eunseo
  다은: Da-eun, Daeun
  예은: Ye-eun, Yeeun
  수빈: Soo-bin, Subin
  민지: Min-ji, Minji
  유진: Yoo-jin, Yujin
  수진: Soo-jin, Sujin
  은지: Eun-ji, Eunji
  현정: Hyun-jung, Hyeonjeong
  미숙: Mi-sook, Misuk
  영희: Young-hee, Yeonghui
  정희: Jung-hee, Jeonghui
  미영: Mi-young, Miyeong
  혜진: Hye-jin, Hyejin
  지영: Ji-young, Jiyeong
  은영: Eun-young, Eunyeong
  경희: Kyung-hee, Gyeonghui
  선영: Sun-young, Seonyeong
  수연: Soo-yeon, Suyeon
  미경: Mi-kyung, Migyeong
  소영: So-young, Soyeong
  `,
  'Kore',
);

const family = nameTable(
  `
  김: Kim, Gim
  이: Lee, Yi, Rhee
  박: Park, Pak, Bak
  최: Choi, Choe
  정: Jung, Jeong, Chung
  강: Kang, Gang
  조: Cho, Jo
  윤: Yoon, Yun
  장: Jang, Chang
  임: Lim, Im, Rim
  한: Han
  오: Oh, O
  서: Seo, Suh
  신: Shin, Sin
  권: Kwon, Gwon
  황: Hwang
  안: Ahn, An
  송: Song
  류: Ryu, Yu, Yoo
  유: Yoo, Yu
  전: Jeon, Chun, Jun
  홍: Hong
  고: Ko, Go
  문: Moon, Mun
  양: Yang
  손: Son, Sohn
  배: Bae, Pae
  백: Baek, Paik, Paek
  허: Heo, Hur, Huh
  남: Nam
  심: Shim, Sim
  노: Noh, Roh, No
  하: Ha
  곽: Kwak, Gwak
  성: Sung, Seong
  차: Cha
  주: Joo, Ju, Chu
  우: Woo, U
  구: Koo, Gu, Ku
  민: Min
  진: Jin, Chin
  나: Na, Ra
  지: Ji, Chi
  엄: Eom, Um
  채: Chae
  원: Won
  천: Cheon, Chun
  방: Bang
  공: Kong, Gong
  현: Hyun, Hyeon
  함: Ham
  변: Byun, Byeon
  염: Yeom, Yum
  여: Yeo, Yu
  추: Choo, Chu
  도: Do
  석: Seok, Suk
  선: Sun, Seon
  설: Seol, Sul
  길: Gil, Kil
  표: Pyo
  명: Myung, Myeong
  `,
  'Kore',
);

export const korean: Culture = {
  id: 'korean',
  script: 'Kore',
  countries: [['KOR', 1]],
  weight: 5,
  familyFirst: true,
  nativeSeparator: '',
  male,
  female,
  family,
  familyNameCount: 1,
};
