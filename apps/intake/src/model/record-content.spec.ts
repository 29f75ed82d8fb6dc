import { hashContent } from './record-content';

describe('hashContent', () => {
  it('is the same whatever the order of keys', () => {
    expect(hashContent({ a: 1, b: { c: [1, 2], d: 'x' } })).toBe(hashContent({ b: { d: 'x', c: [1, 2] }, a: 1 }));
  });

  it('ignores absent optional fields but not array order', () => {
    expect(hashContent({ a: 1, b: undefined })).toBe(hashContent({ a: 1 }));
    expect(hashContent({ names: ['x', 'y'] })).not.toBe(hashContent({ names: ['y', 'x'] }));
  });
});
