import { CreateReferenceAndMatches1763800000300 } from './1763800000300-create-reference-and-matches';
import { MatchEveryDataset1763800000310 } from './1763800000310-match-every-dataset';
import { MatchesRecordVersion1763800000320 } from './1763800000320-matches-record-version';
import { ReferenceContributions1763800000330 } from './1763800000330-reference-contributions';
import { NoticeRequests1763800000340 } from './1763800000340-notice-requests';
import { Operations1763800000350 } from './1763800000350-operations';
import { HitNoHitProbes1763800000360 } from './1763800000360-hit-no-hit-probes';
import { JourneyTimes1763800000370 } from './1763800000370-journey-times';
import { OperationOutcomesAndRecords1763800000380 } from './1763800000380-operation-outcomes-and-records';
import { ReferenceKeyCounts1763800000390 } from './1763800000390-reference-key-counts';

export const matchingMigrations = [
  CreateReferenceAndMatches1763800000300,
  MatchEveryDataset1763800000310,
  MatchesRecordVersion1763800000320,
  ReferenceContributions1763800000330,
  NoticeRequests1763800000340,
  Operations1763800000350,
  HitNoHitProbes1763800000360,
  JourneyTimes1763800000370,
  OperationOutcomesAndRecords1763800000380,
  ReferenceKeyCounts1763800000390,
];
