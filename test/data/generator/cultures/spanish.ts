/**
 * Spanish-speaking names: two family names, the father's then the mother's
 * (García López), with and without their accents and ñ (Núñez → Nunez).
 */
import { Culture, nameTable } from './culture';

const male = nameTable(
  `
  José: Jose
  Antonio
  Juan
  Manuel
  Francisco
  Luis
  Javier: Xavier
  Miguel
  Carlos
  Ángel: Angel
  Jesús: Jesus
  David
  Pedro
  Daniel
  Alejandro
  Rafael
  Fernando
  Pablo
  Sergio
  Jorge
  Alberto
  Diego
  Raúl: Raul
  Enrique
  Ramón: Ramon
  Andrés: Andres
  Vicente
  Joaquín: Joaquin
  Íñigo: Inigo, Iñigo
  Álvaro: Alvaro
  Adrián: Adrian
  Rubén: Ruben
  Óscar: Oscar
  Iván: Ivan
  Martín: Martin
  Gonzalo
  Ignacio
  Agustín: Agustin
  Santiago
  Nicolás: Nicolas
  `,
  'Latn',
);

const female = nameTable(
  `
  María: Maria
  Carmen
  Josefa
  Isabel
  Ana
  Laura
  Cristina
  Marta
  Dolores
  Lucía: Lucia
  Pilar
  Elena
  Francisca
  Raquel
  Mercedes
  Rosa
  Concepción: Concepcion
  Beatriz
  Paula
  Patricia
  Silvia
  Teresa
  Nuria
  Rocío: Rocio
  Montserrat
  Mónica: Monica
  Alicia
  Sofía: Sofia
  Valentina
  Jimena: Ximena
  Guadalupe
  Lorena
  Andrea
  Natalia
  Begoña: Begona
  Verónica: Veronica
  Ángela: Angela
  Belén: Belen
  `,
  'Latn',
);

const family = nameTable(
  `
  García: Garcia
  Rodríguez: Rodriguez
  González: Gonzalez
  Fernández: Fernandez
  López: Lopez
  Martínez: Martinez
  Sánchez: Sanchez
  Pérez: Perez
  Gómez: Gomez
  Martín: Martin
  Jiménez: Jimenez
  Ruiz
  Hernández: Hernandez
  Díaz: Diaz
  Moreno
  Muñoz: Munoz
  Álvarez: Alvarez
  Romero
  Alonso
  Gutiérrez: Gutierrez
  Navarro
  Torres
  Domínguez: Dominguez
  Vázquez: Vazquez
  Ramos
  Gil
  Ramírez: Ramirez
  Serrano
  Blanco
  Molina
  Morales
  Suárez: Suarez
  Ortega
  Delgado
  Castro
  Ortiz
  Rubio
  Marín: Marin
  Sanz
  Núñez: Nunez
  Iglesias
  Medina
  Garrido
  Cortés: Cortes
  Castillo
  Santos
  Guerrero
  Méndez: Mendez
  Cruz
  León: Leon
  Márquez: Marquez
  Herrera
  Peña: Pena
  Flores
  Vega
  Reyes
  Ibáñez: Ibanez
  Benítez: Benitez
  Vargas
  Rojas
  `,
  'Latn',
);

export const spanish: Culture = {
  id: 'spanish',
  script: 'Latn',
  countries: [
    ['ESP', 4],
    ['MEX', 2],
    ['COL', 2],
    ['ARG', 1],
    ['PER', 1],
  ],
  weight: 7,
  familyFirst: false,
  nativeSeparator: ' ',
  male,
  female,
  family,
  familyNameCount: 2,
  middleName: { kind: 'second_given', rate: 0.25 },
};
