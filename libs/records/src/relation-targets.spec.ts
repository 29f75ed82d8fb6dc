import { relationMisfit, relationProblems } from './relation-targets';

describe('a relation role against its target’s kind', () => {
  it.each([
    ['person', 'member', 'organisation'],
    ['person', 'leader', 'organisation'],
    ['person', 'associate', 'organisation'],
    ['person', 'associate', 'person'],
    ['person', 'family', 'person'],
    ['person', 'used', 'vehicle'],
    ['person', 'owned', 'travel_document'],
    ['person', 'carried', 'firearm'],
    ['organisation', 'associate', 'organisation'],
    ['organisation', 'affiliate', 'organisation'],
  ])('fits: a %s’s %s to a %s', (declaring, role, target) => {
    expect(relationMisfit(declaring, role, target)).toBeUndefined();
  });

  it.each([
    ['person', 'member', 'vehicle', 'a person’s relation member must be to an organisation, not a vehicle'],
    ['person', 'leader', 'person', 'a person’s relation leader must be to an organisation, not a person'],
    ['person', 'family', 'organisation', 'a person’s relation family must be to a person, not an organisation'],
    [
      'person',
      'used',
      'person',
      'a person’s relation used must be to a vehicle, a travel document or a firearm, not a person',
    ],
    [
      'person',
      'carried',
      'artwork',
      'a person’s relation carried must be to a vehicle, a travel document or a firearm, not an artwork',
    ],
    [
      'person',
      'associate',
      'vehicle',
      'a person’s relation associate must be to a person or an organisation, not a vehicle',
    ],
    [
      'organisation',
      'associate',
      'person',
      'an organisation’s relation associate must be to an organisation, not a person',
    ],
    [
      'organisation',
      'affiliate',
      'firearm',
      'an organisation’s relation affiliate must be to an organisation, not a firearm',
    ],
    ['vehicle', 'used', 'person', 'a vehicle’s relation used must be to no record, not a person'],
  ])('misfits: a %s’s %s to a %s', (declaring, role, target, words) => {
    expect(relationMisfit(declaring, role, target)).toBe(words);
  });

  it('names each misfit by its path, and leaves a target not known yet to be judged later', () => {
    const kinds: Record<string, string> = { 'CAR-1': 'vehicle', 'GROUP-1': 'organisation' };
    const problems = relationProblems(
      'person',
      {
        relations: [
          { to: 'GROUP-1', role: 'member' },
          { to: 'CAR-1', role: 'member' },
          { to: 'NOT-YET', role: 'family' },
          { to: 'GROUP-1', role: 'used' },
        ],
      },
      'person',
      (ref) => kinds[ref],
    );
    expect(problems).toEqual([
      {
        field: 'person.relations[1].role',
        rule: 'fitsTarget',
        message: 'must be to an organisation for a person’s relation member; CAR-1 is a vehicle',
      },
      {
        field: 'person.relations[3].role',
        rule: 'fitsTarget',
        message:
          'must be to a vehicle, a travel document or a firearm for a person’s relation used; GROUP-1 is an organisation',
      },
    ]);
  });
});
