import { legalFormOf, organisationNameOf } from './organisation-names';

describe('organisationNameOf: the distinctive name, without legal forms and introducers', () => {
  it.each<[string, string, string[]]>([
    ['Sonho Americano', 'Sonho Americano', []],
    ['Sonho Americano Ltda.', 'Sonho Americano', ['limited']],
    ['ООО «Северный путь»', '«Северный путь»', ['limited']],
    ['Общество с ограниченной ответственностью Северный путь', 'Северный путь', ['limited']],
    ['ОАО Газ-Транзит', 'Газ-Транзит', ['joint_stock']],
    ['Nordweg GmbH & Co. KG', 'Nordweg', ['partnership', 'company', 'limited']],
    ['Acme Holdings S.A.', 'Acme', ['joint_stock', 'group']],
    ['Acme S. A.', 'Acme', ['joint_stock']],
    ['Wisła Sp. z o.o.', 'Wisła', ['limited']],
    ['Blue Star Co., Ltd.', 'Blue Star', ['limited', 'company']],
    ['北京华联有限公司', '北京华联', ['limited']],
    ['株式会社トヨタ', 'トヨタ', ['joint_stock']],
    ['شركة الأمل ذ.م.م', 'الأمل', ['limited', 'company']],
    ['Hilfe für Alle e.V.', 'Hilfe für Alle', ['association']],
    ['the group known as Lei do Retorno', 'Lei do Retorno', []],
    ['a.k.a. CaiCai III', 'CaiCai III', []],
    ['la banda conocida como Los Rápidos', 'Los Rápidos', []],
    ['так называемая Бригада', 'Бригада', []],
    ['Cartel de Sinaloa', 'Sinaloa', ['criminal_group']],
    ['Sinaloa Cartel', 'Sinaloa', ['criminal_group']],
    ['Grupo Sonho Americano', 'Sonho Americano', ['group']],
  ])('%s → %s', (written, distinctive, legalForms) => {
    expect(organisationNameOf(written)).toEqual({ distinctive, legalForms });
  });

  it.each([
    ['a name that is all legal form keeps its last word', 'Holding GmbH', 'Holding'],
    ['an introducer with nothing after it stays', 'known as', 'known as'],
    ['a form inside the name stays', 'Banco SA Nordeste', 'Banco SA Nordeste'],
    ['a part of a word is no form', 'Saab', 'Saab'],
  ])('%s: %s → %s', (_, written, distinctive) => {
    expect(organisationNameOf(written).distinctive).toBe(distinctive);
  });
});

it.each([
  ['G.m.b.H.', 'limited'],
  ['ооо', 'limited'],
  ['Inc.', 'joint_stock'],
  ['有限公司', 'limited'],
  ['Kommanditgesellschaft auf Aktien', undefined],
])('legalFormOf(%s) is %s', (written, form) => {
  expect(legalFormOf(written)).toBe(form);
});
