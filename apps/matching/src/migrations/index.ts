import { CreateReferenceAndMatches1763800000300 } from './1763800000300-create-reference-and-matches';
import { MatchEveryDataset1763800000310 } from './1763800000310-match-every-dataset';
import { MatchesRecordVersion1763800000320 } from './1763800000320-matches-record-version';
import { JourneyTimes1763800000330 } from './1763800000330-journey-times';

export const matchingMigrations = [
  CreateReferenceAndMatches1763800000300,
  MatchEveryDataset1763800000310,
  MatchesRecordVersion1763800000320,
  JourneyTimes1763800000330,
];
