/**
 * bench:organisation-names: how well organisation names resolve across
 * scripts, pure (no services). Organisations of two words are made from
 * netranslit's Russian dev pairs (Wikidata, CC0; one word's Latin and
 * Cyrillic forms): the Latin side with a Latin legal form or an introducer
 * (`Gentilini Persius LLC`, `the group known as ...`), the Cyrillic side with
 * a Russian one (`ООО «Джентилини Персий»`). Reports, over the true pairs, the
 * share that is one entity (score ≥ 0.85) or at least reviewed (≥ 0.7) and
 * the share that shares a blocking key; over false pairs (the same first word
 * and another second, or two organisations at random), the share scored one
 * entity. The same figures with legal forms left in the name show what their
 * handling is worth.
 *
 *   npm run bench:organisation-names -- --pairs 1000
 */
import {
  blockingKeys,
  compareNames,
  nameFormsOf,
  organisationFactsOf,
  recordFactsOf,
  scoreOrganisations,
} from '@crosscheck/resolution';
import { scriptPairs, shuffled } from './lib/public-names';
import { printReport, writeReport } from './lib/report';

const SAME_ENTITY = 0.85;
const REVIEW = 0.7;
const LATIN_FORMS = ['LLC', 'Ltd', 'GmbH', 'S.A.', '', 'Inc.', 'Sp. z o.o.'];
const CYRILLIC_FORMS = ['ООО', 'ОАО', 'ЗАО', '', 'АО', 'ПАО'];

const pairs = Number(process.argv[process.argv.indexOf('--pairs') + 1]) || 1000;
const capital = (word: string) => word[0].toUpperCase() + word.slice(1);

interface Organisation {
  latin: string;
  cyrillic: string;
  first: number;
}

function organisations(): Organisation[] {
  const words = shuffled(
    scriptPairs('russian').filter((pair) => pair.latin.length >= 4),
    15,
  );
  // Ten first words, each shared by many organisations, so that false pairs with one word in common abound.
  return Array.from({ length: pairs }, (_, i) => {
    const first = i % 10;
    const second = 10 + i;
    const latinForm = LATIN_FORMS[i % LATIN_FORMS.length];
    const cyrillicForm = CYRILLIC_FORMS[i % CYRILLIC_FORMS.length];
    const latinName = `${capital(words[first].latin)} ${capital(words[second].latin)}`;
    return {
      latin: i % 9 === 0 ? `the group known as ${latinName}` : `${latinName} ${latinForm}`.trim(),
      cyrillic: `${cyrillicForm} «${capital(words[first].other)} ${capital(words[second].other)}»`.trim(),
      first,
    };
  });
}

const facts = (name: string) => organisationFactsOf({ names: [{ name }] });
const byOrganisationEngine = (a: string, b: string) => scoreOrganisations(facts(a), facts(b)).score;
/** Baseline: the whole name as a person's would be, legal forms and introducers included. */
const byNameAlone = (a: string, b: string) => compareNames(nameFormsOf(a), nameFormsOf(b))?.score ?? 0;
const keysOf = (name: string) => blockingKeys(recordFactsOf('organisation', { names: [{ name }] }));

/** Shares of pairs at or over a score: true pairs one entity or reviewed, false pairs taken for one entity. */
function measure(score: (a: string, b: string) => number, all: Organisation[]) {
  const truePairs = all.map((organisation) => score(organisation.latin, organisation.cyrillic));
  const oneWordShared = all.map((organisation, i) => {
    const other = all.find((candidate, j) => j !== i && candidate.first === organisation.first)!;
    return score(organisation.latin, other.cyrillic);
  });
  // Each against one a third of the way round the list: another organisation, whose first word may match.
  const others = all.map((organisation, i) =>
    score(organisation.latin, all[(i + Math.floor(all.length / 3)) % all.length].cyrillic),
  );
  const share = (scores: number[], at: number) => round(scores.filter((s) => s >= at).length / scores.length);
  return {
    true_pairs_one_entity_ratio: share(truePairs, SAME_ENTITY),
    true_pairs_reviewed_or_one_ratio: share(truePairs, REVIEW),
    one_word_shared_one_entity_ratio: share(oneWordShared, SAME_ENTITY),
    other_organisations_one_entity_ratio: share(others, SAME_ENTITY),
  };
}

const round = (value: number) => Math.round(value * 1000) / 1000;

function main(): void {
  const all = organisations();
  const keyed = all.filter((organisation) => {
    const keys = new Set(keysOf(organisation.latin));
    return keysOf(organisation.cyrillic).some((key) => keys.has(key));
  }).length;
  const engine = measure(byOrganisationEngine, all);
  const baseline = measure(byNameAlone, all);
  const figures = {
    ...engine,
    true_pairs_sharing_a_key_ratio: round(keyed / all.length),
    ...Object.fromEntries(Object.entries(baseline).map(([name, value]) => [`baseline_${name}`, value])),
  };
  const { file, report } = writeReport({
    name: 'organisation-names',
    parameters: { pairs: all.length, data: 'netranslit russian.dev (Wikidata, CC0)' },
    figures,
    goals: {
      same_entity: { target: 'true_pairs_one_entity_ratio >= 0.9', met: engine.true_pairs_one_entity_ratio >= 0.9 },
      false_links: {
        target: 'one_word_shared_one_entity_ratio <= 0.01',
        met: engine.one_word_shared_one_entity_ratio <= 0.01,
      },
    },
    notes: [
      'baseline_*: the whole name compared as a name, legal forms and introducers included.',
      'Latin sides carry LLC, Ltd, GmbH, S.A., Inc., Sp. z o.o. or no form, one in nine "the group known as";' +
        ' Cyrillic sides ООО, ОАО, ЗАО, АО, ПАО or no form.',
    ],
  });
  printReport(report);
  console.log(`written to ${file}`);
}

main();
