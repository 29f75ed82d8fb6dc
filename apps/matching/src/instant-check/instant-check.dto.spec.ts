import { checkQuery } from './instant-check.dto';

it('refuses to check an organisation, naming the kind and the rule', () => {
  const checked = checkQuery.check({ kind: 'organisation', organisation: { names: [{ name: 'Sonho Americano' }] } });
  expect(checked).toEqual({
    ok: false,
    problems: [expect.objectContaining({ field: 'kind', rule: 'isCheckable' })],
  });
});

it('checks the kinds a dataset holds', () => {
  expect(checkQuery.check({ kind: 'vehicle', vehicle: { vin: '1M8GDM9AXKP042788' } }).ok).toBe(true);
});
