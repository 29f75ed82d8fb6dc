import { CreateReferenceAndMatches1763800000300 } from './1763800000300-create-reference-and-matches';

export const matchingMigrations = [CreateReferenceAndMatches1763800000300];
