import { readMrz } from './mrz';

const today = new Date('2026-12-06T00:00:00Z');

describe('readMrz', () => {
  it.each([
    [
      'a passport (TD3), as printed',
      'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10',
      {
        documentType: 'passport',
        number: 'L898902C3',
        issuingCountry: 'UTO',
        family: 'ERIKSSON',
        given: 'ANNA MARIA',
        dateOfBirth: '1974-08-12',
      },
    ],
    [
      'a passport typed in lower case with spaces',
      ' p<framartin<<claire<<<<<<<<<<<<<<<<<<<<<<<<<\n 17FR432118FRA8804021F3101012<<<<<<<<<<<<<<06 ',
      {
        documentType: 'passport',
        number: '17FR43211',
        issuingCountry: 'FRA',
        family: 'MARTIN',
        given: 'CLAIRE',
        dateOfBirth: '1988-04-02',
      },
    ],
    [
      'an ID card (TD1), three lines',
      'I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<',
      {
        documentType: 'id_card',
        number: 'D23145890',
        issuingCountry: 'UTO',
        family: 'ERIKSSON',
        given: 'ANNA MARIA',
        dateOfBirth: '1974-08-12',
      },
    ],
    [
      'a child born this century',
      'P<DEUMUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<\nC01X00T478DEU1208127F3108011<<<<<<<<<<<<<<04',
      { number: 'C01X00T47', issuingCountry: 'DEU', family: 'MUSTERMANN', given: 'ERIKA', dateOfBirth: '2012-08-12' },
    ],
  ])('reads %s', (_, text, expected) => {
    const result = readMrz(text, today);
    expect(result).toEqual({ ok: true, reading: expect.objectContaining(expected) });
  });

  it.each([
    ['one line', 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<'],
    ['lines of the wrong length', 'P<UTOERIKSSON<<ANNA\nL898902C36UTO7408122F'],
    ['no surname', 'P<UTO<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10'],
  ])('refuses %s with a message saying what an MRZ is', (_, text) => {
    const result = readMrz(text, today);
    expect(result.ok).toBe(false);
  });
});
