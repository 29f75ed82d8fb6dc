/**
 * German names with umlauts and ß, and as machine-readable zones and
 * keyboards without them write them: Müller → Mueller (the passport's
 * transcription) or Muller (the umlaut simply dropped), Weiß → Weiss.
 */
import { Culture, nameTable } from './culture';

const male = nameTable(
  `
  Peter
  Michael
  Thomas
  Andreas
  Wolfgang
  Klaus: Claus
  Jürgen: Juergen, Jurgen
  Günter: Guenter, Gunter
  Stefan: Stephan
  Christian
  Uwe
  Werner
  Horst
  Frank
  Dieter
  Manfred
  Gerhard
  Hans
  Bernd
  Martin
  Helmut: Helmuth
  Matthias
  Ralf: Ralph
  Sven
  Alexander
  Markus: Marcus
  Tobias
  Florian
  Lukas: Lucas
  Jonas
  Maximilian
  Felix
  Björn: Bjoern, Bjorn
  Jörg: Joerg, Jorg
  Dirk
  Torsten: Thorsten
  Sebastian
  Niklas: Nicklas
  `,
  'Latn',
);

const female = nameTable(
  `
  Ursula
  Monika
  Petra
  Elisabeth
  Sabine
  Renate
  Helga
  Karin
  Brigitte
  Ingrid
  Erika
  Andrea
  Gisela
  Claudia
  Susanne
  Gabriele
  Christa
  Birgit
  Stefanie: Stephanie
  Julia
  Anna
  Lena
  Hannah: Hanna
  Sophie: Sofie
  Katharina: Catharina
  Jutta
  Bärbel: Baerbel, Barbel
  Käthe: Kaethe, Kathe
  Anke
  Heike
  Silke
  Doris
  Marlene
  Greta
  Ute
  `,
  'Latn',
);

const family = nameTable(
  `
  Müller: Mueller, Muller
  Schmidt
  Schneider
  Fischer
  Weber
  Meyer: Meier, Mayer
  Wagner
  Becker
  Schulz
  Hoffmann: Hofmann
  Schäfer: Schaefer, Schafer
  Koch
  Bauer
  Richter
  Klein
  Wolf
  Schröder: Schroeder, Schroder
  Neumann
  Schwarz
  Zimmermann
  Braun
  Krüger: Krueger, Kruger
  Hartmann
  Lange
  Schmitt
  Werner
  Schmitz
  Krause
  Lehmann
  Köhler: Koehler, Kohler
  Herrmann: Hermann
  König: Koenig, Konig
  Walter: Walther
  Huber
  Kaiser
  Fuchs
  Scholz
  Möller: Moeller, Moller
  Weiß: Weiss
  Jung
  Hahn
  Vogel
  Günther: Guenther, Gunther
  Roth
  Böhm: Boehm, Bohm
  Krämer: Kraemer, Kramer
  Jäger: Jaeger, Jager
  Groß: Gross
  Kühn: Kuehn, Kuhn
  Pfeiffer: Pfeifer
  Ziegler
  Brandt: Brand
  `,
  'Latn',
);

export const german: Culture = {
  id: 'german',
  script: 'Latn',
  countries: [
    ['DEU', 6],
    ['AUT', 2],
    ['CHE', 1],
  ],
  weight: 7,
  familyFirst: false,
  nativeSeparator: ' ',
  male,
  female,
  family,
  familyNameCount: 1,
  middleName: { kind: 'second_given', rate: 0.3 },
};
