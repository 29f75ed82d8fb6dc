/**
 * The demo organisations `npm start` shares: the groups the seed reports
 * name (Sonho Americano, Lei do Retorno, CaiCai III), shared by the demo
 * agency BRA under fixed references, one also in Cyrillic by the demo agency
 * PRT, and a fictitious person declared a member, so an organisation's
 * network has something to show. Only records whose reference its agency has
 * not used yet are shared: a record a user shared, changed or withdrew under
 * one of these references is left as it is.
 */

export const DEMO_ORGANISATION_AGENCIES = ['BRA', 'PRT'] as const;
type DemoAgency = (typeof DEMO_ORGANISATION_AGENCIES)[number];

const record = (externalRef: string, kind: 'organisation' | 'person', body: object) => ({
  kind,
  externalRef,
  dissemination: { scope: 'all' },
  purpose: 'investigation',
  caseRef: 'DEMO-NETWORKS',
  [kind]: body,
});

export const DEMO_ORGANISATIONS: Record<DemoAgency, object[]> = {
  BRA: [
    record('DEMO-ORG-SONHO-AMERICANO', 'organisation', {
      names: [{ name: 'Sonho Americano' }],
      organisationType: 'criminal_group',
      countries: ['BRA', 'USA'],
    }),
    record('DEMO-ORG-LEI-DO-RETORNO', 'organisation', {
      names: [{ name: 'Lei do Retorno' }, { name: 'the group known as Lei do Retorno', alias: true }],
      organisationType: 'criminal_group',
      countries: ['BRA'],
    }),
    record('DEMO-ORG-CAICAI-III', 'organisation', {
      names: [{ name: 'CaiCai III' }],
      organisationType: 'criminal_group',
      countries: ['BRA'],
      relations: [{ to: 'DEMO-ORG-LEI-DO-RETORNO', role: 'associate' }],
    }),
    record('DEMO-PERSON-MEMBER-1', 'person', {
      names: [{ given: 'Demo', family: 'Integrante' }],
      nationalities: ['BRA'],
      relations: [{ to: 'DEMO-ORG-SONHO-AMERICANO', role: 'member', since: '2023' }],
    }),
  ],
  PRT: [
    record('DEMO-ORG-SONHO-AMERICANO-CYRL', 'organisation', {
      names: [{ name: 'Сонхо Американо', script: 'Cyrl' }],
      organisationType: 'criminal_group',
      countries: ['BRA'],
    }),
  ],
};

/** Shares the demo records each agency has no record of yet under their references; answers how many it shared. */
export async function seedDemoOrganisations(intakeUrl: string, keyOf: (agency: DemoAgency) => Promise<string>) {
  let shared = 0;
  for (const agency of DEMO_ORGANISATION_AGENCIES) {
    const key = await keyOf(agency);
    const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
    const known = new Set<string>();
    for (const kind of ['organisation', 'person'])
      for (let cursor: string | null = ''; cursor !== null;) {
        const query = `owner=${agency}&kind=${kind}&limit=500${cursor ? `&cursor=${cursor}` : ''}`;
        const listed = await fetch(`${intakeUrl}/v1/records?${query}`, { headers });
        if (!listed.ok) throw new Error(`listing ${agency}'s records failed: HTTP ${listed.status}`);
        const page = (await listed.json()) as { records: { externalRef: string }[]; nextCursor: string | null };
        for (const record of page.records) known.add(record.externalRef);
        cursor = page.nextCursor;
      }
    const wanted = DEMO_ORGANISATIONS[agency].filter(
      (record) => !known.has((record as { externalRef: string }).externalRef),
    );
    if (wanted.length === 0) continue;
    const answer = await fetch(`${intakeUrl}/v1/records/batch`, {
      method: 'POST',
      headers,
      body: JSON.stringify(wanted),
    });
    if (!answer.ok) throw new Error(`sharing ${agency}'s demo organisations failed: HTTP ${answer.status}`);
    const { summary } = (await answer.json()) as { summary: { created: number; rejected: number } };
    if (summary.rejected > 0) throw new Error(`${summary.rejected} of ${agency}'s demo records were refused`);
    shared += summary.created;
  }
  return shared;
}
