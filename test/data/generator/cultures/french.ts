/**
 * French names with their accents, and as systems without them write them
 * (François → Francois, Hélène → Helene); compound given names with and
 * without the hyphen (Jean-Pierre, Jean Pierre).
 */
import { Culture, nameTable } from './culture';

const male = nameTable(
  `
  Jean
  Pierre
  Michel
  André: Andre
  Philippe
  Alain
  Jacques
  Bernard
  Patrick
  François: Francois
  Nicolas
  Christophe
  Daniel
  Frédéric: Frederic
  Laurent
  Stéphane: Stephane
  Éric: Eric
  Olivier
  Sébastien: Sebastien
  Julien
  Thierry
  Guillaume
  Mathieu: Matthieu
  Antoine
  Hugo
  Lucas
  Louis
  Théo: Theo
  Maxime
  Jean-Pierre: Jean Pierre, Jeanpierre
  Jean-Luc: Jean Luc
  Jean-Claude: Jean Claude
  Jérôme: Jerome
  Benoît: Benoit
  Raphaël: Raphael
  Gaël: Gael
  Yannick: Yanick
  Cédric: Cedric
  `,
  'Latn',
);

const female = nameTable(
  `
  Marie
  Nathalie: Natalie
  Isabelle
  Sylvie
  Catherine
  Françoise: Francoise
  Martine
  Christine
  Monique
  Valérie: Valerie
  Sandrine
  Sophie
  Céline: Celine
  Stéphanie: Stephanie
  Véronique: Veronique
  Aurélie: Aurelie
  Camille
  Julie
  Émilie: Emilie
  Léa: Lea
  Manon
  Chloé: Chloe
  Inès: Ines
  Zoé: Zoe
  Anaïs: Anais
  Océane: Oceane
  Marie-Claire: Marie Claire
  Anne-Sophie: Anne Sophie
  Hélène: Helene
  Brigitte
  Élodie: Elodie
  Mélanie: Melanie
  Amélie: Amelie
  Margaux
  `,
  'Latn',
);

const family = nameTable(
  `
  Martin
  Bernard
  Thomas
  Petit
  Robert
  Richard
  Durand
  Dubois
  Moreau
  Laurent
  Simon
  Michel
  Lefèvre: Lefevre
  Leroy: Le Roy
  Roux
  David
  Bertrand
  Morel
  Fournier
  Girard
  Bonnet
  Dupont: Du Pont
  Lambert
  Fontaine
  Rousseau
  Vincent
  Lefebvre
  Faure
  Mercier
  Blanc
  Guérin: Guerin
  Boyer
  Garnier
  Chevalier
  Legrand: Le Grand
  Gauthier: Gautier
  Perrin
  Robin
  Clément: Clement
  Morin
  Henry: Henri
  Masson
  Marchand
  Duval
  Dumont
  Noël: Noel
  Dufour
  Rivière: Riviere
  Gérard: Gerard
  Leclerc: Leclercq
  Lacroix: La Croix
  Lemaître: Lemaitre
  Prévost: Prevost
  Lévêque: Leveque
  Barthélemy: Barthelemy
  Da Silva: Dasilva
  Le Goff: Legoff
  `,
  'Latn',
);

export const french: Culture = {
  id: 'french',
  script: 'Latn',
  countries: [
    ['FRA', 6],
    ['BEL', 1],
    ['CHE', 1],
  ],
  weight: 7,
  familyFirst: false,
  nativeSeparator: ' ',
  male,
  female,
  family,
  familyNameCount: 1,
  middleName: { kind: 'second_given', rate: 0.2 },
};
