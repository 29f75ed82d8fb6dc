/**
 * Dutch names, with the family name's prefix (van, de, van der) written as
 * in the Netherlands (van der Meer), capitalised as in Belgium or abroad (Van
 * der Meer) or run together (Vandermeer), and ij written as y (Dijkstra →
 * Dykstra).
 */
import { Culture, nameTable } from './culture';

const male = nameTable(
  `
  Jan
  Johannes
  Cornelis: Kornelis
  Hendrik: Hendrick
  Willem
  Gerrit
  Pieter: Peter
  Jacobus
  Dirk
  Adrianus
  Petrus
  Thomas
  Daan
  Sem
  Lucas: Lukas
  Bram
  Lars
  Jeroen
  Maarten: Marten
  Bas
  Ruud
  Sander
  Koen
  Joost
  Martijn: Martyn
  Stijn: Styn
  Thijs: Thys
  Wouter
  Gijs: Gys
  Niels
  Ruben
  Jesse
  `,
  'Latn',
);

const female = nameTable(
  `
  Maria
  Johanna
  Anna
  Cornelia
  Wilhelmina
  Elisabeth
  Hendrika
  Geertruida
  Margaretha: Margareta
  Emma
  Julia
  Sophie: Sofie
  Tess
  Sanne
  Lotte
  Lieke
  Femke
  Anouk
  Inge
  Marieke
  Ilse
  Esther: Ester
  Mirjam: Miriam
  Annelies
  Wilma
  Saskia
  Fleur
  Noor
  Marijke: Maryke
  Eva
  `,
  'Latn',
);

const family = nameTable(
  `
  de Jong: De Jong, Dejong
  Jansen
  de Vries: De Vries, Devries
  van den Berg: Van den Berg, Vandenberg
  van Dijk: Van Dijk, van Dyk
  Bakker
  Janssen
  Visser
  Smit
  Meijer: Meyer
  de Boer: De Boer
  Mulder
  de Groot: De Groot, Degroot
  Bos
  Vos
  Peters
  Hendriks: Hendricks
  van Leeuwen: Van Leeuwen
  Dekker
  Brouwer
  de Wit: De Wit
  Dijkstra: Dykstra
  Smits
  de Graaf: De Graaf
  van der Meer: Van der Meer, Vandermeer
  van der Linden: Van der Linden, Vanderlinden
  Kok
  Jacobs
  de Haan: De Haan
  Vermeulen
  van den Heuvel: Van den Heuvel
  van der Veen: Van der Veen
  van den Broek: Van den Broek, Vandenbroek
  de Bruijn: De Bruijn, de Bruyn
  van der Heijden: Van der Heijden, van der Heyden
  Schouten
  van Beek: Van Beek
  Willems
  van Vliet: Van Vliet
  van de Ven: Van de Ven
  Hoekstra
  Maas
  Verhoeven
  Koster
  van Dam: Van Dam
  van der Wal: Van der Wal
  Prins
  Blom
  Huisman
  Kuipers: Kuijpers, Kuypers
  van Wijk: Van Wijk, van Wyk
  `,
  'Latn',
);

export const dutch: Culture = {
  id: 'dutch',
  script: 'Latn',
  countries: [
    ['NLD', 4],
    ['BEL', 1],
  ],
  weight: 4,
  familyFirst: false,
  nativeSeparator: ' ',
  male,
  female,
  family,
  familyNameCount: 1,
  middleName: { kind: 'second_given', rate: 0.3 },
};
