/**
 * Works of art and cultural property reported stolen: paintings, icons,
 * sculptures, drawings, prints, antiquities, manuscripts, coins, clocks and
 * textiles, with titles built from the subjects such works have, makers named
 * from the person generator's European culture tables (or anonymous, or
 * "circle of" one), and the period, materials, size, inscriptions and theft
 * that a report gives.
 */
import { Culture, CULTURES, CultureId } from '../generator/cultures';
import { Prng, streamSeed } from '../generator/prng';
import { ArtworkEntry, ArtworkJson, runningNumber } from './reference-entries';

const PLACES = [
  'Delft',
  'Haarlem',
  'Antwerp',
  'Bruges',
  'Ghent',
  'Utrecht',
  'Venice',
  'Florence',
  'Siena',
  'Rouen',
  'Avignon',
  'Lyon',
  'Toledo',
  'Seville',
  'Lisbon',
  'Krakow',
  'Lviv',
  'Dresden',
  'Nuremberg',
  'Prague',
  'Vienna',
  'Smyrna',
  'Thessaloniki',
  'Novgorod',
  'Saint Petersburg',
  'Bergen',
];
const SITTERS = [
  'a Young Woman',
  'an Old Man',
  'a Gentleman',
  'a Lady in Black',
  'a Girl with a Pearl Necklace',
  "the Artist's Wife",
  'a Merchant',
  'a Boy with a Dog',
  'a Nobleman',
  'a Young Man in a Red Cap',
  'a Scholar',
  'a Woman with a Fan',
  'a Child with a Rattle',
];
const STILL_LIFE = [
  'Flowers in a Vase',
  'Lemons and Oysters',
  'a Silver Jug',
  'Dead Game',
  'Tulips',
  'Grapes and Peaches',
  'a Skull and a Candle',
  'Herring',
  'a Nautilus Cup',
  'Books and a Globe',
  'Asparagus',
  'a Roemer and Bread',
];
const LANDSCAPE_TIMES = ['Winter', 'Summer', 'Evening', 'Morning', 'River', 'Wooded', 'Moonlit'];
const LANDSCAPE_FEATURES = [
  'Skaters',
  'a Windmill',
  'Cattle',
  'a Ferry',
  'Travellers',
  'a Ruined Castle',
  'a Waterfall',
  'Shepherds',
  'a Hunting Party',
];
const RELIGIOUS = [
  'Madonna and Child',
  'Adoration of the Magi',
  'Saint Jerome in his Study',
  'The Annunciation',
  'Lamentation over the Dead Christ',
  'Flight into Egypt',
  'Saint Sebastian',
  'The Holy Family',
  'Mary Magdalene in Penitence',
  'The Baptism of Christ',
];
const ICONS = [
  'Saint Nicholas the Wonderworker',
  'Virgin Hodegetria',
  'Saint George and the Dragon',
  'Dormition of the Mother of God',
  'Christ Pantocrator',
  'The Holy Trinity',
  'Virgin of Kazan',
  'Saint Paraskeva',
  'Archangel Michael',
  'Deesis',
  'Virgin Eleousa',
  'Saints Boris and Gleb',
];
/** Icons are told apart by their subject and what surrounds it. */
const ICON_SETTINGS = [
  '',
  '',
  ' with Border Saints',
  ' with Scenes from the Life',
  ' in a Silver Oklad',
  ' in a Kiot',
  ' with the Deesis Above',
];
/** What an antiquity depicts. */
const DEPICTIONS = [
  'Dionysus',
  'Herakles',
  'a Warrior',
  'an Athlete',
  'Theseus',
  'a Banquet Scene',
  'a Chariot',
  'Athena',
  'a Sphinx',
  'Dancing Maenads',
];
const ANTIQUITIES: readonly (readonly [string, string, string])[] = [
  ['Attic red-figure amphora', 'ceramic', '5th century BC'],
  ['Attic black-figure kylix', 'ceramic', '6th century BC'],
  ['Apulian red-figure krater', 'ceramic', '4th century BC'],
  ['Roman marble head of Venus', 'marble', 'Roman Imperial, 2nd century AD'],
  ['Bronze figurine of Osiris', 'bronze', 'Late Period, 664-332 BC'],
  ['Cuneiform clay tablet', 'clay', 'Old Babylonian period'],
  ['Etruscan bronze mirror', 'bronze', '4th century BC'],
  ['Roman glass unguentarium', 'glass', '1st century AD'],
  ['Funerary stele with inscription', 'limestone', 'Hellenistic period'],
  ['Sumerian cylinder seal', 'lapis lazuli', 'Early Dynastic period'],
  ['Scythian gold plaque', 'gold', '4th century BC'],
  ['Gandharan schist relief of the Buddha', 'schist', '2nd-3rd century AD'],
];
const MANUSCRIPTS = [
  'Book of Hours',
  'Gospel Book',
  'Illuminated Psalter',
  "Qur'an leaf",
  'Torah scroll',
  'Armenian Gospel',
  'Antiphonary',
  'Breviary',
  'Missal',
];
const MANUSCRIPT_ORIGINS = [
  'Paris',
  'Rouen',
  'Bruges',
  'Ghent',
  'Florence',
  'Tabriz',
  'Cairo',
  'Prague',
  'Nuremberg',
  'Constantinople',
  'Salisbury',
  'Toledo',
];
const RULERS = ['Hadrian', 'Nero', 'Trajan', 'Augustus', 'Justinian', 'Constantine the Great', 'Philip II of Macedon'];
const SCULPTURES = [
  'Reclining Figure',
  'Torso of a Youth',
  'Head of a Woman',
  'Dancer',
  'Horse and Rider',
  'Saint John the Baptist',
  'Mother and Child',
  'Crouching Venus',
  'Standing Nude',
  'Seated Woman',
  'Angel with a Trumpet',
  'Bather',
  'Lion Attacking a Horse',
  'Mercury',
  'Pieta',
  'Saint Florian',
  'The Kiss',
];
const TAPESTRIES = [
  'a Hunting Scene',
  'the Story of Tobias',
  'Verdure with Birds',
  'the Triumph of Diana',
  'the Months of the Year',
];
const VENUES = [
  'a private residence',
  'the parish church',
  'a regional museum',
  'a gallery',
  'a monastery',
  'a castle',
  'a storage facility',
  'an exhibition',
];
const ANONYMOUS = [
  'Unknown',
  'Unknown Flemish master',
  'Anonymous',
  'Russian school',
  'Novgorod school',
  'Cretan school',
  'Unknown Byzantine workshop',
  'Italian school',
];
/** Cultures makers are named from, by object type family: Western European for paintings, Russian and Greek for icons. */
const PAINTER_CULTURES: readonly CultureId[] = ['dutch', 'french', 'german', 'spanish', 'english', 'polish'];
const ICON_CULTURES: readonly CultureId[] = ['russian', 'greek'];

type TitleDrawer = (rng: Prng) => {
  title: string;
  materials: string;
  dimensions: string;
  period: string;
  maker: MakerKind;
};
type MakerKind = 'artist' | 'icon_painter' | 'craftsman' | 'none';

const OBJECT_TYPES: readonly (readonly [string, TitleDrawer, number])[] = [
  ['painting', paintingTitle, 40],
  [
    'icon',
    (rng) => ({
      title: `${rng.pick(ICONS)}${rng.pick(ICON_SETTINGS)}`,
      materials: 'tempera and gold leaf on wood panel',
      dimensions: size(rng, 20, 90),
      period: century(rng, 15, 19),
      maker: 'icon_painter',
    }),
    10,
  ],
  ['sculpture', sculptureTitle, 12],
  ['drawing', drawingTitle, 8],
  ['print', printTitle, 6],
  ['archaeological object', antiquityTitle, 10],
  [
    'manuscript',
    (rng) => ({
      title: `${rng.pick(MANUSCRIPTS)} from ${rng.pick(MANUSCRIPT_ORIGINS)}`,
      materials: rng.pick(['ink and gold on vellum', 'ink and tempera on parchment', 'ink on paper']),
      dimensions: size(rng, 15, 40),
      period: century(rng, 12, 17),
      maker: 'none',
    }),
    4,
  ],
  ['coin', coinTitle, 4],
  [
    'clock',
    (rng) => ({
      title: rng.pick([
        'Bracket clock',
        'Mantel clock with Apollo',
        'Longcase clock',
        'Mantel clock with an allegory of Time',
        'Carriage clock',
      ]),
      materials: rng.pick(['gilt bronze', 'ebonised wood and brass', 'walnut and brass']),
      dimensions: `H ${rng.int(20, 220)} cm`,
      period: century(rng, 17, 19),
      maker: 'craftsman',
    }),
    3,
  ],
  [
    'textile',
    (rng) => ({
      title: rng.pick([`Tapestry with ${rng.pick(TAPESTRIES)}`, 'Embroidered altar frontal', 'Kilim']),
      materials: rng.pick(['wool and silk', 'silk and metal thread', 'wool']),
      dimensions: size(rng, 100, 400),
      period: century(rng, 15, 19),
      maker: 'none',
    }),
    3,
  ],
];
const OBJECT_TYPE_WEIGHTS = OBJECT_TYPES.map(([type, drawer, weight]) => [[type, drawer] as const, weight] as const);

export function drawArtwork(seed: number, index: number): ArtworkEntry {
  const rng = new Prng(streamSeed(seed, 'works-of-art', index));
  const [objectType, drawTitle] = rng.weighted(OBJECT_TYPE_WEIGHTS);
  const { title, materials, dimensions, period, maker } = drawTitle(rng);
  const artwork: ArtworkJson = { title, objectType };
  const makerName = drawMaker(rng, maker);
  if (makerName) artwork.maker = makerName;
  artwork.period = period;
  artwork.materials = materials;
  artwork.dimensions = dimensions;
  if (maker !== 'none' && rng.chance(0.4)) {
    artwork.inscriptions = rng.pick([
      'signed lower right',
      'signed lower left',
      `signed and dated '${rng.int(1550, 1930)}' lower left`,
      'monogrammed',
      'inscribed on the reverse',
      "collector's seal on the reverse",
    ]);
  }
  artwork.description = `Stolen from ${rng.pick(VENUES)} in ${rng.pick(PLACES)} in ${rng.int(1985, 2025)}.`;
  return { entryId: `WOA-${runningNumber(index)}`, artwork };
}

function paintingTitle(rng: Prng): ReturnType<TitleDrawer> {
  const title = rng.weighted([
    [() => `Portrait of ${rng.chance(0.4) ? personName(rng, rng.pick(PAINTER_CULTURES)) : rng.pick(SITTERS)}`, 5],
    [() => `Still Life with ${rng.pick(STILL_LIFE)}`, 3],
    [() => `${rng.pick(LANDSCAPE_TIMES)} Landscape with ${rng.pick(LANDSCAPE_FEATURES)}`, 3],
    [
      () =>
        `${rng.pick(['View of', 'The Harbour at', 'The Church at', 'Market Day in', 'Canal in'])} ${rng.pick(PLACES)}`,
      3,
    ],
    [
      () =>
        `${rng.pick(RELIGIOUS)}${rng.chance(0.5) ? ` with ${rng.pick(['Saints', 'Angels', 'Donors', 'a Landscape Beyond', 'Saint John', 'Saint Catherine'])}` : ''}`,
      3,
    ],
    [() => `Seascape with ${rng.pick(['Ships in a Storm', 'a Shipwreck', 'Fishing Boats', 'a Man-of-War'])}`, 1],
    [() => `Interior with ${rng.pick(['a Woman Reading', 'a Maid Pouring Milk', 'Card Players', 'a Lute Player'])}`, 1],
  ] as const)();
  const materials = rng.pick(['oil on canvas', 'oil on canvas', 'oil on panel', 'oil on copper', 'tempera on panel']);
  return {
    title,
    materials,
    dimensions: size(rng, 20, 180),
    period: rng.chance(0.3) ? `c. ${rng.int(1480, 1920)}` : century(rng, 15, 20),
    maker: 'artist',
  };
}

function sculptureTitle(rng: Prng): ReturnType<TitleDrawer> {
  const title = rng.chance(0.4)
    ? `Bust of ${rng.chance(0.5) ? personName(rng, rng.pick(PAINTER_CULTURES)) : rng.pick(['a Roman Emperor', 'a Young Woman', 'a Child', 'a Philosopher'])}`
    : rng.pick(SCULPTURES);
  return {
    title,
    materials: rng.pick(['bronze', 'marble', 'terracotta', 'polychrome wood', 'alabaster']),
    dimensions: `H ${rng.int(15, 180)} cm`,
    period: century(rng, 15, 20),
    maker: 'artist',
  };
}

function drawingTitle(rng: Prng): ReturnType<TitleDrawer> {
  const title = rng.pick([
    'Study of Hands',
    'Study of a Head',
    `Landscape near ${rng.pick(PLACES)}`,
    `Sketch for ${rng.pick(['a Ceiling', 'an Altarpiece', 'a Portrait'])}`,
    'Nude Study',
    'Two Figures Conversing',
    `Portrait of ${rng.pick(SITTERS)}`,
  ]);
  return {
    title,
    materials: rng.pick([
      'red chalk on paper',
      'pen and brown ink on paper',
      'charcoal on paper',
      'watercolour on paper',
      'graphite on paper',
    ]),
    dimensions: size(rng, 10, 60),
    period: century(rng, 15, 20),
    maker: 'artist',
  };
}

function printTitle(rng: Prng): ReturnType<TitleDrawer> {
  const title = rng.pick([
    `View of ${rng.pick(PLACES)}`,
    `Portrait of ${rng.pick(SITTERS)}`,
    rng.pick(RELIGIOUS),
    `The ${rng.pick(['Three Trees', 'Windmill', 'Great Wave', 'Rhinoceros', 'Prisons'])}`,
  ]);
  return {
    title,
    materials: rng.pick(['etching', 'engraving', 'woodcut', 'lithograph', 'mezzotint']),
    dimensions: size(rng, 10, 60),
    period: century(rng, 16, 20),
    maker: 'artist',
  };
}

function antiquityTitle(rng: Prng): ReturnType<TitleDrawer> {
  const [object, materials, period] = rng.pick(ANTIQUITIES);
  // Painted vessels, mirrors, reliefs and seals carry a scene; heads, figurines and tablets do not.
  const title =
    /amphora|kylix|krater|mirror|stele|seal|plaque/.test(object) && rng.chance(0.8)
      ? `${object} depicting ${rng.pick(DEPICTIONS)}`
      : object;
  return { title, materials, dimensions: `H ${rng.int(5, 90)} cm`, period, maker: 'none' };
}

function coinTitle(rng: Prng): ReturnType<TitleDrawer> {
  const metal = rng.pick(['Gold aureus', 'Silver denarius', 'Gold solidus', 'Silver tetradrachm']);
  return {
    title: `${metal} of ${rng.pick(RULERS)}`,
    materials: metal.startsWith('Gold') ? 'gold' : 'silver',
    dimensions: `diameter ${rng.int(15, 30)} mm`,
    period: rng.pick(['1st century AD', '2nd century AD', '4th century AD', '6th century AD', '4th century BC']),
    maker: 'none',
  };
}

function drawMaker(rng: Prng, kind: MakerKind): string | undefined {
  if (kind === 'none') return rng.chance(0.2) ? 'Unknown' : undefined;
  if (kind === 'icon_painter')
    return rng.chance(0.8) ? rng.pick(ANONYMOUS.slice(3)) : personName(rng, rng.pick(ICON_CULTURES));
  const named = personName(rng, rng.pick(PAINTER_CULTURES));
  if (kind === 'craftsman') return named;
  return rng.weighted([
    [named, 60],
    [`attributed to ${named}`, 8],
    [`circle of ${named}`, 6],
    [`workshop of ${named}`, 5],
    [`follower of ${named}`, 3],
    [rng.pick(ANONYMOUS), 18],
  ]);
}

const CULTURE_BY_ID = new Map<CultureId, Culture>(CULTURES.map((culture) => [culture.id, culture]));

/** A man's or a woman's name of the culture, in its usual Latin spelling, given name first. */
export function personName(rng: Prng, cultureId: CultureId): string {
  const culture = CULTURE_BY_ID.get(cultureId)!;
  const female = rng.chance(0.25);
  const given = rng.pick(female ? culture.female : culture.male);
  let family = rng.pick(culture.family);
  if (female && culture.feminine) family = culture.feminine(family);
  return `${given.latin[0]} ${family.latin[0]}`;
}

/** Whether a maker is a named person (not anonymous, a school, or "circle of" one). */
export function isNamedMaker(maker: string | undefined): maker is string {
  return (
    maker !== undefined &&
    !ANONYMOUS.includes(maker) &&
    !/^(attributed to|circle of|workshop of|follower of) /.test(maker)
  );
}

function size(rng: Prng, min: number, max: number): string {
  return `${rng.int(min, max)} x ${rng.int(min, max)} cm`;
}

function century(rng: Prng, from: number, to: number): string {
  const number = rng.int(from, to);
  return `${number}th century`;
}
