import { pathOf, routeOf } from './route';

it.each([
  ['/', { page: 'alerts' }],
  ['/alerts/3f2a-9', { page: 'alerts', alertId: '3f2a-9' }],
  ['/alerts/a%2Fb', { page: 'alerts', alertId: 'a/b' }],
  ['/subscriptions', { page: 'subscriptions' }],
  ['/network/5c1e-77', { page: 'network', entityId: '5c1e-77' }],
  ['/operations', { page: 'operations' }],
  ['/operations/TURQUESA-26', { page: 'operations', code: 'TURQUESA-26' }],
  ['/anything-else', { page: 'alerts' }],
])('%s is %p, and back', (path, route) => {
  expect(routeOf(path)).toEqual(route);
  if (path !== '/anything-else') expect(pathOf(routeOf(path))).toBe(path);
});
