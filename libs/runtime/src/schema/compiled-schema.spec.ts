import { Type } from '@sinclair/typebox';
import { SchemaComponents } from '../openapi/schema-components';
import { compileSchema, defineFormat, fieldOf } from './compiled-schema';

defineFormat('even-length', {
  rule: 'isEvenLength',
  check: (value) => value.length % 2 === 0,
  message: (value) => `must have an even length, not ${value.length}`,
});

const Item = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 4 }),
    tags: Type.Optional(Type.Array(Type.String({ format: 'even-length' }))),
  },
  { $id: 'Item', additionalProperties: false },
);
const Order = Type.Object(
  {
    colour: Type.Union([Type.Literal('red'), Type.Literal('blue')]),
    items: Type.Array(Item, { minItems: 1 }),
    note: Type.Optional(
      Type.Transform(Type.String({ pattern: '^[a-z]+$', 'x-message': 'must be lower-case letters' }))
        .Decode((note) => note.toUpperCase())
        .Encode((note) => note.toLowerCase()),
    ),
  },
  { $id: 'Order', additionalProperties: false },
);
const order = compileSchema(Order, (value) =>
  value.items.length > 2 ? [{ field: 'items', rule: 'atMostTwo', message: 'must hold at most two items' }] : [],
);

describe('a compiled schema', () => {
  it.each([
    ['an unknown field', { colour: 'red', items: [{ code: 'A' }], size: 3 }, 'size', 'unknownField'],
    ['a missing field', { colour: 'red' }, 'items', 'isDefined'],
    ['a value off the list', { colour: 'green', items: [{ code: 'A' }] }, 'colour', 'isIn'],
    ['an empty string', { colour: 'red', items: [{ code: '' }] }, 'items[0].code', 'isNotEmpty'],
    ['a string too long', { colour: 'red', items: [{ code: 'ABCDE' }] }, 'items[0].code', 'maxLength'],
    ['a number for a string', { colour: 'red', items: [{ code: 7 }] }, 'items[0].code', 'isString'],
    ['a list for an object', { colour: 'red', items: [[]] }, 'items[0]', 'isObject'],
    ['an empty list', { colour: 'red', items: [] }, 'items', 'arrayMinSize'],
    ['a pattern broken', { colour: 'red', items: [{ code: 'A' }], note: 'Hi' }, 'note', 'matches'],
    [
      'a format broken in a list of strings',
      { colour: 'red', items: [{ code: 'A', tags: ['ab', 'abc'] }] },
      'items[0].tags',
      'isEvenLength',
    ],
    [
      'a rule beyond the schema',
      { colour: 'red', items: [{ code: 'A' }, { code: 'B' }, { code: 'C' }] },
      'items',
      'atMostTwo',
    ],
  ])('refuses %s, naming the field and the rule', (_, value, field, rule) => {
    const checked = order.check(value);
    expect(checked.ok).toBe(false);
    expect(checked.ok ? [] : checked.problems).toContainEqual(expect.objectContaining({ field, rule }));
  });

  it("says what a field's own rule says, and `each` for an item of a list", () => {
    expect(order.check({ colour: 'red', items: [{ code: 'A', tags: ['abc'] }], note: 'X' })).toEqual({
      ok: false,
      problems: [
        { field: 'items[0].tags', rule: 'isEvenLength', message: 'each must have an even length, not 3' },
        { field: 'note', rule: 'matches', message: 'must be lower-case letters' },
      ],
    });
  });

  it('answers a good value decoded, and parse throws the 400 for a bad one', () => {
    expect(order.parse({ colour: 'blue', items: [{ code: 'A' }], note: 'hi' })).toEqual({
      colour: 'blue',
      items: [{ code: 'A' }],
      note: 'HI',
    });
    expect(() => order.parse({ colour: 'blue' })).toThrow(expect.objectContaining({ code: 'validation_failed' }));
  });

  it('names fields as the error format does', () => {
    expect(fieldOf('/person/names/0/given')).toBe('person.names[0].given');
    expect(fieldOf('/0/person')).toBe('[0].person');
    expect(fieldOf('/a~1b')).toBe('a/b');
  });

  it('is documented as named components, a closed list as an enum', () => {
    const schemas = new SchemaComponents();
    expect(schemas.refSchema(Order)).toEqual({ $ref: '#/components/schemas/Order' });
    expect(schemas.components.Order.properties!.items).toEqual({
      type: 'array',
      minItems: 1,
      items: { $ref: '#/components/schemas/Item' },
    });
    expect(schemas.components.Order.properties!.colour).toEqual({ type: 'string', enum: ['red', 'blue'] });
    expect(schemas.components.Item).toEqual(
      expect.objectContaining({ additionalProperties: false, required: ['code'] }),
    );
  });
});
