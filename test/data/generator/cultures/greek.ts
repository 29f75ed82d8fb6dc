/**
 * Greek names in Greek with their accents, and in Latin: ELOT 743 as in
 * Greek passports first (Georgios, Panagiotis, Vasileios), then the older
 * or anglicised spellings (Yeoryios, Panayiotis, Vasilios). A woman's family
 * name is the genitive of the man's (Παπαδόπουλος → Παπαδοπούλου).
 */
import { Culture, feminineByRules, nameTable } from './culture';

const male = nameTable(
  `
  Γεώργιος: Georgios, Yeoryios, George
  Ιωάννης: Ioannis, Ioannes
  Κωνσταντίνος: Konstantinos, Constantinos
  Δημήτριος: Dimitrios, Demetrios
  Νικόλαος: Nikolaos, Nicolaos
  Παναγιώτης: Panagiotis, Panayiotis, Panagiotes
  Βασίλειος: Vasileios, Vasilios, Vassilios
  Χρήστος: Christos, Hristos
  Αθανάσιος: Athanasios, Athanassios
  Μιχαήλ: Michail, Michael, Mikhail
  Ευάγγελος: Evangelos, Evaggelos
  Σπυρίδων: Spyridon, Spiridon
  Αντώνιος: Antonios, Andonios
  Ελευθέριος: Eleftherios, Eleutherios
  Αλέξανδρος: Alexandros, Aleksandros
  Θεόδωρος: Theodoros, Theodore
  Εμμανουήλ: Emmanouil, Emmanuel
  Σταύρος: Stavros
  Στέφανος: Stefanos, Stephanos
  Ηλίας: Ilias, Elias
  Πέτρος: Petros
  Άγγελος: Angelos, Aggelos
  Χαράλαμπος: Charalampos, Charalambos, Haralambos
  Απόστολος: Apostolos
  Σωτήριος: Sotirios, Soterios
  Φώτιος: Fotios, Photios
  Λεωνίδας: Leonidas
  Ανδρέας: Andreas
  Γρηγόριος: Grigorios, Gregorios
  Αριστοτέλης: Aristotelis, Aristoteles
  `,
  'Grek',
);

const female = nameTable(
  `
  Μαρία: Maria
  Ελένη: Eleni, Helen
  Αικατερίνη: Aikaterini, Ekaterini
  Βασιλική: Vasiliki, Vassiliki
  Σοφία: Sofia, Sophia
  Αγγελική: Angeliki, Aggeliki
  Γεωργία: Georgia
  Δήμητρα: Dimitra, Demetra
  Κωνσταντίνα: Konstantina, Constantina
  Ευαγγελία: Evangelia, Evaggelia
  Ειρήνη: Eirini, Irini, Irene
  Παναγιώτα: Panagiota, Panayiota
  Χριστίνα: Christina, Hristina
  Ιωάννα: Ioanna, Joanna
  Αναστασία: Anastasia
  Θεοδώρα: Theodora
  Αθηνά: Athina, Athena
  Δέσποινα: Despoina, Despina
  Χρυσούλα: Chrysoula, Chrisoula, Hrisoula
  Φωτεινή: Foteini, Fotini, Photini
  Ζωή: Zoi, Zoe
  Αλεξάνδρα: Alexandra, Aleksandra
  Νικολέτα: Nikoleta, Nicoletta
  Στυλιανή: Styliani, Stiliani
  Καλλιόπη: Kalliopi, Calliope
  Παρασκευή: Paraskevi
  Αργυρώ: Argyro, Argiro
  Μαρίνα: Marina
  `,
  'Grek',
);

const family = nameTable(
  `
  Παπαδόπουλος: Papadopoulos, Papadopulos
  Παπαδάκης: Papadakis, Papadakes
  Παπαγεωργίου: Papageorgiou, Papageorgiu
  Γεωργίου: Georgiou
  Οικονόμου: Oikonomou, Economou, Ekonomou
  Νικολάου: Nikolaou, Nicolaou
  Παπανικολάου: Papanikolaou, Papanicolaou
  Βασιλείου: Vasileiou, Vasiliou
  Δημητρίου: Dimitriou, Demetriou
  Ιωάννου: Ioannou
  Αθανασίου: Athanasiou
  Κωνσταντινίδης: Konstantinidis, Constantinidis
  Παπαδημητρίου: Papadimitriou, Papademetriou
  Καραγιάννης: Karagiannis, Karayannis
  Αντωνίου: Antoniou
  Μακρής: Makris
  Αλεξίου: Alexiou
  Χριστοδούλου: Christodoulou, Hristodoulou
  Μαυρίδης: Mavridis
  Πετρόπουλος: Petropoulos
  Σταυρόπουλος: Stavropoulos
  Γεωργιάδης: Georgiadis
  Αγγελόπουλος: Angelopoulos, Aggelopoulos
  Νικολαΐδης: Nikolaidis
  Ιωαννίδης: Ioannidis
  Βλάχος: Vlachos, Vlahos
  Λαμπράκης: Lamprakis, Labrakis
  Μπακογιάννης: Bakogiannis, Bakoyannis
  Σαμαράς: Samaras
  Καραμανλής: Karamanlis
  Παπανδρέου: Papandreou
  Κυριακίδης: Kyriakidis, Kiriakidis
  Παππάς: Pappas, Papas
  Αναστασίου: Anastasiou
  Ζαχαρίου: Zachariou, Zahariou
  Παναγιωτόπουλος: Panagiotopoulos, Panayotopoulos
  Χατζηδάκης: Chatzidakis, Hatzidakis
  Σπυρόπουλος: Spyropoulos
  Κατσαρός: Katsaros
  Μιχαηλίδης: Michailidis, Michaelides
  Θεοδωρίδης: Theodoridis
  Δημόπουλος: Dimopoulos
  Τσακίρης: Tsakiris
  Αλεξανδρόπουλος: Alexandropoulos
  Κουτσογιάννης: Koutsogiannis, Koutsoyannis
  `,
  'Grek',
);

export const greek: Culture = {
  id: 'greek',
  script: 'Grek',
  countries: [
    ['GRC', 4],
    ['CYP', 1],
  ],
  weight: 4,
  familyFirst: false,
  nativeSeparator: ' ',
  male,
  female,
  family,
  familyNameCount: 1,
  feminine: feminineByRules(
    [
      [/όπουλος$/, 'οπούλου'],
      [/ός$/, 'ού'],
      [/ος$/, 'ου'],
      [/ής$/, 'ή'],
      [/ης$/, 'η'],
      [/άς$/, 'ά'],
      [/ας$/, 'α'],
    ],
    [
      [/opoulos$/, 'opoulou'],
      [/opulos$/, 'opulu'],
      [/os$/, 'ou'],
      [/(is|es)$/, 'i'],
      [/as$/, 'a'],
    ],
  ),
};
