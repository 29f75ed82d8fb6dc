import { nameFormOf, nameFormOfParts, nameParts, wordFormOf } from './name-parts';
import { phoneticCodes } from './phonetics';

describe('nameParts', () => {
  it.each([
    ['normalises case, accents and hyphens', 'José  MARTÍNEZ-López', ['jose', 'martinez', 'lopez']],
    ['drops an English title', 'Dr. Anna Müller', ['anna', 'muller']],
    ['drops several titles', 'Mr. Prof. John Smith', ['john', 'smith']],
    ['drops a Dutch title', 'Dhr. Jan de Vries', ['jan', 'devries']],
    ['drops a Portuguese title', 'Senhor João Silva', ['joao', 'silva']],
    ['drops a Malay title', "Dato' Ahmad Razak", ['ahmad', 'razak']],
    ['drops a military rank', 'Col. Ivan Petrov', ['ivan', 'petrov']],
    ['drops a rank and a title', 'Capt. Dr. Ivan Petrov', ['ivan', 'petrov']],
    ['keeps Gen, a given name', 'Gen Tanaka', ['gen', 'tanaka']],
    ['drops a Russian title', 'господин Иван Иванов', ['ivan', 'ivanov']],
    ['drops an Arabic title', 'السيد محمد علي', ['mhmd', 'aaly']],
    ['drops a Greek title', 'κύριος Γιώργος Παπαδόπουλος', ['giorgos', 'papadopoulos']],
    ['drops a Hebrew title', 'מר יוסף כהן', ['yvsp', 'khn']],
    ['drops Sheikh before a name', 'Sheikh Mohammed Rashid', ['mohammed', 'rashid']],
    ['keeps Sheikh as a family name at the end', 'Mohammed Sheikh', ['mohammed', 'sheikh']],
    ['drops a generational suffix', 'John Smith Jr.', ['john', 'smith']],
    ['never drops the only part', 'Dr', ['dr']],
    ['joins Spanish particles to the family name', 'Juan de la Cruz', ['juan', 'delacruz']],
    ['joins Dutch particles', 'Pieter van der Berg', ['pieter', 'vanderberg']],
    ['joins Arabic al- whether hyphenated or not', 'Omar al-Bashir', ['omar', 'albashir']],
    ['joins bin in a patronymic chain', 'Osama bin Mohammed bin Laden', ['osama', 'binmohammed', 'binladen']],
    ['keeps a particle that is a given name (Van Morrison)', 'Van Morrison', ['van', 'morrison']],
    ['joins particles the same way written solid or spaced', 'Juan Delacruz', ['juan', 'delacruz']],
    ['drops a Greek title romanised as a Latin word', 'κα Μαρία Παπαδοπούλου', ['maria', 'papadopoulou']],
    ['drops a Ukrainian title', 'пан Іван Коваленко', ['ivan', 'kovalenko']],
    // A title in one script is no title in a name written in another: its romanised form is a name there.
    ['keeps Pan, a Latin family name (пан is a title in Cyrillic)', 'Pan Wei', ['pan', 'wei']],
    ['keeps Ka, a Han syllable (κα is a title in Greek)', '卡拉克', ['ka', 'lake']],
    ['keeps Ka, a Hangul syllable (κα is a title in Greek)', '카레이', ['ka', 're', 'i']],
    ['keeps Gr, a Latin part (гр is a title in Cyrillic)', 'Gr Smith', ['gr', 'smith']],
    ['is empty for blank text', '  ', []],
  ])('%s: %s → %j', (_, input, expected) => {
    expect(nameParts(input)).toEqual(expected);
  });
});

describe('nameFormOf', () => {
  it('keeps the core of a part with particles, so a name written without them still meets it', () => {
    const [juan, cruz] = nameFormOf('Juan de la Cruz').parts;
    expect(juan.core).toBeUndefined();
    expect(cruz).toMatchObject({ text: 'delacruz', core: 'cruz' });
    expect(cruz.codes).toEqual(expect.arrayContaining(phoneticCodes('cruz')));
  });

  it('gives spelling variants of one name the same phonetic key code', () => {
    const keyCode = (name: string): string => nameFormOf(name).parts[0].codes[0];
    expect(new Set(['Ivanov', 'Ivanoff', 'Иванов', 'Іванов'].map(keyCode)).size).toBe(1);
    expect(new Set(['Aleksandr', 'Alexander', 'Alexandr', 'Oleksandr'].map(keyCode)).size).toBe(1);
    expect(new Set(['Mohammed', 'Muhammad', 'Mohamed', 'Mohammad', 'محمد'].map(keyCode)).size).toBe(1);
    expect(new Set(['Yusuf', 'Youssef', 'Yousef'].map(keyCode)).size).toBe(1);
    expect(new Set(['Sergei', 'Sergey'].map(keyCode)).size).toBe(1);
  });

  it('tags parts with the known-variant class of their name', () => {
    expect(nameFormOf('Mohamed').parts[0].equivalent).toBe('muhammad');
    expect(nameFormOf('Gim').parts[0].equivalent).toBe('kim');
    expect(nameFormOf('Ivan').parts[0].equivalent).toBeUndefined();
  });

  it('keeps consonant skeletons only for names written in an abjad', () => {
    expect(nameFormOf('محمد').parts[0].consonants).toEqual(['md']);
    expect(nameFormOf('Mohammed').parts[0].consonants).toBeUndefined();
  });

  it('records the script it was written in', () => {
    expect(nameFormOf('Иван').script).toBe('Cyrl');
  });
});

describe('nameFormOfParts', () => {
  it('gives each part the role of the field it came from', () => {
    expect(nameFormOfParts('Juan Carlos', 'de la Cruz').parts.map((part) => [part.text, part.role])).toEqual([
      ['juan', 'given'],
      ['carlos', 'given'],
      ['delacruz', 'family'],
    ]);
  });
});

describe('wordFormOf', () => {
  it('keeps the significant words of a phrase, with no name rules applied', () => {
    expect(wordFormOf('The Portrait of Dr. Gachet', new Set(['the', 'of'])).parts.map((part) => part.text)).toEqual([
      'portrait',
      'dr',
      'gachet',
    ]);
  });
});
