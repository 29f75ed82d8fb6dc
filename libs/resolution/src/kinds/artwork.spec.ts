import { artworkFactsOf, ArtworkLike, scoreArtworks } from './artwork';

const work = (title: string, maker: string, more: Partial<ArtworkLike> = {}): ArtworkLike => ({
  title,
  maker,
  objectType: 'painting',
  period: '19th century',
  materials: 'oil on canvas',
  ...more,
});
const score = (a: ArtworkLike, b: ArtworkLike) => scoreArtworks(artworkFactsOf(a), artworkFactsOf(b));

describe('scoreArtworks: one work reported twice scores 0.85 or more', () => {
  it.each<[string, ArtworkLike, ArtworkLike]>([
    ['a typo in the title', work('The Starry Night', 'Vincent van Gogh'), work('The Stary Night', 'Vincent van Gogh')],
    [
      'the title without its articles, the maker by family name',
      work('Portrait of Dr. Gachet', 'Vincent van Gogh'),
      work('Portrait Dr Gachet', 'van Gogh'),
    ],
    ['the maker by one name', work('The Night Watch', 'Rembrandt van Rijn'), work('Night Watch', 'Rembrandt')],
    [
      'the period as a year within the century',
      work('The Starry Night', 'Vincent van Gogh'),
      work('The Starry Night', 'Vincent van Gogh', { period: 'c. 1889' }),
    ],
    [
      'the maker by family name with its particles',
      work('Portrait of Koen Vos', 'Ruben van den Heuvel'),
      work('Portrait of Koen Vos', 'van den Heuvel'),
    ],
    [
      'the maker with "attributed to" on one side',
      work('Saint Jerome in his Study', 'Jeroen Brouwer'),
      work('Saint Jerome in his Study', 'attributed to Jeroen Brouwer'),
    ],
    [
      'a Cyrillic title and maker',
      work('Чёрный квадрат', 'Казимир Малевич'),
      work('Chernyy kvadrat', 'Kazimir Malevich'),
    ],
  ])('%s', (_, a, b) => {
    expect(score(a, b).score).toBeGreaterThanOrEqual(0.85);
  });
});

describe('scoreArtworks: different works score under 0.75', () => {
  it.each<[string, ArtworkLike, ArtworkLike]>([
    [
      'another title by the same maker',
      work('The Starry Night', 'Vincent van Gogh'),
      work('Sunflowers', 'Vincent van Gogh'),
    ],
    [
      'one common title by another maker',
      work('Madonna and Child', 'Giovanni Bellini'),
      work('Madonna and Child', 'Duccio di Buoninsegna'),
    ],
    [
      'one title, another kind of object',
      work('Saint George', 'unknown', { objectType: 'icon' }),
      work('Saint George', 'unknown', { objectType: 'statue', materials: 'marble' }),
    ],
    [
      'a title that only shares a word',
      work('Vase with Fifteen Sunflowers', 'Vincent van Gogh'),
      work('Sunflowers', 'Vincent van Gogh'),
    ],
  ])('%s', (_, a, b) => {
    expect(score(a, b).score).toBeLessThan(0.75);
  });
});

describe('scoreArtworks: a maker named on one side only, or by another attribution, is at most a possible (0.7 to 0.85)', () => {
  it.each<[string, ArtworkLike, ArtworkLike]>([
    [
      'one title by a maker and by the circle of that maker, period and materials differing',
      work('Saint Jerome in his Study', 'Jeroen Brouwer', { period: '15th century', materials: 'tempera on panel' }),
      work('Saint Jerome in his Study', 'circle of Jeroen Brouwer', { period: '20th century' }),
    ],
    [
      'the maker unknown on one side, period and materials written otherwise',
      work('Madonna of the Rocks', 'Leonardo da Vinci'),
      work('Madonna of the Rocks', 'unknown', { period: '', materials: 'oil on panel' }),
    ],
    [
      'a common title by a named maker and by an anonymous one, all else agreeing',
      work('Mother and Child', 'David Vega', { objectType: 'sculpture', materials: 'marble' }),
      work('Mother and Child', 'Anonymous', { objectType: 'sculpture', materials: 'marble' }),
    ],
  ])('%s', (_, a, b) => {
    const { score: value } = score(a, b);
    expect(value).toBeGreaterThanOrEqual(0.7);
    expect(value).toBeLessThan(0.85);
  });
});

describe('scoreArtworks: periods agree when their years overlap, not when they are spelt alike', () => {
  it.each([
    ['19th century', 'c. 1894', 1],
    ['19th century', '18th century', 0.3],
    ['15th century', 'c. 1540', 0.3],
    ['4th century BC', '4th century AD', 0.3],
    ['Hellenistic period', 'Hellenistic period', 1],
  ])('%s vs %s: period feature %d', (a, b, expected) => {
    const period = score(
      work('Sunflowers', 'Vincent van Gogh', { period: a }),
      work('Sunflowers', 'Vincent van Gogh', { period: b }),
    ).features.find((f) => f.feature === 'period');
    expect(period?.score).toBe(expected);
  });
});

describe('artworkFactsOf', () => {
  it('keeps the significant words of the title and materials, and no anonymous maker', () => {
    const facts = artworkFactsOf(
      work('La Virgen de los Remedios', 'Anonymous', { materials: 'Tempera and gold on wood' }),
    );
    expect(facts.title.parts.map((part) => part.text)).toEqual(['virgen', 'remedios']);
    expect(facts.materials).toEqual(['tempera', 'gold', 'wood']);
    expect(facts.maker).toBeUndefined();
  });
});
