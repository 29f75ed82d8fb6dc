import { openApiDocumentFor } from '@crosscheck/runtime';
import { ManageAgenciesHttpController } from './manage-agencies.http.controller';

describe("the admin API's OpenAPI document", () => {
  const { document } = openApiDocumentFor([ManageAgenciesHttpController], { title: 'intake', version: '0.1.0' });

  it('documents the agency and key bodies from the schemas they are checked with', () => {
    const body = (path: string) =>
      (document.paths[path].post as { requestBody: { content: Record<string, { schema: unknown }> } }).requestBody
        .content['application/json'].schema;
    expect(body('/v1/admin/agencies')).toEqual({ $ref: '#/components/schemas/CreateAgency' });
    expect(body('/v1/admin/agencies/{code}/keys')).toEqual({ $ref: '#/components/schemas/IssueKey' });
    expect(document.components.schemas.CreateAgency).toMatchObject({ required: ['code', 'name'] });
    expect(document.components.schemas.IssueKey.properties!.roles).toMatchObject({ minItems: 1, uniqueItems: true });
  });
});
