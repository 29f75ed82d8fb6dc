/**
 * English and Irish names. Spellings that are told apart only by ear
 * (Stephen and Steven, Clarke and Clark) count as variants, and so do the
 * forms a keyboard or a database makes of O'Brien and MacDonald.
 */
import { Culture, nameTable } from './culture';

const male = nameTable(
  `
  James
  John: Jon
  Robert
  Michael
  William
  David
  Richard
  Joseph
  Thomas
  Charles
  Christopher
  Daniel
  Matthew: Mathew
  Anthony: Antony
  Mark: Marc
  Steven: Stephen
  Paul
  Andrew
  Joshua
  Kevin
  Brian: Bryan
  George
  Edward
  Timothy
  Jason
  Jeffrey: Geoffrey
  Ryan
  Jacob
  Nicholas: Nicolas
  Eric: Erik
  Jonathan: Johnathan
  Liam
  Oliver
  Harry
  Jack
  Connor: Conor
  Sean: Shaun, Shawn
  Patrick
  Declan
  Aidan: Aiden
  `,
  'Latn',
);

const female = nameTable(
  `
  Mary
  Patricia
  Jennifer
  Linda
  Elizabeth: Elisabeth
  Barbara
  Susan
  Jessica
  Sarah: Sara
  Karen
  Nancy
  Lisa
  Margaret
  Emily
  Michelle
  Amanda
  Melissa
  Deborah: Debra
  Stephanie
  Rebecca
  Laura
  Catherine: Katherine, Kathryn
  Rachel
  Emma
  Olivia
  Charlotte
  Amelia
  Grace
  Chloe
  Hannah: Hanna
  Lucy
  Siobhan
  Aoife
  Niamh
  `,
  'Latn',
);

const family = nameTable(
  `
  Smith
  Jones
  Williams
  Taylor
  Brown
  Davies: Davis
  Evans
  Wilson
  Thomas
  Johnson
  Roberts
  Robinson
  Thompson: Thomson
  Wright
  Walker
  White
  Edwards
  Hughes
  Green: Greene
  Hall
  Lewis
  Harris
  Clarke: Clark
  Patel
  Jackson
  Wood
  Turner
  Martin
  Cooper
  Hill
  Ward
  Morris
  Moore
  King
  Baker
  Harrison
  Morgan
  Allen
  Scott
  Phillips: Philips
  Watson
  Parker
  Bennett
  Young
  Griffiths: Griffith
  Mitchell
  Kelly
  Cook: Cooke
  Murphy
  Gray: Grey
  Stevens: Stephens
  O'Brien: OBrien, O Brien
  O'Neill: ONeill, O'Neil
  MacDonald: McDonald, Macdonald
  McCarthy: MacCarthy
  `,
  'Latn',
);

export const english: Culture = {
  id: 'english',
  script: 'Latn',
  countries: [
    ['GBR', 4],
    ['USA', 3],
    ['IRL', 1],
    ['CAN', 1],
    ['AUS', 1],
  ],
  weight: 9,
  familyFirst: false,
  nativeSeparator: ' ',
  male,
  female,
  family,
  familyNameCount: 1,
  middleName: { kind: 'second_given', rate: 0.4 },
};
