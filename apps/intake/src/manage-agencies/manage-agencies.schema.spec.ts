import { createAgencyInput, issueKeyInput } from './manage-agencies.schema';

describe('the admin bodies', () => {
  it('take an agency and a key request', () => {
    expect(createAgencyInput.parse({ code: 'FR-PN', name: 'Police nationale' })).toEqual({
      code: 'FR-PN',
      name: 'Police nationale',
    });
    expect(issueKeyInput.parse({ roles: ['agency', 'analyst'], label: 'ci' })).toEqual({
      roles: ['agency', 'analyst'],
      label: 'ci',
    });
  });

  it.each([
    ['a lower-case code', createAgencyInput, { code: 'fra', name: 'x' }, 'code', 'matches'],
    ['a code too long', createAgencyInput, { code: 'A'.repeat(17), name: 'x' }, 'code', 'matches'],
    ['no name', createAgencyInput, { code: 'FRA' }, 'name', 'isDefined'],
    ['an empty name', createAgencyInput, { code: 'FRA', name: '' }, 'name', 'isNotEmpty'],
    ['an unknown role', issueKeyInput, { roles: ['superuser'] }, 'roles', 'isIn'],
    ['no role', issueKeyInput, { roles: [] }, 'roles', 'arrayMinSize'],
    ['a role twice', issueKeyInput, { roles: ['agency', 'agency'] }, 'roles', 'arrayUnique'],
    ['a label too long', issueKeyInput, { roles: ['agency'], label: 'x'.repeat(201) }, 'label', 'maxLength'],
    ['an unknown field', issueKeyInput, { roles: ['agency'], expires: 'never' }, 'expires', 'unknownField'],
  ] as const)('refuse %s, naming the field and the rule', (_, input, body, field, rule) => {
    const checked = input.check(body);
    expect(checked.ok ? [] : checked.problems).toContainEqual(expect.objectContaining({ field, rule }));
  });
});
