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
    ['the title without its articles, the maker by family name', work('Portrait of Dr. Gachet', 'Vincent van Gogh'), work('Portrait Dr Gachet', 'van Gogh')],
    ['the maker by one name', work('The Night Watch', 'Rembrandt van Rijn'), work('Night Watch', 'Rembrandt')],
    ['the maker unknown on one side, period and materials written otherwise', work('Madonna of the Rocks', 'Leonardo da Vinci'), work('Madonna of the Rocks', 'unknown', { period: '', materials: 'oil on panel' })],
    ['a Cyrillic title and maker', work('Чёрный квадрат', 'Казимир Малевич'), work('Chernyy kvadrat', 'Kazimir Malevich')],
  ])('%s', (_, a, b) => {
    expect(score(a, b).score).toBeGreaterThanOrEqual(0.85);
  });
});

describe('scoreArtworks: different works score under 0.75', () => {
  it.each<[string, ArtworkLike, ArtworkLike]>([
    ['another title by the same maker', work('The Starry Night', 'Vincent van Gogh'), work('Sunflowers', 'Vincent van Gogh')],
    ['one common title by another maker', work('Madonna and Child', 'Giovanni Bellini'), work('Madonna and Child', 'Duccio di Buoninsegna')],
    ['one title, another kind of object', work('Saint George', 'unknown', { objectType: 'icon' }), work('Saint George', 'unknown', { objectType: 'statue', materials: 'marble' })],
    ['a title that only shares a word', work('Vase with Fifteen Sunflowers', 'Vincent van Gogh'), work('Sunflowers', 'Vincent van Gogh')],
  ])('%s', (_, a, b) => {
    expect(score(a, b).score).toBeLessThan(0.75);
  });
});

describe('artworkFactsOf', () => {
  it('keeps the significant words of the title and materials, and no anonymous maker', () => {
    const facts = artworkFactsOf(work('La Virgen de los Remedios', 'Anonymous', { materials: 'Tempera and gold on wood' }));
    expect(facts.title.parts.map((part) => part.text)).toEqual(['virgen', 'remedios']);
    expect(facts.materials).toEqual(['tempera', 'gold', 'wood']);
    expect(facts.maker).toBeUndefined();
  });
});
