/**
 * Chinese names in simplified characters, family name first, with Hanyu
 * Pinyin first and the spellings met outside the mainland after it:
 * Wade-Giles (Hsu, Chang, Hsiao-Tung) and Cantonese (Wong, Chan, Leung).
 * Two-syllable given names are written joined, spaced or hyphenated.
 */
import { Culture, nameTable } from './culture';

const male = nameTable(
  `
  伟: Wei
  强: Qiang, Chiang
  磊: Lei
  军: Jun, Chun
  勇: Yong, Yung
  杰: Jie, Chieh, Kit
  涛: Tao
  斌: Bin, Pin
  超: Chao
  明: Ming
  刚: Gang, Kang
  平: Ping
  辉: Hui, Fai
  鹏: Peng
  飞: Fei
  鑫: Xin, Hsin
  波: Bo, Po
  宇: Yu
  浩: Hao
  建华: Jianhua, Jian Hua, Chien-Hua
  建国: Jianguo, Jian Guo, Chien-Kuo
  志强: Zhiqiang, Zhi Qiang, Chih-Chiang
  海涛: Haitao, Hai Tao
  俊杰: Junjie, Jun Jie, Chun-Chieh
  子轩: Zixuan, Zi Xuan
  浩然: Haoran, Hao Ran
  宇航: Yuhang, Yu Hang
  文博: Wenbo, Wen Bo
  晓东: Xiaodong, Xiao Dong, Hsiao-Tung
  国强: Guoqiang, Guo Qiang, Kuo-Chiang
  志明: Zhiming, Zhi Ming, Chih-Ming
  家豪: Jiahao, Jia Hao, Ka Ho
  天佑: Tianyou, Tian You, Tin Yau
  明辉: Minghui, Ming Hui
  永强: Yongqiang, Yong Qiang, Wing Keung
  振华: Zhenhua, Zhen Hua, Chun Wah
  德华: Dehua, De Hua, Tak Wah
  立新: Lixin, Li Xin
  思远: Siyuan, Si Yuan
  子豪: Zihao, Zi Hao
  `,
  'Hans',
);

const female = nameTable(
  `
  芳: Fang, Fong
  娜: Na
  敏: Min, Man
  静: Jing, Ching
  丽: Li, Lai
  艳: Yan, Yen
  娟: Juan, Chuan
  霞: Xia, Hsia
  燕: Yan, Yin
  玲: Ling
  婷: Ting
  雪: Xue, Hsueh
  慧: Hui, Wai
  颖: Ying, Wing
  倩: Qian, Chien
  秀英: Xiuying, Xiu Ying, Hsiu-Ying
  桂英: Guiying, Gui Ying, Kuei-Ying
  丽娟: Lijuan, Li Juan, Li-Chuan
  淑珍: Shuzhen, Shu Zhen, Shu-Chen
  美玲: Meiling, Mei Ling, Mei-Ling
  晓燕: Xiaoyan, Xiao Yan, Hsiao-Yen
  欣怡: Xinyi, Xin Yi, Hsin-Yi
  诗涵: Shihan, Shi Han
  梓涵: Zihan, Zi Han
  雨桐: Yutong, Yu Tong
  佳怡: Jiayi, Jia Yi, Chia-Yi
  海燕: Haiyan, Hai Yan
  玉兰: Yulan, Yu Lan, Yuk Lan
  雅婷: Yating, Ya Ting, Ya-Ting
  婉婷: Wanting, Wan Ting
  嘉欣: Jiaxin, Jia Xin, Ka Yan
  春梅: Chunmei, Chun Mei
  晓红: Xiaohong, Xiao Hong, Hsiao-Hung
  文静: Wenjing, Wen Jing
  思琪: Siqi, Si Qi, Sze Kei
  `,
  'Hans',
);

const family = nameTable(
  `
  王: Wang, Wong
  李: Li, Lee
  张: Zhang, Chang, Cheung
  刘: Liu, Lau
  陈: Chen, Chan
  杨: Yang, Yeung
  黄: Huang, Wong
  赵: Zhao, Chao, Chiu
  吴: Wu, Ng
  周: Zhou, Chou, Chow
  徐: Xu, Hsu, Tsui
  孙: Sun, Suen
  马: Ma
  朱: Zhu, Chu
  胡: Hu, Woo
  郭: Guo, Kuo, Kwok
  何: He, Ho
  林: Lin, Lam, Lim
  高: Gao, Kao, Ko
  罗: Luo, Lo, Law
  郑: Zheng, Cheng
  梁: Liang, Leung
  谢: Xie, Hsieh, Tse
  宋: Song, Sung
  唐: Tang, Tong
  许: Xu, Hsu, Hui
  韩: Han, Hon
  冯: Feng, Fung
  邓: Deng, Teng, Tang
  曹: Cao, Tsao, Cho
  彭: Peng, Pang
  曾: Zeng, Tseng, Tsang
  肖: Xiao, Hsiao, Siu
  田: Tian, Tien
  董: Dong, Tung
  袁: Yuan, Yuen
  潘: Pan, Poon
  于: Yu
  蒋: Jiang, Chiang
  蔡: Cai, Tsai, Choi
  杜: Du, Tu, To
  叶: Ye, Yeh, Yip
  程: Cheng, Ching
  苏: Su, So
  魏: Wei, Ngai
  吕: Lü, Lyu, Lu
  丁: Ding, Ting
  沈: Shen, Sum
  姚: Yao, Yiu
  卢: Lu, Lo
  钟: Zhong, Chung
  谭: Tan, Tam
  范: Fan
  金: Jin, Chin, Kam
  石: Shi, Shih, Shek
  廖: Liao, Liu
  方: Fang, Fong
  孟: Meng
  秦: Qin, Chin
  龚: Gong, Kung
  `,
  'Hans',
);

export const chinese: Culture = {
  id: 'chinese',
  script: 'Hans',
  countries: [['CHN', 1]],
  weight: 7,
  familyFirst: true,
  nativeSeparator: '',
  male,
  female,
  family,
  familyNameCount: 1,
};
